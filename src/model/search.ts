const MARKS = /\p{M}+/gu;

/** Lower case without accents ("Évènement" → "evenement"), so a search matches however people type. */
export function foldForSearch(text: string): string {
  // Most text is plain ASCII: skip the costly normalisation for it.
  const plain = /^[\x00-\x7f]*$/.test(text);
  return (plain ? text : text.normalize('NFD').replace(MARKS, '')).toLowerCase();
}

/** The folded words of a query ("  Café du " → ["cafe", "du"]), split once rather than once per haystack. */
export function searchWords(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter(Boolean);
}

/** True when every word (from `searchWords`) appears in an already folded haystack. */
export function matchesWords(haystack: string, words: readonly string[]): boolean {
  for (const word of words) {
    if (!haystack.includes(word)) return false;
  }
  return true;
}
