import type { Lang } from '../model/lang.js';
import { storageMessage, type StorageErrorCode } from '../model/messages.js';
import { issueMessage, type FieldIssue } from '../model/validate.js';

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

export class ValidationError extends StorageError {
  override name = 'ValidationError';

  constructor(
    readonly issues: FieldIssue[],
    /** Position of the faulty record in a batch. */
    readonly index?: number,
  ) {
    super('validation');
  }

  /** Field name to localised message, for inline errors. */
  fieldMessages(lang: Lang): Record<string, string> {
    return Object.fromEntries(this.issues.map((issue) => [issue.field, issueMessage(issue, lang)]));
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
