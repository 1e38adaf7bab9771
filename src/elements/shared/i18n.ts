import { toLang, type Lang } from '../../model/lang.js';

/**
 * The language an element speaks: its own `lang`, else the nearest ancestor's
 * (the page's), else the browser's, else English.
 */
export function resolveLang(element: Element): Lang {
  const declared = element.closest('[lang]')?.getAttribute('lang');
  return toLang(declared) ?? toLang(globalThis.navigator?.language) ?? 'en';
}

/** A catalogue has the same keys in every language; the type checker enforces it. */
export type Catalogue<T> = Record<Lang, T>;

export function plural(lang: Lang, count: number, forms: { one: string; other: string }): string {
  const rule = new Intl.PluralRules(lang).select(count);
  return (rule === 'one' ? forms.one : forms.other).replace('{n}', new Intl.NumberFormat(lang).format(count));
}
