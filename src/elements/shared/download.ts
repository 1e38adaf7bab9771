import { foldForSearch } from '../../model/search.js';

// Revoking the object URL at once can cancel the download in some browsers.
const REVOKE_AFTER_MS = 30_000;

/** Offers `text` as a file through a temporary object URL and `<a download>`; nothing is added to the page. */
export function downloadText(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/** A file-name-safe slug: "Café & Co !" → "cafe-co"; '' when nothing is left. */
export function fileSlug(text: string, maxLength = 40): string {
  return foldForSearch(text)
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, '');
}
