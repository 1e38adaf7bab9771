import type { Lang } from '../model/lang.js';
import { storageMessage, type StorageErrorCode } from '../model/messages.js';

/** Every failure a store reports; `messageIn(lang)` is ready to show to a person. */
export class StorageError extends Error {
  override name = 'StorageError';

  constructor(
    readonly code: StorageErrorCode,
    options?: { cause?: unknown },
  ) {
    super(storageMessage(code, 'en'), options);
  }

  messageIn(lang: Lang): string {
    return storageMessage(this.code, lang);
  }
}

export class NotFoundError extends StorageError {
  override name = 'NotFoundError';

  constructor(readonly id: string) {
    super('not-found');
  }
}

export class UnavailableError extends StorageError {
  override name = 'UnavailableError';

  constructor(cause?: unknown) {
    super('unavailable', { cause });
  }
}

export class QuotaError extends StorageError {
  override name = 'QuotaError';

  constructor(cause?: unknown) {
    super('quota', { cause });
  }
}

/** The server asked us to slow down; `retryAfterMs` comes from its `Retry-After` header. */
export class RateLimitedError extends StorageError {
  override name = 'RateLimitedError';

  constructor(readonly retryAfterMs: number) {
    super('rate-limited');
  }
}

/** Failures that say "not now" rather than "no": the write is kept as pending and tried again. */
export function isTransient(error: unknown): error is UnavailableError | QuotaError | RateLimitedError {
  return error instanceof UnavailableError || error instanceof QuotaError || error instanceof RateLimitedError;
}
