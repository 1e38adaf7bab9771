import { expect } from '@open-wc/testing';
import type { Seed } from '../../src/model/records.js';
import { RateLimitedError, StorageError, UnavailableError } from '../../src/storage/errors.js';
import type { StoreChange } from '../../src/storage/store.js';
import { seedInput, until } from './fixtures.js';
import { registeredAdapter } from './registered-adapter.js';

describe('pending writes of a registered store (the outbox every store has)', function () {
  this.timeout(30000);

  it('keeps a write the store cannot make now, shows it, and makes it later, telling which provisional record it became', async () => {
    let down = true;
    const { store } = registeredAdapter(() => (down ? new UnavailableError() : undefined));
    const changes: StoreChange[] = [];
    store.subscribe((change) => changes.push(change));

    const provisional = await store.put('seed', seedInput({ title: 'Typed while the backend was down' }));
    const [pending] = await store.pending({ kind: 'seed', event: provisional.event });
    expect(pending).to.include({ kind: 'seed', op: 'create', id: provisional.id });
    expect(pending.failure).to.equal(undefined);
    expect((await store.list('seed')).map((seed) => seed.id)).to.deep.equal([provisional.id]);
    expect(await store.get('seed', provisional.id)).to.deep.equal(provisional);

    down = false;
    await until(async () => (await store.pending()).length === 0, 'the pending write to be made');
    const [stored] = await store.list('seed');
    expect(stored.title).to.equal('Typed while the backend was down');
    const sent = changes.find((change): change is Extract<StoreChange, { type: 'pending' }> => change.type === 'pending' && change.sent.length > 0);
    expect(sent?.sent).to.deep.equal([{ kind: 'seed', id: provisional.id, record: stored }]);
    expect(changes).to.deep.include({ type: 'remove', kind: 'seed', id: provisional.id });
  });

  it('waits as long as Retry-After asks before trying a rate-limited write again', async () => {
    let refusals = 1;
    const { store, attempts } = registeredAdapter(() => (refusals-- > 0 ? new RateLimitedError(2500) : undefined));
    await store.put('seed', seedInput());
    await until(async () => (await store.pending()).length === 0, 'the pending write to be made');
    expect(attempts).to.have.length(2);
    expect(attempts[1] - attempts[0]).to.be.at.least(2500);
  });

  it('makes later writes behind the pending ones, in the order they were made', async () => {
    let down = true;
    const { store } = registeredAdapter(() => (down ? new UnavailableError() : undefined));
    await store.put('seed', seedInput({ title: 'First' }));
    down = false;
    // The backend is back, but the first write still waits: the second waits behind it.
    const second = await store.put('seed', seedInput({ title: 'Second' }));
    expect((await store.pending()).map((write) => write.id)).to.include(second.id);
    await until(async () => (await store.pending()).length === 0, 'both pending writes to be made');
    const titles = (await store.list('seed')).map((seed) => seed.title);
    expect(titles.sort()).to.deep.equal(['First', 'Second']);
  });

  it('keeps a write refused for good after it waited, with its reason, until it is discarded', async () => {
    let failure: Error | undefined = new UnavailableError();
    const { store } = registeredAdapter(() => failure);
    const provisional = await store.put('seed', seedInput({ title: 'Refused later' }));
    failure = new StorageError('forbidden');
    await until(async () => (await store.pending())[0]?.failure === 'forbidden', 'the refusal');
    const [refused] = await store.pending();
    expect((refused.record as Seed | undefined)?.title).to.equal('Refused later');
    expect(await store.list('seed')).to.deep.equal([]);

    await store.discardPending(refused.key);
    expect(await store.pending()).to.deep.equal([]);
    expect(provisional.title).to.equal('Refused later');
  });

  it('throws a refusal at once and keeps nothing', async () => {
    const { store } = registeredAdapter(() => new StorageError('forbidden'));
    const error = await store.put('seed', seedInput()).catch((failure: unknown) => failure);
    expect((error as StorageError).code).to.equal('forbidden');
    expect(await store.pending()).to.deep.equal([]);
  });
});
