import { toLang, type Lang } from '../../model/lang.js';

/**
 * The language an element speaks: its own `lang`, else the nearest ancestor's
 * (the page's), else the browser's, else English.
 */
export function resolveLang(element: Element): Lang {
  const declared = element.closest('[lang]')?.getAttribute('lang');
  return toLang(declared) ?? toLang(globalThis.navigator?.language) ?? 'en';
}

/**
 * An element's strings, read as `catalogue[lang]`. English is built in; French is a module of its own, loaded the
 * first time an element speaks it (`loading`), so a page pays only for the language it shows. Read before it has
 * loaded, or when it could not be (offline), French gives English.
 */
export type Catalogue<T> = Readonly<Record<Lang, T>> & {
  /** Undefined when the strings of `lang` are there; else resolves once they are, or could not be loaded (the next call tries again). */
  loading(lang: Lang): Promise<void> | undefined;
};

export function catalogue<T>(en: T, loadFr: () => Promise<T>): Catalogue<T> {
  let fr: T | undefined;
  let loading: Promise<void> | undefined;
  return {
    en,
    get fr() {
      return fr ?? en;
    },
    loading(lang) {
      if (lang === 'en' || fr) return undefined;
      return (loading ??= loadFr().then(
        (strings) => void (fr = strings),
        // Offline: English this time, and the next update tries again.
        () => void (loading = undefined),
      ));
    },
  };
}

export function plural(lang: Lang, count: number, forms: { one: string; other: string }): string {
  const rule = new Intl.PluralRules(lang).select(count);
  return (rule === 'one' ? forms.one : forms.other).replace('{n}', new Intl.NumberFormat(lang).format(count));
}
