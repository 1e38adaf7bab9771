import { KIND_SEGMENTS, type OffRecord, type RecordKind, type RecordOf } from '../model/records.js';
import { NotFoundError, StorageError, UnavailableError } from './errors.js';
import { toStorageError } from './http-errors.js';
import { LoadOnce } from './load-once.js';
import type { ListQuery, PutOptions } from './store.js';


/** Long enough for a 10,000-record list on a slow phone, short enough that a hung server counts as down. */
const REQUEST_TIMEOUT_MS = 30000;

export interface Created {
  record: OffRecord;
  editToken: string;
}

export interface WriteHeaders extends PutOptions {
  /** Same key, same effect: the server answers a replay without writing twice. */
  idempotencyKey: string;
  editToken?: string;
}

interface Write {
  method: string;
  body?: object;
  headers: WriteHeaders;
  formToken?: string;
}

function writeHeaders({ headers: { idempotencyKey, editToken, honeypot }, formToken }: Write): Record<string, string> {
  const headers: Record<string, string> = { 'Idempotency-Key': idempotencyKey };
  if (editToken) headers.Authorization = `Bearer ${editToken}`;
  if (honeypot !== undefined) headers['X-Off-Honeypot'] = honeypot;
  if (formToken !== undefined) headers['X-Off-Form-Token'] = formToken;
  return headers;
}

/** The checks of records read from a server, loaded with the first read. */
export const readChecks = () => import('./read-checks.js');

/** The read checks, downloading while a read is on its way; a failure to load shows where they are awaited. */
export function loadChecks() {
  const checks = readChecks();
  checks.catch(() => {});
  return checks;
}

async function errorCode(response: Response): Promise<unknown> {
  return ((await response.json().catch(() => undefined)) as { error?: { code?: unknown } } | undefined)?.error?.code;
}

/** The server no longer knows what changed since a cursor (or never did): the whole list must be read again. */
export class ReloadNeeded extends Error {
  override name = 'ReloadNeeded';
}

/** What changed in a list since a cursor: records put (as they now stand) and ids removed, and the cursor after them. */
export interface ListChanges<R extends OffRecord = OffRecord> {
  cursor: string;
  puts: R[];
  removes: string[];
}

/** The server refused a create's form token: another is fetched and the create sent again, once. */
class FormTokenRefused extends StorageError {
  constructor() {
    super('forbidden');
  }
}

/**
 * The reference server's REST API, one method per endpoint; failures are typed `StorageError`s.
 * Creates carry a form token (see FormToken); records read are checked like writes.
 */
export class HttpApi {
  /**
   * The form token's code, loaded when a form appears or with the first create: a page that only reads never downloads
   * it. Not loaded (offline), the create is unavailable, kept to be sent again, and the next one tries again.
   */
  private readonly formToken = new LoadOnce(() =>
    import('./form-token.js').then(
      ({ FormToken }) => new FormToken(this.base),
      (error: unknown) => {
        throw new UnavailableError(error);
      },
    ),
  );

  /** `base` is the API root without a trailing slash, e.g. `https://example.org/api`. */
  constructor(readonly base: string) {}

  /** Creates are coming (a form appeared): their form token is fetched now. */
  prepareCreates(): void {
    this.formToken.load().then(
      (formToken) => formToken.prefetch(),
      () => {},
    );
  }

  get streamUrl(): string {
    return `${this.base}/stream`;
  }

  /** A list narrowed on the server: each field of `query` given is a query parameter of the same name. */
  async list<K extends RecordKind>(kind: K, query: ListQuery = {}): Promise<RecordOf[K][]> {
    return (await this.listWithCursor(kind, query)).records;
  }

  /** A list and the cursor it stands at (none from a server without incremental sync). */
  async listWithCursor<K extends RecordKind>(kind: K, query: ListQuery = {}): Promise<{ records: RecordOf[K][]; cursor?: string }> {
    const path = this.listPath(kind, query);
    const checks = loadChecks();
    const response = await this.send(path, '');
    const records = await this.json(response);
    if (!Array.isArray(records)) throw new UnavailableError(new Error(`${this.base}${path} did not answer a list`));
    return { records: (await checks).readableRecords(kind, records, this.base), cursor: response.headers.get('X-Off-Cursor') ?? undefined };
  }

  /** What changed in a list since `cursor`; throws `ReloadNeeded` when the server cannot say. */
  async changesSince<K extends RecordKind>(kind: K, query: ListQuery, cursor: string): Promise<ListChanges<RecordOf[K]>> {
    const path = this.listPath(kind, { ...query, since: cursor } as ListQuery);
    const checks = loadChecks();
    let response: Response;
    try {
      response = await this.send(path, '');
    } catch (error) {
      if (error instanceof StorageError && error.code !== 'unavailable' && error.code !== 'rate-limited') throw new ReloadNeeded();
      throw error;
    }
    const answer = (await this.json(response)) as Partial<ListChanges> | undefined;
    const { cursor: next, puts, removes } = answer ?? {};
    if (typeof next !== 'string' || !Array.isArray(puts) || !Array.isArray(removes)) throw new ReloadNeeded();
    const valid = (await checks).readableRecords(kind, puts, this.base);
    // A record left out as unreadable must not linger as it was: it goes, like one removed.
    const unreadable = puts.flatMap((put: { id?: unknown }) => (typeof put?.id === 'string' && !valid.some((record) => record.id === put.id) ? [put.id] : []));
    return { cursor: next, puts: valid, removes: [...removes.filter((id): id is string => typeof id === 'string'), ...unreadable] };
  }

  async get<K extends RecordKind>(kind: K, id: string): Promise<RecordOf[K]> {
    const checks = loadChecks();
    const answer = await this.request(this.recordPath(kind, id), id);
    const [record] = (await checks).readableRecords(kind, [answer], this.base);
    if (!record) throw new NotFoundError(id);
    return record;
  }

  create(kind: RecordKind, input: object, headers: WriteHeaders): Promise<Created> {
    return this.withFormToken((formToken) => this.request(`/${KIND_SEGMENTS[kind]}`, '', { method: 'POST', body: input, headers, formToken })) as Promise<Created>;
  }

  /** Creates all the records or none (`POST …/batch`); the answers come in input order. */
  async createMany(kind: RecordKind, inputs: object[], headers: WriteHeaders): Promise<Created[]> {
    const body = { records: inputs };
    const send = (formToken?: string) => this.request(`/${KIND_SEGMENTS[kind]}/batch`, '', { method: 'POST', body, headers, formToken });
    const { results } = (await this.withFormToken(send)) as { results: Created[] };
    return results;
  }

  replace(kind: RecordKind, id: string, input: object, headers: WriteHeaders): Promise<OffRecord> {
    return this.request(this.recordPath(kind, id), id, { method: 'PUT', body: input, headers }) as Promise<OffRecord>;
  }

  async remove(kind: RecordKind, id: string, headers: WriteHeaders): Promise<void> {
    await this.request(this.recordPath(kind, id), id, { method: 'DELETE', headers });
  }

  private listPath(kind: RecordKind, query: ListQuery): string {
    const parameters = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined));
    return `/${KIND_SEGMENTS[kind]}${parameters.size ? `?${parameters}` : ''}`;
  }

  private recordPath(kind: RecordKind, id: string): string {
    return `/${KIND_SEGMENTS[kind]}/${encodeURIComponent(id)}`;
  }

  private async withFormToken(send: (formToken?: string) => Promise<unknown>): Promise<unknown> {
    const formToken = await this.formToken.load();
    try {
      return await send(await formToken.ready());
    } catch (error) {
      if (!(error instanceof FormTokenRefused)) throw error;
      formToken.refused();
      return send(await formToken.ready());
    }
  }

  private async request(path: string, id: string, write?: Write): Promise<unknown> {
    return this.json(await this.send(path, id, write));
  }

  /**
   * One request; a refusal throws its typed error. Reads always revalidate what the browser keeps (a 304 costs
   * a few bytes): a list kept for its `max-age` would hide a write made a moment ago.
   */
  private async send(path: string, id: string, write?: Write): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', ...(write && writeHeaders(write)) };
    if (write?.body) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        method: write?.method ?? 'GET',
        headers,
        body: write?.body && JSON.stringify(write.body),
        cache: write ? 'default' : 'no-cache',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new UnavailableError(error);
    }
    if (response.status === 403 && write?.formToken !== undefined && (await errorCode(response.clone())) === 'form-token') throw new FormTokenRefused();
    if (!response.ok) throw await toStorageError(response, id);
    return response;
  }

  private async json(response: Response): Promise<unknown> {
    if (response.status === 204) return undefined;
    try {
      return await response.json();
    } catch (error) {
      // A captive portal or proxy answering in HTML: the server is not really there.
      throw new UnavailableError(error);
    }
  }
}
