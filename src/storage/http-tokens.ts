import { del, getMany, setMany } from 'idb-keyval';
import type { RecordKind } from '../model/records.js';
import { keyUnder, localTable } from './http-local.js';

const tokensTable = localTable('off-layer-tokens', 'tokens');

/** Tokens saved in this page, so edit rights survive for the visit even when IndexedDB refuses to keep them. */
const inThisPage = new Map<string, string>();

/**
 * The edit tokens the server handed this device, one per record it created.
 * Whoever holds a token may update or delete that record; there are no accounts.
 */
export class EditTokens {
  private unsaved: [key: string, token: string][] = [];
  private writing = Promise.resolve();
  /** False once a token could not be kept on this device. */
  kept = true;

  constructor(
    private readonly base: string,
    /** Called when a token could not be kept: its record exists, only this page may still change it. */
    private readonly notKept: () => void,
  ) {}

  async get(kind: RecordKind, id: string): Promise<string | undefined> {
    const key = keyUnder(this.base, kind, id);
    const known = inThisPage.get(key);
    if (known) return known;
    try {
      return (await getMany<string>([key], await tokensTable()))[0];
    } catch (error) {
      console.warn('off-layer: edit rights on this device could not be read.', error);
      return undefined;
    }
  }

  /** Resolves once the token is kept; tokens saved meanwhile are written together (a bulk import makes thousands). */
  save(kind: RecordKind, id: string, token: string): Promise<void> {
    const key = keyUnder(this.base, kind, id);
    inThisPage.set(key, token);
    this.unsaved.push([key, token]);
    this.writing = this.writing.then(() => this.writeUnsaved());
    return this.writing;
  }

  private async writeUnsaved(): Promise<void> {
    const entries = this.unsaved.splice(0);
    if (entries.length === 0) return;
    try {
      await setMany(entries, await tokensTable());
    } catch (error) {
      // The record exists on the server already: failing here would make the person submit it twice.
      console.warn('off-layer: edit rights could not be kept on this device; they last as long as this page.', error);
      this.kept = false;
      this.notKept();
    }
  }

  async forget(kind: RecordKind, id: string): Promise<void> {
    const key = keyUnder(this.base, kind, id);
    inThisPage.delete(key);
    try {
      await del(key, await tokensTable());
    } catch (error) {
      // A token left behind grants nothing: its record is gone.
      console.warn('off-layer: an edit token could not be deleted.', error);
    }
  }
}
