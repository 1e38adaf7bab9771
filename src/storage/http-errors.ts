import type { FieldIssue } from '../model/validate.js';
import { NotFoundError, RateLimitedError, StorageError, UnavailableError } from './errors.js';

interface ErrorBody {
  error?: { code?: string; message?: string; issues?: FieldIssue[] };
}

function retryAfterMs(header: string | null): number {
  if (!header) return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - Date.now());
}

async function errorBody(response: Response): Promise<ErrorBody['error']> {
  try {
    return ((await response.json()) as ErrorBody).error;
  } catch {
    return undefined;
  }
}

/** Turns a refused request into the typed error every store throws; `id` names the record it was about. */
export async function toStorageError(response: Response, id: string): Promise<StorageError> {
  const { status } = response;
  if (status >= 500) return new UnavailableError(new Error(`HTTP ${status}`));
  if (status === 429) return new RateLimitedError(retryAfterMs(response.headers.get('Retry-After')));
  if (status === 404) return new NotFoundError(id);
  if (status === 401 || status === 403) return new StorageError('forbidden');
  if (status === 409) return new StorageError('conflict');
  const body = await errorBody(response);
  // The anti-bot checks: a person who was too quick checks and sends again, a bot is refused.
  if (body?.code === 'too-fast') return new StorageError('too-fast');
  if (body?.code === 'bot') return new StorageError('forbidden');
  // Loaded here: a page that only reads never downloads the field messages.
  const { ValidationError } = await import('./validation-error.js');
  return new ValidationError(body?.issues ?? []);
}
