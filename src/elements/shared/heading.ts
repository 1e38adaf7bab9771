import { literal, type StaticValue } from 'lit/static-html.js';

const HEADINGS: readonly StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/**
 * The heading tag of `level` (rounded; `fallback` when it is not a number) plus `depth`, kept within h1-h6:
 * an element's headings fit the page's outline.
 */
export function headingTag(level: number, fallback: number, depth = 0): StaticValue {
  return HEADINGS[Math.min(Math.max((Math.round(level) || fallback) + depth, 1), 6) - 1]!;
}
