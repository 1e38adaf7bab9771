export type ShareOutcome = 'shared' | 'copied' | 'cancelled' | 'by-hand';

export function canShare(): boolean {
  return typeof navigator.share === 'function';
}

/**
 * The system share sheet where the browser has one, else the clipboard;
 * 'by-hand' when neither works (no permission, insecure page) and the link must be shown to copy.
 */
export async function shareLink(link: { title: string; url: string }): Promise<ShareOutcome> {
  if (canShare()) {
    try {
      await navigator.share(link);
      return 'shared';
    } catch (error) {
      if ((error as DOMException).name === 'AbortError') return 'cancelled';
    }
  }
  try {
    await navigator.clipboard.writeText(link.url);
    return 'copied';
  } catch {
    return 'by-hand';
  }
}
