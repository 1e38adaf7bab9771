import { safeAuthorHref } from '../shared/safe-url.js';

/** The page's address without its fragment, plus `#off`. */
export function defaultBadgeTarget(page: string = location.href): string {
  const url = new URL(page);
  url.hash = 'off';
  return url.href;
}

/** The absolute http(s) address the badge points to: `href` resolved against the page, or the default for anything else. */
export function badgeTarget(href: string | undefined, page: string = location.href): string {
  const fallback = defaultBadgeTarget(page);
  return new URL(safeAuthorHref(href?.trim(), fallback), page).href;
}
