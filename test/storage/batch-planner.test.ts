import { expect } from '@open-wc/testing';
import { requestsFor, sentWith } from '../../src/storage/batch-planner.js';
import { Outbox } from '../../src/storage/outbox.js';
import { keyValueTable, pageMemory } from '../../src/storage/outbox-tables.js';
import { upgraded, type PendingEntry } from '../../src/storage/pending-entry.js';
import { seedInput, uniqueName } from './fixtures.js';

const outbox = new Outbox(uniqueName('planner'), [keyValueTable('planner', pageMemory)]);
const record = { ...seedInput(), id: 'p', createdAt: '2026-06-12T08:00:00+02:00', updatedAt: '2026-06-12T08:00:00+02:00' } as never;
const create = (title = 'A seed') => outbox.entryFor({ op: 'create', kind: 'seed', input: seedInput({ title }), options: {}, record });
const replace = () => outbox.entryFor({ op: 'replace', kind: 'seed', id: 'x', input: seedInput(), record });
const remove = () => outbox.entryFor({ op: 'remove', kind: 'seed', id: 'x' });

describe('batch planner', () => {
  it('sends consecutive creates in one batch request, every other write alone, in order', () => {
    const writes = [create(), create(), remove(), create(), replace()];
    const requests = requestsFor(writes);
    expect(requests.map((request) => request.map((entry) => entry.op))).to.deep.equal([['create', 'create'], ['remove'], ['create'], ['replace']]);
    const [batch] = requests as PendingEntry[][];
    const places = batch.map((entry) => (entry.op === 'create' ? entry.batch : undefined));
    expect(places.map((place) => place?.index)).to.deep.equal([0, 1]);
    expect(places[0]?.idempotencyKey).to.equal(places[1]?.idempotencyKey);
    expect(requests[2][0]).to.not.have.property('batch');
  });

  it('starts a new batch past the record and byte limits', () => {
    const byCount = requestsFor([create(), create(), create()], { records: 2, bytes: 1_000_000 });
    expect(byCount.map((request) => request.length)).to.deep.equal([2, 1]);
    const oneSize = new TextEncoder().encode(JSON.stringify(seedInput({ title: 'x' }))).byteLength + 1;
    const byBytes = requestsFor([create('x'), create('x'), create('x')], { records: 500, bytes: oneSize * 2 });
    expect(byBytes.map((request) => request.length)).to.deep.equal([2, 1]);
  });

  it('sends a waiting create again with the rest of its first batch, and any other write alone', () => {
    const [batch] = requestsFor([create(), create(), create()]);
    const other = remove();
    expect(sentWith(batch[1], [...batch, other])).to.deep.equal(batch);
    expect(sentWith(other, [...batch, other])).to.deep.equal([other]);
  });
});

describe('pending entries kept by an earlier version', () => {
  it('reads the old protocol flags as explicit operations', () => {
    const base = { kind: 'seed', key: 'k', idempotencyKey: 'i', queuedAt: '2026-06-12T06:00:00.000Z' } as const;
    const amended = upgraded({ ...base, op: 'create', input: {}, options: {}, record, amended: true } as never);
    expect(amended.op).to.equal('amended-create');
    expect(amended).to.not.have.property('amended');
    const withdrawal = upgraded({ ...base, op: 'remove', id: 'p', withdraws: { honeypot: '' } } as never);
    expect(withdrawal).to.deep.equal({ ...base, op: 'withdraw', id: 'p', options: { honeypot: '' } });
    const batchWithdrawal = upgraded({ ...base, op: 'remove', id: 'p', withdraws: {}, withdrawsBatch: true } as never);
    expect(batchWithdrawal.op).to.equal('withdraw-batch');
    const plain = upgraded({ ...base, op: 'remove', id: 'p' });
    expect(plain).to.deep.equal({ ...base, op: 'remove', id: 'p' });
  });
});
