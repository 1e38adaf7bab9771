import type { Lang } from './lang.js';
import type { License } from './records.js';

interface LicenseInfo {
  url: string;
  name: Record<Lang, string>;
}

export const LICENSE_INFO: Readonly<Record<License, LicenseInfo>> = {
  'CC0-1.0': {
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    name: { en: 'CC0 1.0 Universal (public domain)', fr: 'CC0 1.0 universel (domaine public)' },
  },
  'CC-BY-4.0': {
    url: 'https://creativecommons.org/licenses/by/4.0/',
    name: { en: 'Creative Commons Attribution 4.0', fr: 'Creative Commons Attribution 4.0' },
  },
  'CC-BY-SA-4.0': {
    url: 'https://creativecommons.org/licenses/by-sa/4.0/',
    name: {
      en: 'Creative Commons Attribution-ShareAlike 4.0',
      fr: 'Creative Commons Attribution - Partage dans les mêmes conditions 4.0',
    },
  },
};

/** The licence's name in `lang` and the page of its legal code; undefined for an id outside `LICENSES`. */
export function licenseFor(id: string, lang: Lang): { name: string; url: string } | undefined {
  const info = Object.hasOwn(LICENSE_INFO, id) ? LICENSE_INFO[id as License] : undefined;
  return info && { name: info.name[lang], url: info.url };
}
