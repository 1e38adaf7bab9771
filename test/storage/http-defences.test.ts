import { expect } from '@open-wc/testing';
import { recordName, type SideEvent } from '../../src/model/records.js';
import { NotFoundError } from '../../src/storage/errors.js';
import { HttpApi } from '../../src/storage/http-api.js';
import { LiveStream } from '../../src/storage/http-stream.js';
import { seedInput, sideEventInput, storedSideEvent as stored, uniqueName, until } from './fixtures.js';
import { insertRaw, proxyTo, refuseNext, startServer, UNLIMITED_WRITES } from './http-servers.js';

const SERVER_WAIT_MS = 3000;
const solverLoaded = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('altcha'));
const key = () => ({ idempotencyKey: crypto.randomUUID() });

/** Console warnings while `action` runs. */
async function warningsDuring(action: () => Promise<unknown>): Promise<string[]> {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await action();
  } finally {
    console.warn = warn;
  }
  return warnings;
}

describe('HTTP store against bots and bad records', function () {
  this.timeout(30000);

  it('presents a form token with creates, single and batch, held until it is 3 s old; the solver is not downloaded', async () => {
    const { url } = await startServer('sqlite');
    const event = uniqueName('ev');
    const appeared = performance.now();
    const api = new HttpApi(url);
    const created = await api.create('seed', seedInput({ event }), key());
    expect(performance.now() - appeared).to.be.at.least(SERVER_WAIT_MS - 100);
    const batch = await api.createMany('seed', [seedInput({ event }), seedInput({ event })], key());
    expect(batch).to.have.length(2);
    expect((await api.list('seed', { event })).map(({ id }) => id)).to.have.members([created.record.id, ...batch.map(({ record }) => record.id)]);
    expect(solverLoaded()).to.equal(false);
  });

  it('fetches another token, and sends again, when the server refuses the one it holds', async () => {
    const server = await startServer('sqlite');
    const api = new HttpApi(await proxyTo(server));
    const event = uniqueName('ev');
    await api.create('seed', seedInput({ event }), key());
    await refuseNext(server, 'POST', '/seeds', 403, 'form-token');
    const retried = performance.now();
    const created = await api.create('seed', seedInput({ event }), key());
    expect(performance.now() - retried).to.be.at.least(SERVER_WAIT_MS - 100, 'the new token is waited for');
    expect((await api.list('seed', { event })).map(({ id }) => id)).to.include(created.record.id);
  });

  it('solves the proof of work of a server that asks for it, downloading the solver then', async () => {
    const { url } = await startServer('sqlite', { ...UNLIMITED_WRITES, OFF_PROOF_OF_WORK: '1' });
    const event = uniqueName('ev');
    const api = new HttpApi(url);
    const created = await api.create('side-event', sideEventInput({ event }), key());
    expect((await api.get('side-event', created.record.id)).title).to.equal(recordName(created.record));
    expect(solverLoaded()).to.equal(true);
  });

  it('leaves out and reports records of the server that fail the checks of writes, in lists, reads and the live stream', async () => {
    const server = await startServer('sqlite');
    const event = uniqueName('ev');
    const good = stored({ event, title: 'Good' });
    const untagged = stored({ event, title: 'Untagged', tags: undefined });
    const bad = [
      stored({ event, title: 'Script link', url: 'javascript:alert(1)' }),
      stored({ event, title: 'Tags as text', tags: 'oops' }),
      stored({ event, title: 42 }),
      stored({ event, start: 'soon' }),
    ];
    for (const record of [good, untagged, ...bad]) await insertRaw(server, 'side-event', record);
    const api = new HttpApi(server.url);

    let listed: SideEvent[] = [];
    const warnings = await warningsDuring(async () => (listed = await api.list('side-event', { event })));
    expect(listed.map(({ title }) => title)).to.have.members(['Good', 'Untagged']);
    expect(listed.find(({ title }) => title === 'Untagged')!.tags).to.deep.equal([]);
    expect(warnings).to.have.length(4);
    expect(warnings.find((warning) => warning.includes(bad[0].id as string))).to.contain('url: unsafe-url');
    expect((await api.get('side-event', good.id as string)).title).to.equal('Good');
    let refused: unknown;
    await warningsDuring(() => api.get('side-event', bad[1].id as string).catch((error) => (refused = error)));
    expect(refused).to.be.instanceOf(NotFoundError);

    const heard: SideEvent[] = [];
    const stream = new LiveStream(api.streamUrl, { onOpen() {}, onDown() {}, onPut: (_, records) => heard.push(...(records as SideEvent[])), onRemove() {}, onReload() {} });
    try {
      await stream.firstContact;
      const live = await warningsDuring(async () => {
        await insertRaw(server, 'side-event', stored({ event, title: 'Bad live', tags: [7] }));
        // The server reads its change log when it writes: a create brings the raw record out too.
        await api.create('side-event', sideEventInput({ event, title: 'Good live' }), key());
        await until(() => heard.some(({ title }) => title === 'Good live'), 'the good record never came');
      });
      // The records written raw earlier come out too: the good ones only.
      expect(heard.map(({ title }) => title)).to.have.members(['Good', 'Untagged', 'Good live']);
      expect(live.join('\n')).to.contain('tags: wrong-type');
    } finally {
      stream.close();
    }
  });
});
