import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ADMIN_TOKEN, bearer, call, startServer } from './harness.js';
import { openStreams, residentMegabytes } from './live-crowd.js';
import { sideEventInput, uniqueName } from '../storage/fixtures.js';

/** The full figure, with the baseline, is in `npm run bench:crowd`; this proves it holds on every test run. */
const STREAMS = 1000;

describe('many live visitors on one server process', { timeout: 120_000 }, () => {
  it(`holds ${STREAMS} open streams of one event, and a new side event reaches every one`, async () => {
    const server = await startServer();
    const event = uniqueName('ev');
    const streams = await openStreams(`${server.api}/events/${event}/stream`, STREAMS);
    try {
      const started = performance.now();
      // The admin token needs no form token: nothing waits before the write.
      const headers = { ...bearer(ADMIN_TOKEN), 'X-Off-Form-Token': '' };
      const created = await call(`${server.api}/events/${event}/side-events`, { method: 'POST', json: sideEventInput({ event }), headers });
      assert.equal(created.status, 201, created.text);
      const ms = await streams.allReceived(created.body.record.id, started);
      console.log(`${STREAMS} streams: the last had the new side event after ${ms.toFixed(0)} ms; server RSS ${residentMegabytes(server.child.pid!).toFixed(0)} MB`);
    } finally {
      streams.close();
      assert.equal(await server.stop(), 0);
    }
  });
});
