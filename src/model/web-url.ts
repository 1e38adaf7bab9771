/** True when `value`, resolved against `base` if relative, is an http(s) URL: the only links a record may carry into a page or a calendar. */
export function isWebUrl(value: string, base?: string): boolean {
  return URL.canParse(value, base) && /^https?:$/.test(new URL(value, base).protocol);
}
