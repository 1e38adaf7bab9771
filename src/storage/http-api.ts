import type { OffRecord, RecordKind } from '../model/records.js';
import { UnavailableError } from './errors.js';
import { toStorageError } from './http-errors.js';
import type { PutOptions } from './store.js';

const KIND_PATHS: Record<RecordKind, string> = { 'side-event': 'side-events', seed: 'seeds' };

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

function writeHeaders({ idempotencyKey, editToken, honeypot, fillMs }: WriteHeaders): Record<string, string> {
  const headers: Record<string, string> = { 'Idempotency-Key': idempotencyKey };
  if (editToken) headers.Authorization = `Bearer ${editToken}`;
  if (honeypot !== undefined) headers['X-Off-Honeypot'] = honeypot;
  if (fillMs !== undefined) headers['X-Off-Fill-Ms'] = String(Math.round(fillMs));
  return headers;
}

/** The reference server's REST API, one method per endpoint; failures are typed `StorageError`s. */
export class HttpApi {
  /** `base` is the API root without a trailing slash, e.g. `https://example.org/api`. */
  constructor(readonly base: string) {}

  get streamUrl(): string {
    return `${this.base}/stream`;
  }

  list(kind: RecordKind, event?: string): Promise<OffRecord[]> {
    const query = event === undefined ? '' : `?event=${encodeURIComponent(event)}`;
    return this.request(`/${KIND_PATHS[kind]}${query}`, '') as Promise<OffRecord[]>;
  }

  get(kind: RecordKind, id: string): Promise<OffRecord> {
    return this.request(this.recordPath(kind, id), id) as Promise<OffRecord>;
  }

  create(kind: RecordKind, input: object, headers: WriteHeaders): Promise<Created> {
    return this.request(`/${KIND_PATHS[kind]}`, '', { method: 'POST', body: input, headers }) as Promise<Created>;
  }

  /** Creates all the records or none (`POST …/batch`); the answers come in input order. */
  async createMany(kind: RecordKind, inputs: object[], headers: WriteHeaders): Promise<Created[]> {
    const body = { records: inputs };
    const { results } = (await this.request(`/${KIND_PATHS[kind]}/batch`, '', { method: 'POST', body, headers })) as { results: Created[] };
    return results;
  }

  replace(kind: RecordKind, id: string, input: object, headers: WriteHeaders): Promise<OffRecord> {
    return this.request(this.recordPath(kind, id), id, { method: 'PUT', body: input, headers }) as Promise<OffRecord>;
  }

  async remove(kind: RecordKind, id: string, headers: WriteHeaders): Promise<void> {
    await this.request(this.recordPath(kind, id), id, { method: 'DELETE', headers });
  }

  private recordPath(kind: RecordKind, id: string): string {
    return `/${KIND_PATHS[kind]}/${encodeURIComponent(id)}`;
  }

  private async request(
    path: string,
    id: string,
    write?: { method: string; body?: object; headers: WriteHeaders },
  ): Promise<unknown> {
    const headers: Record<string, string> = { Accept: 'application/json', ...(write && writeHeaders(write.headers)) };
    if (write?.body) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        method: write?.method ?? 'GET',
        headers,
        body: write?.body && JSON.stringify(write.body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new UnavailableError(error);
    }
    if (!response.ok) throw await toStorageError(response, id);
    if (response.status === 204) return undefined;
    try {
      return await response.json();
    } catch (error) {
      // A captive portal or proxy answering in HTML: the server is not really there.
      throw new UnavailableError(error);
    }
  }
}
