export type TextToken = { type: 'text'; text: string } | { type: 'url'; text: string; href: string };

// Candidates only: each is checked with the URL parser before it becomes a link.
const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'"»”’…]+$/;

const CLOSER_TO_OPENER: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

const occurrences = (text: string, char: string) => text.split(char).length - 1;

/** Drops sentence punctuation glued to a URL, and closing brackets the URL did not open ("(see https://x.org/a)."). */
function trimUrl(candidate: string): string {
  let url = candidate.replace(TRAILING_PUNCTUATION, '');
  let closer = url.at(-1) ?? '';
  while (closer in CLOSER_TO_OPENER && occurrences(url, CLOSER_TO_OPENER[closer]!) < occurrences(url, closer)) {
    url = url.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
    closer = url.at(-1) ?? '';
  }
  return url;
}

function webHref(text: string): string | undefined {
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname ? url.href : undefined;
}

function pushText(tokens: TextToken[], text: string): void {
  if (!text) return;
  const previous = tokens.at(-1);
  if (previous?.type === 'text') previous.text += text;
  else tokens.push({ type: 'text', text });
}

/**
 * Splits plain text into text and http(s) URL tokens, for rendering links
 * without markup. Anything that is not a parseable http(s) URL stays text.
 */
export function tokenizeLinks(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let position = 0;
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const url = trimUrl(match[0]);
    const href = webHref(url);
    if (!href) continue;
    pushText(tokens, text.slice(position, match.index));
    tokens.push({ type: 'url', text: url, href });
    position = match.index + url.length;
  }
  pushText(tokens, text.slice(position));
  return tokens;
}
