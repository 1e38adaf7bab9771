import { expect } from '@open-wc/testing';
import type { HostEvent, Place, Seed, SideEvent } from '../../src/model/records.js';
import { compareRecords, insertSorted, sortRecords } from '../../src/model/sort.js';

const sideEvent = (id: string, start: string, title = id) => ({ id, start, title }) as SideEvent;
const seed = (id: string, createdAt: string) => ({ id, createdAt }) as Seed;

describe('record order', () => {
  it('sorts side events by instant, whatever their offsets, then by title and id', () => {
    const sorted = sortRecords('side-event', [
      sideEvent('c', '2026-06-12T10:00:00+02:00'), // 08:00Z
      sideEvent('a', '2026-06-12T09:00:00Z'),
      sideEvent('b', '2026-06-12T07:30:00-01:00'), // 08:30Z
      sideEvent('d', '2026-06-12T08:00:00Z', 'a title'),
    ]);
    expect(sorted.map((item) => item.id)).to.deep.equal(['d', 'c', 'b', 'a']);
  });

  it('sorts seeds newest first', () => {
    const sorted = sortRecords('seed', [seed('old', '2026-01-01T00:00:00.000Z'), seed('new', '2026-02-01T00:00:00.000Z')]);
    expect(sorted.map((item) => item.id)).to.deep.equal(['new', 'old']);
  });

  it('sorts host events by start with undated ones last, then by name; places and organizers by name, then id', () => {
    const hostEvent = (id: string, name: string, start?: string) => ({ id, name, start }) as HostEvent;
    const events = [hostEvent('x', 'Undated B'), hostEvent('late', 'Late', '2027-01-01T00:00:00Z'), hostEvent('y', 'Undated A'), hostEvent('early', 'Early', '2026-01-01T00:00:00+01:00')];
    const expected = ['early', 'late', 'y', 'x'];
    expect(sortRecords('event', [...events]).map(({ id }) => id)).to.deep.equal(expected);
    expect([...events].sort(compareRecords('event')).map(({ id }) => id), 'the comparison inserts use agrees').to.deep.equal(expected);
    const place = (id: string, name: string) => ({ id, name }) as Place;
    expect(sortRecords('place', [place('2', 'Café'), place('1', 'Café'), place('0', 'Bar')]).map(({ id }) => id)).to.deep.equal(['0', '1', '2']);
  });

  it('inserts into a sorted list where a full sort would put the record', () => {
    const starts = Array.from({ length: 200 }, (_, index) => new Date(Date.UTC(2026, 5, 12) + ((index * 7919) % 200) * 60000).toISOString());
    const all = starts.map((start, index) => sideEvent(`id${index}`, start));
    const inserted: SideEvent[] = [];
    for (const record of all) insertSorted('side-event', inserted, record);
    expect(inserted.map((item) => item.id)).to.deep.equal(sortRecords('side-event', [...all]).map((item) => item.id));
  });
});
