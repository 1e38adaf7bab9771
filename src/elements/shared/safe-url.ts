import { isWebUrl } from '../../model/web-url.js';

// Relative references resolve against this, so only absolute URLs bring their own scheme.
const RELATIVE_BASE = 'https://relative.invalid/';

/** The value when it is an absolute http(s) URL, else undefined: the only links user records may render. */
export function safeWebUrl(value: string | undefined): string | undefined {
  return value && isWebUrl(value) ? value : undefined;
}

/** An author-given link (relative, or absolute http(s)); `fallback` for anything else, such as `javascript:`. */
export function safeAuthorHref(value: string | undefined, fallback: string): string {
  return value && isWebUrl(value, RELATIVE_BASE) ? value : fallback;
}
