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

// Creating an Intl.DateTimeFormat costs far more than using one: the seed browser formats a date per seed shown.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The day a seed was planted, in the viewer's calendar. */
export function formatPlantedOn(iso: string, lang: string): string {
  let format = dayFormats.get(lang);
  if (!format) dayFormats.set(lang, (format = new Intl.DateTimeFormat(lang, { dateStyle: 'long' })));
  return format.format(new Date(iso));
}
