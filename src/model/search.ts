const MARKS = /\p{M}+/gu;

/** Lower case without accents ("Évènement" → "evenement"), so a search matches however people type. */
export function foldForSearch(text: string): string {
  // Most text is plain ASCII: skip the costly normalisation for it.
  const plain = /^[\x00-\x7f]*$/.test(text);
  return (plain ? text : text.normalize('NFD').replace(MARKS, '')).toLowerCase();
}

/** True when every word of an already folded query appears in an already folded haystack. */
export function matchesWords(haystack: string, foldedQuery: string): boolean {
  for (const word of foldedQuery.split(/\s+/)) {
    if (word && !haystack.includes(word)) return false;
  }
  return true;
}
