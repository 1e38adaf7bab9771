import { expect } from '@open-wc/testing';
import { issueMessage } from '../../src/model/field-messages.js';
import { validate } from '../../src/model/validate.js';
import { isIsoDateTimeWithOffset } from '../../src/model/iso-date-time.js';
import type { RecordKind } from '../../src/model/records.js';
import { hostEventInput, organizerInput, placeInput, seedInput, sideEventInput } from '../storage/fixtures.js';

function issuesOf(kind: RecordKind, input: unknown) {
  const result = validate(kind, input);
  if (result.ok) throw new Error('expected validation to fail');
  return result.issues;
}

describe('validate', () => {
  it('accepts a full side event and keeps only record fields', () => {
    const result = validate('side-event', { ...sideEventInput(), admin: true, createdAt: 'forged', id: undefined });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.value).to.deep.equal(sideEventInput());
  });

  it('trims and strips control characters, keeping newlines in long text', () => {
    const result = validate('seed', seedInput({ title: '  \u0000Hello\u0007 world\u001b ', body: 'one\r\ntwo\u0000\tthree' }));
    if (!result.ok) throw new Error('expected a valid seed');
    expect(result.value.title).to.equal('Hello  world');
    expect(result.value.body).to.equal('one\ntwo\tthree');
  });

  it('applies the default licence and empty tags', () => {
    const result = validate('seed', { title: 'T', body: 'B' });
    if (!result.ok) throw new Error('expected a valid seed');
    expect(result.value).to.deep.equal({ title: 'T', body: 'B', license: 'CC-BY-SA-4.0', tags: [] });
  });

  it('requires a title of 1 to 140 characters after trimming', () => {
    expect(issuesOf('side-event', sideEventInput({ title: ' \n ' }))).to.deep.equal([{ field: 'title', code: 'required' }]);
    expect(issuesOf('side-event', sideEventInput({ title: 'x'.repeat(141) }))).to.deep.equal([
      { field: 'title', code: 'too-long', limit: 140 },
    ]);
    expect(validate('side-event', sideEventInput({ title: ` ${'x'.repeat(140)} ` })).ok).to.equal(true);
  });

  it('counts characters as the JSON Schema does, in code points: an emoji is one', () => {
    const emoji = '🌱';
    expect(emoji.length).to.equal(2);
    expect(validate('side-event', sideEventInput({ title: emoji.repeat(140) })).ok).to.equal(true);
    expect(validate('seed', seedInput({ body: emoji.repeat(4000), tags: [emoji.repeat(32)] })).ok).to.equal(true);
    expect(issuesOf('side-event', sideEventInput({ title: emoji.repeat(141) }))).to.deep.equal([{ field: 'title', code: 'too-long', limit: 140 }]);
    expect(issuesOf('seed', seedInput({ tags: [emoji.repeat(33)] }))).to.deep.equal([{ field: 'tags', code: 'too-long', limit: 32 }]);
  });

  it('caps description and body at 4,000 characters', () => {
    expect(issuesOf('side-event', sideEventInput({ description: 'x'.repeat(4001) }))[0]).to.deep.equal({
      field: 'description',
      code: 'too-long',
      limit: 4000,
    });
    expect(issuesOf('seed', seedInput({ body: 'x'.repeat(4001) }))[0].field).to.equal('body');
  });

  it('allows at most 10 tags of at most 32 characters, dropping blanks, duplicates and leading #', () => {
    const result = validate('side-event', sideEventInput({ tags: ['#a', 'a', ' ', 'b'] }));
    if (!result.ok) throw new Error('expected valid tags');
    expect(result.value.tags).to.deep.equal(['a', 'b']);
    expect(issuesOf('side-event', sideEventInput({ tags: ['x'.repeat(33)] }))).to.deep.equal([
      { field: 'tags', code: 'too-long', limit: 32 },
    ]);
    expect(issuesOf('side-event', sideEventInput({ tags: [...'abcdefghijk'] }))).to.deep.equal([{ field: 'tags', code: 'too-many', limit: 10 }]);
    expect(issuesOf('side-event', sideEventInput({ tags: 'a,b' }))).to.deep.equal([{ field: 'tags', code: 'wrong-type' }]);
  });

  it('takes as replantedFrom an id here, or the canonical URL of a seed on another server, nothing else', () => {
    const replanted = (replantedFrom: string) => validate('seed', seedInput({ replantedFrom }));
    expect(replanted('seed-1').ok).to.equal(true);
    expect(replanted('https://other.example/api/seeds/seed-1').ok).to.equal(true);
    expect(replanted('https://other.example/off/api/seeds/seed-1').ok, 'behind a proxy, under a path').to.equal(true);
    for (const refused of ['https://other.example/api/side-events/x', 'javascript:alert(1)//api/seeds/x', 'ftp://other.example/api/seeds/x', 'https://other.example/api/seeds/x?y=1']) {
      expect(replanted(refused).ok, refused).to.equal(false);
    }
  });

  it('accepts only http and https URLs', () => {
    expect(issuesOf('side-event', sideEventInput({ url: 'javascript:alert(1)' }))).to.deep.equal([
      { field: 'url', code: 'unsafe-url' },
    ]);
    expect(issuesOf('seed', seedInput({ sourceUrl: 'data:text/html,<script>' }))).to.deep.equal([
      { field: 'sourceUrl', code: 'unsafe-url' },
    ]);
    expect(issuesOf('seed', seedInput({ sourceUrl: 'not a url' }))).to.deep.equal([{ field: 'sourceUrl', code: 'invalid-url' }]);
    expect(validate('seed', seedInput({ sourceUrl: '' })).ok).to.equal(true);
  });

  it('requires start as an ISO 8601 date-time with offset, and end not before start', () => {
    expect(issuesOf('side-event', sideEventInput({ start: '2026-06-12T08:30' }))).to.deep.equal([
      { field: 'start', code: 'invalid-datetime' },
    ]);
    expect(issuesOf('side-event', sideEventInput({ start: undefined }))).to.deep.equal([{ field: 'start', code: 'required' }]);
    expect(issuesOf('side-event', sideEventInput({ end: '2026-06-12T06:00:00Z' }))).to.deep.equal([
      { field: 'end', code: 'end-before-start' },
    ]);
    expect(validate('side-event', sideEventInput({ end: '2026-06-12T06:30:00Z' })).ok).to.equal(true);
  });

  it('recognises real instants only', () => {
    expect(isIsoDateTimeWithOffset('2026-06-12T08:30:00+02:00')).to.equal(true);
    expect(isIsoDateTimeWithOffset('2026-06-12T08:30Z')).to.equal(true);
    expect(isIsoDateTimeWithOffset('2026-02-30T08:30:00Z')).to.equal(false);
    expect(isIsoDateTimeWithOffset('2026-06-12T24:30:00Z')).to.equal(false);
    expect(isIsoDateTimeWithOffset('2026-06-12 08:30:00Z')).to.equal(false);
  });

  it('accepts only the three licences', () => {
    expect(issuesOf('seed', seedInput({ license: 'MIT' }))).to.deep.equal([{ field: 'license', code: 'unknown-license' }]);
  });

  it('requires a safe event id for side events', () => {
    expect(issuesOf('side-event', sideEventInput({ event: '../etc' }))).to.deep.equal([{ field: 'event', code: 'invalid-id' }]);
    expect(issuesOf('side-event', sideEventInput({ event: undefined }))).to.deep.equal([{ field: 'event', code: 'required' }]);
  });

  it('reports wrong types and non-objects', () => {
    expect(issuesOf('seed', seedInput({ title: 42 }))).to.deep.equal([{ field: 'title', code: 'wrong-type' }]);
    expect(issuesOf('seed', 'a string')).to.deep.equal([{ field: '', code: 'wrong-type' }]);
    expect(issuesOf('seed', null)).to.deep.equal([{ field: '', code: 'required' }]);
  });

  it('checks the new kinds like the others: names, coordinates in range and in pairs, a short organizer description', () => {
    expect(validate('place', placeInput({ latitude: null, longitude: null })).ok, 'no coordinates at all').to.equal(true);
    expect(issuesOf('place', placeInput({ name: ' ', latitude: -90.5, longitude: '5' }))).to.deep.equal([
      { field: 'name', code: 'required' },
      { field: 'latitude', code: 'out-of-range' },
      { field: 'longitude', code: 'wrong-type' },
    ]);
    const place = validate('place', placeInput({ address: '1 quai du Port\r\n13002 Marseille' }));
    expect(place.ok && place.value.address, 'an address keeps its lines').to.equal('1 quai du Port\n13002 Marseille');
    expect(issuesOf('organizer', organizerInput({ description: 'x'.repeat(501) }))).to.deep.equal([{ field: 'description', code: 'too-long', limit: 500 }]);
    expect(issuesOf('event', hostEventInput({ id: '../g21', end: '2026-06-11T09:00:00+02:00' }))).to.deep.equal([
      { field: 'id', code: 'invalid-id' },
      { field: 'end', code: 'end-before-start' },
    ]);
    expect(validate('event', { id: 'g21', name: 'G21' }).ok, 'a host event needs only its id and name').to.equal(true);
    expect(issuesOf('side-event', sideEventInput({ placeId: 'javascript:alert(1)' }))).to.deep.equal([{ field: 'placeId', code: 'invalid-id' }]);
  });

  it('words every issue in French and English', () => {
    const [issue] = issuesOf('side-event', sideEventInput({ title: 'x'.repeat(141) }));
    expect(issueMessage(issue, 'en')).to.equal('At most 140 characters.');
    expect(issueMessage(issue, 'fr')).to.equal('140 caractères au plus.');
  });
});
