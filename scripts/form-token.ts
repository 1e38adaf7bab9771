/**
 * A form token of the reference server whose API is at `api` (`…/api`), once it is old enough for a
 * create to present it (X-Off-Form-Token): for scripts and tests that create records over HTTP.
 */
export async function readyFormToken(api: string): Promise<string> {
  const response = await fetch(`${api}/form-token`);
  if (!response.ok) throw new Error(`${api}/form-token answered ${response.status}`);
  const { token, waitMs } = (await response.json()) as { token: string; waitMs: number };
  await new Promise((resolve) => setTimeout(resolve, waitMs));
  return token;
}
