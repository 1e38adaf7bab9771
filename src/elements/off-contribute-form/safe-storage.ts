/**
 * JSON in `localStorage` that never throws: private modes throw SecurityError
 * on access and QuotaExceededError on write. What cannot be written is kept
 * in memory for the life of the page, so this page still sees its own writes.
 */
export class SafeStorage {
  private readonly shadow = new Map<string, string>();

  constructor(private readonly backing: () => Storage = () => globalThis.localStorage) {}

  read<T>(key: string): T | undefined {
    let raw: string | null | undefined = this.shadow.get(key);
    if (raw === undefined) {
      try {
        raw = this.backing().getItem(key);
      } catch {
        raw = null;
      }
    }
    try {
      return raw == null ? undefined : (JSON.parse(raw) as T);
    } catch {
      return undefined;
    }
  }

  write(key: string, value: unknown): void {
    const raw = JSON.stringify(value);
    try {
      this.backing().setItem(key, raw);
      this.shadow.delete(key);
    } catch {
      this.shadow.set(key, raw);
    }
  }

  remove(key: string): void {
    this.shadow.delete(key);
    try {
      this.backing().removeItem(key);
    } catch {
      // Nothing was stored where storage is refused.
    }
  }
}

export const pageStorage = new SafeStorage();

/** `off-layer:draft:<kind>:<event>`: one draft per form kind and host event. */
export function draftKey(kind: string, event: string): string {
  return `off-layer:draft:${kind}:${event}`;
}
