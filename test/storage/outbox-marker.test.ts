import { expect } from '@open-wc/testing';
import type { Seed } from '../../src/model/records.js';
import { Outbox } from '../../src/storage/outbox.js';
import { idbTable } from '../../src/storage/outbox-tables.js';
import { markPending, pendingMarked, type PendingHome } from '../../src/storage/pending-marker.js';
import { seedInput, uniqueName } from './fixtures.js';

/** An outbox of its own in IndexedDB, as every tab of a site shares it, and the marker pages read before loading it. */
function outboxOnDevice(): { outbox: Outbox; home: PendingHome } {
  const home: PendingHome = { name: uniqueName('marker'), keptIn: 'device' };
  return { outbox: new Outbox(home.name, [idbTable]), home };
}

async function keepOneWrite(outbox: Outbox): Promise<void> {
  const input = seedInput();
  const now = new Date().toISOString();
  const record = { ...input, id: crypto.randomUUID(), createdAt: now, updatedAt: now } as Seed;
  await outbox.save([outbox.entryFor({ op: 'create', kind: 'seed', input, options: {}, record })]);
}

describe('the marker of pending writes, kept after a look at the outbox', () => {
  it('stays set when another tab kept a write after the look found the outbox empty', async () => {
    const { outbox, home } = outboxOnDevice();
    markPending(home, true);
    const firstLook = await outbox.entries();
    // Another tab keeps a write (and marks it) between this tab's look and its mark.
    await keepOneWrite(outbox);
    await outbox.mark(home, firstLook);
    expect(firstLook).to.have.length(0);
    expect(pendingMarked(home)).to.equal(true);
  });

  it('is cleared when the outbox is still empty, and set when it holds writes or could not be read', async () => {
    const { outbox, home } = outboxOnDevice();
    await outbox.mark(home, []);
    expect(pendingMarked(home)).to.equal(false);
    await outbox.mark(home, undefined);
    expect(pendingMarked(home)).to.equal(true);
    await keepOneWrite(outbox);
    await outbox.mark(home, await outbox.entries());
    expect(pendingMarked(home)).to.equal(true);
  });
});
