import { safeAuthorHref } from '../shared/safe-url.js';

/**
 * The absolute http(s) address the badge points to: `href` resolved against the page; for anything else,
 * `#off` resolved against it, which is the page's address with its own fragment replaced.
 */
export function badgeTarget(href: string | undefined, page: string = location.href): string {
  return new URL(safeAuthorHref(href?.trim(), '#off'), page).href;
}
