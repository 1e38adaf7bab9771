import { literal, type StaticValue } from 'lit/static-html.js';

const HEADINGS: readonly StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/** The heading tag of `level` (1 to 6, rounded and clamped), or of `fallback` when `level` is not a number: to fit the page's outline. */
export function headingTag(level: number, fallback: number): StaticValue {
  return HEADINGS[Math.min(Math.max(Math.round(level) || fallback, 1), 6) - 1]!;
}
