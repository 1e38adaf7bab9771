import type { EventRecordKind } from '../../model/records.js';
import { isBlank, type FormValues } from './fields.js';
import { draftKey, pageStorage, type SafeStorage } from './safe-storage.js';

const SAVE_DELAY_MS = 300;

/** What someone is typing into one form, kept on this device so a reload or a lost tab does not lose it. */
export class Draft {
  private pending?: { values: FormValues; timer: ReturnType<typeof setTimeout> };

  constructor(
    readonly kind: EventRecordKind,
    readonly event: string,
    private readonly storage: SafeStorage = pageStorage,
  ) {}

  private get key(): string {
    return draftKey(this.kind, this.event);
  }

  load(): FormValues | undefined {
    const values = this.storage.read<FormValues>(this.key);
    return values && typeof values === 'object' ? values : undefined;
  }

  /** Saves after a short pause in typing. */
  saveSoon(values: FormValues): void {
    if (this.pending) clearTimeout(this.pending.timer);
    this.pending = { values, timer: setTimeout(() => this.flush(), SAVE_DELAY_MS) };
  }

  /** Writes a pending save now (the page is being hidden or the form removed). */
  flush(): void {
    if (!this.pending) return;
    const { values, timer } = this.pending;
    clearTimeout(timer);
    this.pending = undefined;
    if (isBlank(this.kind, values)) this.storage.remove(this.key);
    else this.storage.write(this.key, values);
  }

  clear(): void {
    if (this.pending) clearTimeout(this.pending.timer);
    this.pending = undefined;
    this.storage.remove(this.key);
  }
}
