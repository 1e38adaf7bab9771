const MARKS = /\p{M}+/gu;

/** Lower case without accents ("Évènement" → "evenement"), so a search matches however people type. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** True when every word of an already folded query appears in an already folded haystack. */
export function matchesWords(haystack: string, foldedQuery: string): boolean {
  for (const word of foldedQuery.split(/\s+/)) {
    if (word && !haystack.includes(word)) return false;
  }
  return true;
}
