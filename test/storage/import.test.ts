import { expect } from '@open-wc/testing';
import { CommonsFormatError, exportCommons, namedRecords, withCanonicalUrls } from '../../src/model/commons.js';
import { toIcs } from '../../src/model/ics.js';
import { IcsFormatError, parseIcs } from '../../src/model/ics-parse.js';
import { ValidationError } from '../../src/storage/validation-error.js';
import { createIdbStore } from '../../src/storage/idb.js';
import { importCommons, importIcs } from '../../src/storage/import.js';
import { createMemoryStore } from '../../src/storage/memory.js';
import { hostEventInput, organizerInput, placeInput, seedInput, sideEventInput, uniqueName } from './fixtures.js';

async function filledStore() {
  const store = createMemoryStore({ name: uniqueName('commons') });
  await store.putMany('side-event', [
    sideEventInput(),
    sideEventInput({ title: 'Walk, talk; and "quotes"', start: '2026-06-13T07:00:00Z', end: undefined, url: undefined, description: 'Two\nlines' }),
  ]);
  const origin = await store.put('seed', seedInput({ event: 'g21' }));
  await store.put('seed', seedInput({ title: 'Replanted', replantedFrom: origin.id }));
  return store;
}

async function exportedText(store: Awaited<ReturnType<typeof filledStore>>) {
  const [sideEvents, seeds] = await Promise.all([store.list('side-event', { event: 'g21' }), store.list('seed', { event: 'g21' })]);
  return JSON.stringify(exportCommons('g21', sideEvents, seeds));
}

describe('commons export and import', () => {
  it('keeps each record’s canonical URL (its identity across sites) through export and import, and lineage across sites', async () => {
    const source = await filledStore();
    const [sideEvents, seeds] = await Promise.all([source.list('side-event', { event: 'g21' }), source.list('seed', { event: 'g21' })]);
    const elsewhere = 'https://other.example/api/seeds/seed-1';
    const crossSite = await source.put('seed', seedInput({ event: 'g21', title: 'From another festival', replantedFrom: elsewhere }));
    const exported = withCanonicalUrls(exportCommons('g21', sideEvents, [...seeds, crossSite]), 'https://festival.example/');
    expect(exported.sideEvents[0]!.canonicalUrl).to.equal(`https://festival.example/api/side-events/${sideEvents[0]!.id}`);
    const target = createMemoryStore({ name: uniqueName('commons') });
    await importCommons(target, JSON.stringify(exported));
    const reimported = await target.list('seed', { event: 'g21' });
    expect(reimported.map(({ canonicalUrl }) => canonicalUrl).sort()).to.deep.equal(exported.seeds.map(({ canonicalUrl }) => canonicalUrl).sort());
    expect(reimported.find(({ id }) => id === crossSite.id)!.replantedFrom).to.equal(elsewhere);
    const again = withCanonicalUrls(exportCommons('g21', await target.list('side-event', { event: 'g21' }), reimported), 'https://mirror.example');
    expect(again.sideEvents.map(({ canonicalUrl }) => canonicalUrl).sort()).to.deep.equal(exported.sideEvents.map(({ canonicalUrl }) => canonicalUrl).sort(), 'still the first server’s');
  });

  it('round-trips: export, import into an empty store, same records (ids, stamps and lineage kept)', async () => {
    const source = await filledStore();
    const target = createIdbStore({ database: uniqueName('off-layer-import') });
    const result = await importCommons(target, await exportedText(source));
    expect(result.sideEvents).to.have.length(2);
    expect(await target.list('side-event', { event: 'g21' })).to.deep.equal(await source.list('side-event', { event: 'g21' }));
    expect(await target.list('seed', { event: 'g21' })).to.deep.equal(await source.list('seed', { event: 'g21' }));
    target.close();
  });

  it('imports the same file twice without duplicates', async () => {
    const text = await exportedText(await filledStore());
    const target = createMemoryStore({ name: uniqueName('commons') });
    await importCommons(target, text);
    const again = await importCommons(target, text);
    expect(again.sideEvents).to.deep.equal([]);
    expect(await target.list('side-event')).to.have.length(2);
    expect(await target.list('seed')).to.have.length(2);
  });

  it('imports a file of version 1, written before host events, places and organizers were records', async () => {
    const stamps = { createdAt: '2026-06-01T10:00:00.000Z', updatedAt: '2026-06-01T10:00:00.000Z' };
    const version1 = JSON.stringify({
      format: 'off-layer/commons',
      version: 1,
      event: 'g21',
      exportedAt: '2026-06-14T18:00:00.000Z',
      sideEvents: [{ id: 'breakfast', event: 'g21', title: 'Breakfast', start: '2026-06-12T08:30:00+02:00', place: 'Café du Port', tags: [], ...stamps }],
      seeds: [{ id: 'circle', event: 'g21', title: 'Circle', body: 'Everyone speaks once.', license: 'CC-BY-SA-4.0', tags: [], replantedFrom: 'elsewhere', ...stamps }],
    });
    const target = createMemoryStore({ name: uniqueName('commons') });
    const result = await importCommons(target, version1);
    expect(result.sideEvents.map(({ id }) => id)).to.deep.equal(['breakfast']);
    expect((await target.get('seed', 'circle')).replantedFrom).to.equal('elsewhere');
    expect(await target.list('place')).to.deep.equal([]);
  });

  it('round-trips version 2: the host event, the places and organizers named, ancestors from other events; twice changes nothing', async () => {
    const source = createMemoryStore({ name: uniqueName('commons') });
    const hostEvent = await source.put('event', hostEventInput({ id: 'g21' }));
    const place = await source.put('place', placeInput());
    const organizer = await source.put('organizer', organizerInput());
    const sideEvents = [await source.put('side-event', sideEventInput({ placeId: place.id, organizerId: organizer.id }))];
    const grandparent = await source.put('seed', seedInput({ event: 'g19', title: 'Grandparent' }));
    const parent = await source.put('seed', seedInput({ event: 'g20', title: 'Parent', replantedFrom: grandparent.id }));
    const seeds = [await source.put('seed', seedInput({ replantedFrom: parent.id }))];
    expect(namedRecords(sideEvents)).to.deep.equal({ places: [place.id], organizers: [organizer.id] });
    const text = JSON.stringify(exportCommons('g21', sideEvents, seeds, { hostEvent, places: [place], organizers: [organizer], ancestors: [parent, grandparent] }));

    const target = createMemoryStore({ name: uniqueName('commons') });
    const first = await importCommons(target, text);
    expect(first.hostEvent).to.deep.equal(hostEvent);
    expect(await target.get('place', place.id)).to.deep.equal(place);
    expect(await target.get('organizer', organizer.id)).to.deep.equal(organizer);
    expect((await target.list('seed')).map(({ id }) => id).sort()).to.deep.equal([grandparent.id, parent.id, seeds[0].id].sort());
    const again = await importCommons(target, text);
    expect([again.hostEvent, again.places, again.organizers, again.ancestors, again.sideEvents, again.seeds]).to.deep.equal([undefined, [], [], [], [], []]);
    expect(await target.list('seed')).to.have.length(3);
  });

  it('refuses a file that is not a commons export', async () => {
    const target = createMemoryStore({ name: uniqueName('commons') });
    for (const text of ['not json', '{"format":"something-else"}', JSON.stringify({ format: 'off-layer/commons', version: 3, sideEvents: [], seeds: [] })]) {
      const error = await importCommons(target, text).catch((failure: unknown) => failure);
      expect(error).to.be.instanceOf(CommonsFormatError);
    }
  });

  it('refuses a record the form would refuse, and stores nothing of that kind', async () => {
    const document = JSON.parse(await exportedText(await filledStore()));
    document.sideEvents[1].url = 'javascript:alert(1)';
    const target = createMemoryStore({ name: uniqueName('commons') });
    const error = (await importCommons(target, JSON.stringify(document)).catch((failure: unknown) => failure)) as ValidationError;
    expect(error).to.be.instanceOf(ValidationError);
    expect(error.index).to.equal(1);
    expect(error.issues).to.deep.equal([{ field: 'url', code: 'unsafe-url' }]);
    expect(await target.list('side-event')).to.deep.equal([]);
  });

  it('refuses records without id or stamps', async () => {
    const document = JSON.parse(await exportedText(await filledStore()));
    delete document.seeds[0].id;
    document.seeds[0].createdAt = 'yesterday';
    const error = (await importCommons(createMemoryStore({ name: uniqueName('commons') }), JSON.stringify(document)).catch(
      (failure: unknown) => failure,
    )) as ValidationError;
    expect(error.issues).to.deep.equal([
      { field: 'id', code: 'required' },
      { field: 'createdAt', code: 'invalid-datetime' },
    ]);
  });
});

describe('iCalendar import', () => {
  it('round-trips the board’s own .ics: same titles, instants, places, links, tags and organisers', async () => {
    const source = await filledStore();
    const exported = await source.list('side-event', { event: 'g21' });
    const target = createMemoryStore({ name: uniqueName('ics') });
    const imported = await importIcs(target, toIcs(exported), { event: 'g21', timeZone: 'Europe/Paris' });
    expect(imported).to.have.length(2);
    const listed = await target.list('side-event', { event: 'g21' });
    const comparable = (items: typeof exported) =>
      items.map(({ title, description, place, url, organizer, tags, start, end }) => ({
        title, description, place, url, organizer, tags,
        start: Date.parse(start),
        end: end && Date.parse(end),
      }));
    expect(comparable(listed)).to.deep.equal(comparable(exported));
    expect(listed[0].start).to.equal('2026-06-12T08:30:00+02:00');
  });

  it('reads calendars from other tools: TZID, folded lines, escapes, whole days, organiser names', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
      'BEGIN:VEVENT',
      'DTSTART;TZID=Europe/Paris:20260612T183000',
      'DTEND;TZID=Europe/Paris:20260612T200000',
      'SUMMARY:Apéro\\, tapas\\; et discussion sur les communs numériques avec l',
      ' es habitants',
      'LOCATION:Quai 4\\, Marseille',
      'ORGANIZER;CN="Les Communs":mailto:contact@example.org',
      'CATEGORIES:apéro,communs',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260613',
      'SUMMARY:Journée portes ouvertes',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const [first, second] = parseIcs(ics, { event: 'g21', timeZone: 'Europe/Paris' });
    expect(first).to.deep.equal({
      event: 'g21',
      title: 'Apéro, tapas; et discussion sur les communs numériques avec les habitants',
      start: '2026-06-12T18:30:00+02:00',
      end: '2026-06-12T20:00:00+02:00',
      place: 'Quai 4, Marseille',
      organizer: 'Les Communs',
      tags: ['apéro', 'communs'],
    });
    expect(second.start).to.equal('2026-06-13T00:00:00+02:00');
  });

  it('reads only the event’s own properties, not those of its reminders, and leaves out cancelled events', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART:20260612T163000Z',
      'SUMMARY:Apéro',
      'DESCRIPTION:Bring a question.',
      'BEGIN:VALARM',
      'ACTION:EMAIL',
      'SUMMARY:Alarm notification',
      'DESCRIPTION:This is an event reminder',
      'TRIGGER:-P0DT0H30M0S',
      'END:VALARM',
      'LOCATION:Quai 4',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART:20260613T163000Z',
      'SUMMARY:Called off',
      'STATUS:CANCELLED',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const inputs = parseIcs(ics, { event: 'g21', timeZone: 'Europe/Paris' });
    expect(inputs).to.deep.equal([
      { event: 'g21', title: 'Apéro', start: '2026-06-12T18:30:00+02:00', description: 'Bring a question.', place: 'Quai 4', tags: [] },
    ]);
  });

  it('reads an end given as a DURATION', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;TZID=Europe/Paris:20260612T183000',
      'DURATION:PT1H30M',
      'SUMMARY:Apéro',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART:20260613T080000Z',
      'DURATION:P1DT2H',
      'SUMMARY:Long walk',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const [apero, walk] = parseIcs(ics, { event: 'g21', timeZone: 'Europe/Paris' });
    expect(apero!.end).to.equal('2026-06-12T20:00:00+02:00');
    expect(walk!.end).to.equal('2026-06-14T12:00:00+02:00');
  });

  it('reads a DURATION in days as days on the wall clock, across a change of time', () => {
    // Clocks go forward in Paris on Sunday 29 March 2037: that day has 23 hours.
    const vevent = (start: string, duration: string) => ['BEGIN:VEVENT', `DTSTART;TZID=Europe/Paris:${start}`, `DURATION:${duration}`, 'SUMMARY:Retreat', 'END:VEVENT'];
    const ics = ['BEGIN:VCALENDAR', ...vevent('20370328T100000', 'P1D'), ...vevent('20370328T100000', 'P1DT2H'), ...vevent('20370322T100000', 'P1W'), 'END:VCALENDAR'].join('\r\n');
    expect(parseIcs(ics, { event: 'g21' }).map((input) => input.end)).to.deep.equal([
      '2037-03-29T10:00:00+02:00',
      '2037-03-29T12:00:00+02:00',
      '2037-03-29T10:00:00+02:00',
    ]);
  });

  it('adds only what is new when the same calendar is imported again, updated', async () => {
    const store = createMemoryStore({ name: uniqueName('ics') });
    const vevent = (title: string, start: string) => ['BEGIN:VEVENT', `DTSTART:${start}`, `SUMMARY:${title}`, 'END:VEVENT'];
    const calendar = (...events: string[][]) => ['BEGIN:VCALENDAR', ...events.flat(), 'END:VCALENDAR'].join('\r\n');
    const first = calendar(vevent('Apéro', '20260612T163000Z'), vevent('Walk', '20260613T070000Z'));
    expect(await importIcs(store, first, { event: 'g21' })).to.have.length(2);
    expect(await importIcs(store, first, { event: 'g21' })).to.deep.equal([]);

    const updated = calendar(vevent('Apéro', '20260612T163000Z'), vevent('Walk', '20260613T080000Z'), vevent('Picnic', '20260614T100000Z'));
    const added = await importIcs(store, updated, { event: 'g21' });
    expect(added.map(({ title }) => title)).to.deep.equal(['Walk', 'Picnic']);
    expect((await store.list('side-event', { event: 'g21' })).map(({ title }) => title)).to.deep.equal(['Apéro', 'Walk', 'Walk', 'Picnic']);
    expect(await importIcs(store, first, { event: 'g22' })).to.have.length(2);
  });

  it('reads a DURATION in days from a start in UTC as days of 24 hours, which UTC has whatever the zone shown', () => {
    // 09:00 UTC on Saturday 28 March 2037, shown in Paris, where Sunday has 23 hours: still 09:00 UTC a day later.
    const ics = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART:20370328T090000Z', 'DURATION:P1D', 'SUMMARY:Retreat', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    const [retreat] = parseIcs(ics, { event: 'g21', timeZone: 'Europe/Paris' });
    expect(retreat!.start).to.equal('2037-03-28T10:00:00+01:00');
    expect(retreat!.end).to.equal('2037-03-29T11:00:00+02:00');
  });

  it('recognises an event already imported whose title had a line break (stored as a space)', async () => {
    const store = createMemoryStore({ name: uniqueName('ics') });
    const ics = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART:20260612T163000Z', 'SUMMARY:Apéro\\nsur le quai', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    expect((await importIcs(store, ics, { event: 'g21' })).map(({ title }) => title)).to.deep.equal(['Apéro sur le quai']);
    expect(await importIcs(store, ics, { event: 'g21' })).to.deep.equal([]);
  });

  it('refuses a calendar with an unreadable event as one batch, storing nothing', async () => {
    const store = createMemoryStore({ name: uniqueName('ics') });
    const ics = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:No start\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    const error = (await importIcs(store, ics, { event: 'g21' }).catch((failure: unknown) => failure)) as ValidationError;
    expect(error).to.be.instanceOf(ValidationError);
    expect(error.fieldMessages('en')).to.deep.equal({ start: 'Enter a valid date and time.' });
    expect(await store.list('side-event')).to.deep.equal([]);
  });
});

/** Calendars written the way their producers write them (test/fixtures/ics), read with ical.js. */
describe('calendar files from real producers', () => {
  const fixture = async (name: string) => (await fetch(new URL(`../fixtures/ics/${name}`, import.meta.url))).text();
  const JUNE_2026 = new Date('2026-06-01T00:00:00Z');
  const brief = (inputs: { title: string; start: string; end?: string }[]) => inputs.map(({ title, start, end }) => [title, start, end]);

  it('Google Calendar: a weekly RRULE as its occurrences, without the EXDATE, with the RECURRENCE-ID override in place of the occurrence it changes and the cancelled one left out', async () => {
    const inputs = parseIcs(await fixture('google-weekly.ics'), { event: 'g21', timeZone: 'Europe/Paris', from: JUNE_2026 });
    expect(brief(inputs)).to.deep.equal([
      ['Meetup des communs', '2026-06-02T19:00:00+02:00', '2026-06-02T21:00:00+02:00'],
      ['Meetup des communs', '2026-06-09T19:00:00+02:00', '2026-06-09T21:00:00+02:00'],
      ['Meetup des communs (plein air)', '2026-06-23T20:00:00+02:00', '2026-06-23T22:00:00+02:00'],
      ['Apéro de lancement', '2026-06-04T18:00:00+02:00', '2026-06-04T19:30:00+02:00'],
    ]);
    expect(inputs[2]!.place).to.equal('Parc de Belleville, Paris');
    expect(inputs.map(({ sourceId }) => sourceId)).to.deep.equal([
      '7kukuqrfedlm2f9t0vt4h4sbtm@google.com/20260602T170000Z',
      '7kukuqrfedlm2f9t0vt4h4sbtm@google.com/20260609T170000Z',
      '7kukuqrfedlm2f9t0vt4h4sbtm@google.com/20260623T170000Z',
      '0a1b2c3d4e5f6g7h8i9j0k1l2m@google.com',
    ]);
    expect(inputs[0]!.description).to.equal('Chaque mardi, on parle de communs.\nEntrée libre.', 'not the reminder’s');
  });

  it('Google Calendar: reads only the occurrences within the window', async () => {
    const inputs = parseIcs(await fixture('google-weekly.ics'), { event: 'g21', from: new Date('2026-06-05T00:00:00Z'), months: 1 });
    expect(inputs.map(({ start }) => start)).to.deep.equal(['2026-06-09T19:00:00+02:00', '2026-06-23T20:00:00+02:00', '2026-06-04T18:00:00+02:00']);
  });

  it('Outlook/Exchange: a Windows zone name (Romance Standard Time) read with the VTIMEZONE the file defines, summer and winter', async () => {
    const inputs = parseIcs(await fixture('outlook-exchange.ics'), { event: 'g21', timeZone: 'America/New_York' });
    expect(brief(inputs)).to.deep.equal([
      ['Atelier bénévoles', '2026-06-12T18:30:00+02:00', '2026-06-12T20:00:00+02:00'],
      ["Permanence d'hiver", '2026-12-03T09:00:00+01:00', '2026-12-03T12:00:00+01:00'],
    ]);
    expect(inputs[0]!.place).to.equal('Salle 3, Maison de quartier');
  });

  it('Apple Calendar: floating times and whole days placed in the file’s X-WR-TIMEZONE, whatever the zone asked for', async () => {
    const inputs = parseIcs(await fixture('apple-floating.ics'), { event: 'g21', timeZone: 'America/New_York' });
    expect(brief(inputs)).to.deep.equal([
      ['Vide-grenier', '2026-06-13T09:00:00+02:00', '2026-06-13T12:00:00+02:00'],
      ['Fête du quartier', '2026-06-14T00:00:00+02:00', '2026-06-15T00:00:00+02:00'],
    ]);
    expect(inputs[0]!.url).to.equal('https://quartier.example.org/vide-grenier');
  });

  it('Gancio: UTC times shown in the zone asked for, the event’s page, its tags, markup kept as plain text', async () => {
    const [concert, film] = parseIcs(await fixture('gancio.ics'), { event: 'g21', timeZone: 'Europe/Paris' });
    expect(concert).to.deep.include({
      title: 'Concert au jardin',
      start: '2026-06-12T18:30:00+02:00',
      end: '2026-06-12T21:00:00+02:00',
      url: 'https://gancio.example.org/event/concert-au-jardin',
      tags: ['concert', 'jardin'],
      sourceId: '42',
    });
    expect(film!.description).to.equal('<img src=x onerror=alert(1)>Film surprise');
    expect(film!.end).to.equal(undefined);
  });

  it('Mobilizon: the organiser, the event’s URL as its UID, and a cancelled event left out', async () => {
    const inputs = parseIcs(await fixture('mobilizon.ics'), { event: 'g21', timeZone: 'Europe/Paris' });
    expect(inputs).to.have.length(1);
    expect(inputs[0]).to.deep.include({ organizer: 'Collectif Vélo', start: '2026-06-20T16:00:00+02:00', sourceId: inputs[0]!.url });
  });

  it('RFC 5545’s examples: New York’s VTIMEZONE (before its first observance too), a daily COUNT, RDATEs with DTSTART first, folded text', async () => {
    const inputs = parseIcs(await fixture('rfc5545-examples.ics'), { event: 'g21', timeZone: 'Europe/Paris', from: new Date('1996-12-31T00:00:00Z'), months: 12 });
    const titled = (title: string) => inputs.filter((input) => input.title === title);
    expect(brief(titled('XYZ Project Review'))).to.deep.equal([['XYZ Project Review', '1998-03-12T08:30:00-05:00', '1998-03-12T09:30:00-05:00']]);
    const daily = titled('Daily for 10 occurrences');
    expect(daily).to.have.length(10);
    expect([daily[0]!.start, daily[9]!.end]).to.deep.equal(['1997-09-02T09:00:00-04:00', '1997-09-11T10:00:00-04:00']);
    expect(titled('Holidays, as RDATE').map(({ start }) => start.slice(0, 10))).to.deep.equal(['1997-01-01', '1997-01-20', '1997-02-17', '1997-04-21']);
    expect(titled('Networld+Interop Conference')[0]!.description).to.equal('Networld+Interop Conference and Exhibit\nAtlanta World Congress Center\nAtlanta, Georgia');
  });

  it('importIcs recognises an event by its UID: changed in the feed, it is not added again; a new occurrence is', async () => {
    const store = createMemoryStore({ name: uniqueName('ics') });
    const google = await fixture('google-weekly.ics');
    const first = await importIcs(store, google, { event: 'g21', from: JUNE_2026 });
    expect(first.map(({ sourceId }) => sourceId)).to.have.length(4);
    const renamed = google.replace('SUMMARY:Apéro de lancement', 'SUMMARY:Apéro de lancement (avancé)').replace('20260604T160000Z', '20260604T150000Z');
    expect(await importIcs(store, renamed, { event: 'g21', from: JUNE_2026 })).to.deep.equal([]);
    const longer = google.replace('UNTIL=20260707T165959Z', 'UNTIL=20260714T165959Z');
    expect((await importIcs(store, longer, { event: 'g21', from: JUNE_2026 })).map(({ start }) => start)).to.deep.equal(['2026-07-07T19:00:00+02:00']);
  });

  it('reads a hostile calendar without hanging: a rule repeating every second stops at 500 occurrences; a broken VEVENT is left out and told', () => {
    const vevent = (uid: string, ...lines: string[]) => ['BEGIN:VEVENT', `UID:${uid}`, 'SUMMARY:x', 'DTSTART:20261201T000000Z', ...lines, 'END:VEVENT'];
    const ics = ['BEGIN:VCALENDAR', ...vevent('flood', 'RRULE:FREQ=SECONDLY'), ...vevent('broken', 'DURATION:PXYZ'), ...vevent('fine'), 'END:VCALENDAR'].join('\r\n');
    const skipped: (string | undefined)[] = [];
    const inputs = parseIcs(ics, { event: 'g21', from: new Date('2026-12-01T00:00:00Z'), onSkipped: (uid) => skipped.push(uid) });
    expect(inputs.filter(({ sourceId }) => sourceId?.startsWith('flood/'))).to.have.length(500);
    expect(inputs.filter(({ sourceId }) => sourceId === 'fine')).to.have.length(1);
    expect(skipped).to.deep.equal(['broken']);
  });

  it('refuses a file that is not iCalendar with IcsFormatError', async () => {
    const store = createMemoryStore({ name: uniqueName('ics') });
    const error = await importIcs(store, '<html><body>Not found</body></html>', { event: 'g21' }).catch((failure: unknown) => failure);
    expect(error).to.be.instanceOf(IcsFormatError);
    expect((error as IcsFormatError).code).to.equal('ics-unreadable');
  });
});
