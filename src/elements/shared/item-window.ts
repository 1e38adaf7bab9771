/** Items added by each "Show more". */
export const PAGE_SIZE = 30;
/**
 * Items rendered at once: about 14 elements each (item, day heading and list
 * included in the board), so a list stays under 1,000 elements whatever the count.
 */
export const MAX_RENDERED = 60;

/** The slice `[start, end)` of the filtered items (side events, seeds) that is in the DOM. */
export interface ItemWindow {
  start: number;
  end: number;
}

export function firstWindow(): ItemWindow {
  return { start: 0, end: PAGE_SIZE };
}

/** One page further; earlier items leave the DOM once `MAX_RENDERED` is reached. */
export function nextWindow({ start, end }: ItemWindow, total: number): ItemWindow {
  const nextEnd = Math.min(total, end + PAGE_SIZE);
  return { start: Math.max(start, nextEnd - MAX_RENDERED), end: nextEnd };
}

/** One page back; later items leave the DOM once `MAX_RENDERED` is reached. */
export function previousWindow({ start, end }: ItemWindow): ItemWindow {
  const previousStart = Math.max(0, start - PAGE_SIZE);
  return { start: previousStart, end: Math.min(end, previousStart + MAX_RENDERED) };
}

/**
 * The window kept on a page that exists when the list shrinks under it (a
 * filter, a removal); `end` may pass the list's length, which a slice tolerates.
 */
export function clampWindow(window: ItemWindow, total: number): ItemWindow {
  if (window.start < total || total === 0) return window;
  const lastStart = Math.floor((total - 1) / PAGE_SIZE) * PAGE_SIZE;
  return { start: lastStart, end: lastStart + PAGE_SIZE };
}

/** The window that renders item `index`: this one, or the one reached by paging towards it as the pager buttons do. */
export function windowWith(window: ItemWindow, index: number, total: number): ItemWindow {
  let shown = window;
  while (index < shown.start) shown = previousWindow(shown);
  while (index >= shown.end && shown.end < total) shown = nextWindow(shown, total);
  return shown;
}
