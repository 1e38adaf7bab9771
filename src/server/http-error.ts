import type { FieldIssue } from '../model/validate.js';

const ERRORS = {
  validation: { status: 400, message: 'Some fields need attention.' },
  'bad-json': { status: 400, message: 'The request body is not valid JSON.' },
  'bad-request': { status: 400, message: 'The request is malformed.' },
  'too-many': { status: 400, message: 'A batch holds at most 1,000 records; send them in several batches.' },
  'bad-cursor': { status: 400, message: 'since must be a cursor the server gave (X-Off-Cursor, or "cursor" in a since answer).' },
  bot: { status: 400, message: 'This looks automated: the hidden field was filled in.' },
  'too-fast': { status: 400, message: 'The form token is too recent: send again a few seconds after fetching it (waitMs).' },
  unauthorized: { status: 401, message: 'This needs an Authorization: Bearer <token> header.' },
  forbidden: { status: 403, message: 'This token does not allow that.' },
  'form-token': {
    status: 403,
    message: 'A create needs a form token from GET /api/form-token in X-Off-Form-Token; this one is missing, forged or expired.',
  },
  'proof-of-work': { status: 403, message: 'Solve the challenge of GET /api/form-token and send it as { "proofOfWork": payload }.' },
  'not-found': { status: 404, message: 'Nothing here (any more).' },
  conflict: { status: 409, message: 'This id is taken: another record has it.' },
  busy: { status: 409, message: 'Another server process is syncing this subscription now; its status will show the outcome.' },
  reload: { status: 410, message: 'The server cannot tell what changed since this cursor any more: fetch the whole list again.' },
  'payload-too-large': { status: 413, message: 'The request body is too large.' },
  'unsupported-media-type': { status: 415, message: 'Send the body as application/json.' },
  'rate-limited': { status: 429, message: 'Too many writes; wait before trying again.' },
  internal: { status: 500, message: 'Something went wrong on the server.' },
  unavailable: { status: 503, message: 'The database is unavailable; try again shortly.' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  /** `index`: the position of the record at fault in a batch. */
  error: { code: ErrorCode; message: string; index?: number; issues?: FieldIssue[] };
}

/** A refusal the API answers with `{ error: { code, message, issues? } }` and the status its code implies. */
export class HttpError extends Error {
  readonly status: (typeof ERRORS)[ErrorCode]['status'];

  constructor(
    readonly code: ErrorCode,
    readonly details: { issues?: FieldIssue[]; index?: number; retryAfterSeconds?: number; message?: string } = {},
  ) {
    super(details.message ?? ERRORS[code].message);
    this.status = ERRORS[code].status;
  }

  get body(): ErrorBody {
    const { issues, index } = this.details;
    return { error: { code: this.code, message: this.message, ...(index !== undefined && { index }), ...(issues && { issues }) } };
  }

  get headers(): Record<string, string> {
    const { retryAfterSeconds } = this.details;
    return retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) };
  }
}
