import { issueMessage } from '../model/field-messages.js';
import type { Lang } from '../model/lang.js';
import type { FieldIssue } from '../model/validate.js';
import { StorageError } from './errors.js';

// Apart from errors.ts: only writes validate, so pages that only read never load the field messages.
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
