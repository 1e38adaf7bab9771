/* Pure helpers behind the seed card: its links and its dates. */
import { safeAuthorHref } from '../shared/safe-url.js';

export const DEFAULT_SEED_HREF = '#seed-{id}';

/**
 * The absolute address of a seed: `pattern` with `{id}` replaced, resolved against the page; the default pattern
 * for a non-http(s) one, or none (the attribute removed).
 */
export function seedUrl(pattern: string | null, id: string, page: string = location.href): string {
  const fill = (template: string) => template.replaceAll('{id}', encodeURIComponent(id));
  return new URL(safeAuthorHref(pattern ? fill(pattern) : undefined, fill(DEFAULT_SEED_HREF)), page).href;
}

/** The day a seed was planted, in the viewer's calendar. */
export function formatPlantedOn(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(new Date(iso));
}
