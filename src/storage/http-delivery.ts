import type { OffRecord, RecordKind } from '../model/records.js';
import type { ChangeFeed } from './change-feed.js';
import { isTransient } from './errors.js';
import type { Created, HttpApi } from './http-api.js';
import type { EditTokens } from './http-tokens.js';
import type { Outbox } from './outbox.js';
import { isBatched, type BatchedCreate, type PendingCreate, type PendingEntry, type PendingWithdrawal } from './pending-entry.js';

/**
 * The replay protocol: how each pending write is sent to the reference server so that it takes
 * effect once, however often it is sent (an answer may be lost after the server wrote it).
 */
export class HttpDelivery {
  constructor(
    private readonly api: HttpApi,
    private readonly tokens: EditTokens,
    private readonly outbox: Outbox,
    private readonly feed: ChangeFeed,
  ) {}

  /** One request: a single write, or the creates of one batch. Resolves with what the server now holds of each. */
  async send(entries: PendingEntry[]): Promise<(OffRecord | undefined)[]> {
    return isBatched(entries[0]) ? this.sendBatch(entries as BatchedCreate[]) : [await this.sendOne(entries[0])];
  }

  /**
   * Sends creates with the key of the batch they were first sent in. If the server wrote
   * that batch, it answers for all of it again, including records removed here since:
   * those are removed from the server too.
   */
  private async sendBatch(creates: BatchedCreate[]): Promise<OffRecord[]> {
    const { kind, options, batch } = creates[0];
    const inputs = creates.map((entry) => entry.input);
    const answers = await this.api.createMany(kind, inputs, { idempotencyKey: batch.idempotencyKey, ...options });
    // A first write answers for the creates sent now; a replay, for every create first sent, in its place.
    const ours = answers.length === creates.length ? answers : creates.map((entry) => answers[entry.batch.index]);
    await this.keepTokensRemoving(kind, answers, answers.filter((answer) => !ours.includes(answer)));
    return Promise.all(creates.map((entry, index) => this.withAmendment(entry, ours[index])));
  }

  private async sendOne(entry: PendingEntry): Promise<OffRecord | undefined> {
    const { kind, idempotencyKey } = entry;
    switch (entry.op) {
      case 'create':
      case 'amended-create': {
        const created = await this.api.create(kind, entry.input, { idempotencyKey, ...entry.options });
        await this.tokens.save(kind, created.record.id, created.editToken);
        return this.withAmendment(entry, created);
      }
      case 'withdraw':
      case 'withdraw-batch':
        return this.withdraw(entry);
      case 'replace':
        return this.api.replace(kind, entry.id, entry.input, { idempotencyKey, editToken: await this.tokens.get(kind, entry.id) });
      case 'remove':
        await this.api.remove(kind, entry.id, { idempotencyKey, editToken: await this.tokens.get(kind, entry.id) });
        await this.tokens.forget(kind, entry.id);
        return undefined;
    }
  }

  /** Keeps the tokens of records the server created for us, and queues the removal of those removed here meanwhile. */
  private async keepTokensRemoving(kind: RecordKind, answers: Created[], removedHere: Created[]): Promise<void> {
    await Promise.all(answers.map(({ record, editToken }) => this.tokens.save(kind, record.id, editToken)));
    if (!removedHere.length) return;
    await this.outbox.save(removedHere.map(({ record }) => this.outbox.entryFor({ op: 'remove', kind, id: record.id })));
    for (const { record } of removedHere) this.feed.emit({ type: 'remove', kind, id: record.id });
  }

  /** The server may answer an amended create as first sent: the amendment follows it, new each time (it may have changed again). */
  private async withAmendment(entry: PendingCreate, { record, editToken }: Created): Promise<OffRecord> {
    if (entry.op !== 'amended-create') return record;
    return this.api.replace(entry.kind, record.id, entry.input, { idempotencyKey: crypto.randomUUID(), editToken });
  }

  /**
   * Removes a create removed here while it waited, if the server wrote it: sent again with its
   * key but no record, it gets the create's answer, or a refusal of the empty record, writing nothing.
   * A batch, all of whose creates were removed here, is withdrawn the same way with no records.
   */
  private async withdraw({ op, kind, idempotencyKey, options }: PendingWithdrawal): Promise<undefined> {
    const headers = { idempotencyKey, ...options };
    const refusedForGood = (error: unknown) => {
      if (isTransient(error)) throw error;
    };
    if (op === 'withdraw-batch') {
      const answers = await this.api.createMany(kind, [], headers).catch(refusedForGood);
      if (answers) await this.keepTokensRemoving(kind, answers, answers);
      return undefined;
    }
    const created = await this.api.create(kind, {}, headers).catch(refusedForGood);
    // The delete may reuse the key: the server keys it apart from the create. The live stream announces it.
    if (created) await this.api.remove(kind, created.record.id, { idempotencyKey, editToken: created.editToken });
  }
}

/** What sending writes a few requests at a time came to. */
export interface Turns {
  /** What the server now holds of each write it took, by entry key. */
  sent: Map<string, OffRecord | undefined>;
  /** Writes it could not take now, and every later one: they wait in the outbox. */
  kept: PendingEntry[];
  /** The first "not now" (unreachable, rate-limited), whose Retry-After the next attempt honours. */
  slowDown?: unknown;
  /** The first refusal: nothing after it was sent. */
  refusal?: unknown;
}

/**
 * Sends requests `concurrency` at a time. Once one cannot be taken now, it and every later one are kept, so that the
 * server applies writes in the order they were made; all are kept while `olderWaiting()` says older writes wait.
 */
export async function sendInTurns(
  requests: PendingEntry[][],
  concurrency: number,
  olderWaiting: () => boolean,
  send: (request: PendingEntry[]) => Promise<(OffRecord | undefined)[]>,
): Promise<Turns> {
  const turns: Turns = { sent: new Map(), kept: [] };
  for (let start = 0; start < requests.length && turns.refusal === undefined; start += concurrency) {
    const batch = requests.slice(start, start + concurrency);
    if (turns.kept.length || olderWaiting()) {
      turns.kept.push(...batch.flat());
      continue;
    }
    const outcomes = await Promise.allSettled(batch.map(send));
    outcomes.forEach((outcome, index) => {
      const request = batch[index];
      if (outcome.status === 'fulfilled') request.forEach((entry, position) => turns.sent.set(entry.key, outcome.value[position]));
      else if (isTransient(outcome.reason)) {
        turns.kept.push(...request);
        turns.slowDown ??= outcome.reason;
      } else turns.refusal ??= outcome.reason;
    });
  }
  return turns;
}
