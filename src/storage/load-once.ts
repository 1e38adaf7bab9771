/**
 * What `loader` gives, loaded on the first call to `load` and kept for the next ones. A load that fails is forgotten,
 * so that the next call tries again: a module that could not be fetched (offline, not cached yet) may come later.
 */
export class LoadOnce<T> {
  private kept?: Promise<T>;

  constructor(private readonly loader: () => Promise<T>) {}

  load(): Promise<T> {
    return (this.kept ??= this.loader().catch((error: unknown) => {
      this.kept = undefined;
      throw error;
    }));
  }

  /** The load begun and not failed (so far), if any. */
  get begun(): Promise<T> | undefined {
    return this.kept;
  }
}
