/**
 * The position in the filtered list that a key moves focus to from item
 * `index` (ArrowDown/ArrowUp: next/previous, Home/End: first/last), or
 * undefined for any other key and past either end, where the key keeps its
 * usual effect (scrolling the page).
 */
export function itemKeyTarget(key: string, index: number, total: number): number | undefined {
  const target = key === 'ArrowDown' ? index + 1 : key === 'ArrowUp' ? index - 1 : key === 'Home' ? 0 : key === 'End' ? total - 1 : -1;
  return target >= 0 && target < total ? target : undefined;
}
