import { safeAuthorHref } from '../shared/safe-url.js';

/**
 * Campaign tags and ad click ids (Google, Facebook, Microsoft Ads, Mailchimp, whose `mc_eid` even names the
 * subscriber) that come with a visitor, not with the page: printed in a QR code, they would credit every scan
 * to that visitor's campaign.
 */
const TRACKING_PARAM = /^(utm_|(fbclid|gclid|msclkid|mc_[ce]id)\b)/;

/**
 * The absolute http(s) address the badge points to: `href` resolved against this page; for anything else,
 * `#off` resolved against it, which is the page's address with its own fragment replaced. This page's address
 * is taken without the campaign tags and click ids the visitor arrived with; an `href` keeps its own.
 */
export function badgeTarget(href: string | undefined, page: string = location.href): string {
  const thisPage = new URL(page);
  // Filtered as written: URLSearchParams would encode the parameters kept in its own way.
  thisPage.search = thisPage.search.slice(1).split('&').filter((param) => !TRACKING_PARAM.test(param)).join('&');
  return new URL(safeAuthorHref(href?.trim(), '#off'), thisPage).href;
}
