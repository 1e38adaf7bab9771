import type { Context } from 'hono';

/**
 * The server's address as the public reaches it, the base of its records' canonical URLs: --public-url when given;
 * else, behind a proxy trusted with --trust-proxy, the X-Forwarded-Proto and X-Forwarded-Host it sets; else the
 * origin the request was made to.
 */
export function publicBase(c: Context, { publicUrl, trustProxy }: { publicUrl?: string; trustProxy: boolean }): string {
  if (publicUrl) return publicUrl;
  const { protocol, host } = new URL(c.req.url);
  if (!trustProxy) return `${protocol}//${host}`;
  const forwardedProto = c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim();
  const forwardedHost = c.req.header('X-Forwarded-Host')?.split(',')[0]?.trim();
  const proto = forwardedProto === 'http' || forwardedProto === 'https' ? `${forwardedProto}:` : protocol;
  return URL.parse(`${proto}//${forwardedHost || host}`)?.origin ?? `${protocol}//${host}`;
}
