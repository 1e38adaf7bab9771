import { expect, waitUntil } from '@open-wc/testing';
import type { OffContributeForm } from '../../../src/elements/off-contribute-form/off-contribute-form.js';
import { storeFor } from '../../../src/elements/shared/store-registry.js';
import type { SideEvent } from '../../../src/model/records.js';
import { ValidationError } from '../../../src/storage/validation-error.js';
import { organizerInput, placeInput, uniqueName } from '../../storage/fixtures.js';
import { filledStore, registerStandIn } from '../stand-in-stores.js';
import { control, errorFor, fillSideEvent, formFixture, part, submit, type } from './helpers.js';

const options = (el: OffContributeForm, list: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>(`datalist#suggestions-${list} option`)].map((option) => option.value);

/** A store of its own with two places named alike in two cities, and an organiser. */
async function knownRecords(): Promise<string> {
  const spec = await filledStore([]);
  const store = storeFor(spec);
  await store.put('place', placeInput());
  await store.put('place', placeInput({ name: 'Café du Port', address: '2 rue du Port, 69002 Lyon', latitude: undefined, longitude: undefined }));
  await store.put('organizer', organizerInput());
  return spec;
}

/** A form on `store`, focused (the known records are read from the first focus on) and showing them. */
async function formOn(store: string, lang = 'en'): Promise<OffContributeForm> {
  const el = await formFixture({ store, lang });
  control(el, 'title').focus();
  await waitUntil(() => options(el, 'place').length === 2 && options(el, 'organizer').length === 1, 'the known records never came');
  return el;
}

async function stored(store: string, event: string): Promise<SideEvent[]> {
  return storeFor(store).list('side-event', { event });
}

async function confirmed(el: OffContributeForm): Promise<void> {
  await waitUntil(() => part(el, 'confirmation'), 'no confirmation');
}

describe('off-contribute-form and the network', () => {
  /** A stand-in for the store of `knownRecords()` that notes the kinds listed. */
  function countingLists(known: string): { spec: string; listed: string[] } {
    const listed: string[] = [];
    const spec = registerStandIn(uniqueName('counting'), () => ({
      list: (kind, query) => {
        listed.push(kind);
        return storeFor(known).list(kind, query);
      },
    }));
    return { spec, listed };
  }

  it('reads no places or organisers until the first focus in the form, then suggests them', async () => {
    const { spec, listed } = countingLists(await knownRecords());
    const el = await formFixture({ store: spec });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(listed).to.deep.equal([]);
    expect(options(el, 'place')).to.deep.equal([]);
    control(el, 'place').focus();
    await waitUntil(() => options(el, 'place').length === 2 && options(el, 'organizer').length === 1, 'the known records never came');
    expect(listed).to.have.members(['place', 'organizer']);
  });

  it('reads none for a seed, and starts when the page switches the form to side events', async () => {
    const { spec, listed } = countingLists(await knownRecords());
    const el = await formFixture({ store: spec, kind: 'seed' });
    control(el, 'title').focus();
    await submit(el);
    await waitUntil(() => errorFor(el, 'body'), 'the checks never came');
    expect(listed).to.deep.equal([]);
    el.kind = 'side-event';
    await waitUntil(() => options(el, 'place').length === 2, 'the known records never came');
    expect(listed).to.have.members(['place', 'organizer']);
  });

  it('suggests the known places with their address, so that two of the same name differ, and the known organisers, accessibly', async () => {
    const el = await formOn(await knownRecords(), 'fr');
    await expect(el).to.be.accessible();
    expect(options(el, 'place')).to.have.members(['Café du Port — 1 quai du Port, 13002 Marseille', 'Café du Port — 2 rue du Port, 69002 Lyon']);
    expect(options(el, 'organizer')).to.deep.equal(['Les Communs']);
    expect(control(el, 'place').getAttribute('list')).to.equal('suggestions-place');
    expect(control(el, 'organizer').getAttribute('list')).to.equal('suggestions-organizer');
    expect(control(el, 'place').getAttribute('aria-describedby')).to.equal('field-place-hint');
  });

  it('links the side event to the place and organiser picked; free text stays free text', async () => {
    const store = await knownRecords();
    const lyon = (await storeFor(store).list('place')).find((place) => place.address?.includes('Lyon'))!;
    const el = await formOn(store);
    fillSideEvent(el, { place: 'Café du Port — 2 rue du Port, 69002 Lyon' });
    type(el, 'organizer', 'Les Communs');
    await submit(el);
    await confirmed(el);
    const [linked] = await stored(store, el.event);
    expect(linked).to.include({ place: 'Café du Port', placeId: lyon.id, organizer: 'Les Communs' });
    expect(linked!.organizerId).to.be.a('string');

    (part(el, 'confirmation')!.querySelector('button') as HTMLButtonElement).click();
    await el.updateComplete;
    fillSideEvent(el, { title: 'Second', place: 'Café du Port' });
    await submit(el);
    await confirmed(el);
    const free = (await stored(store, el.event)).find((sideEvent) => sideEvent.title === 'Second')!;
    expect(free.place).to.equal('Café du Port');
    expect(free).to.not.have.property('placeId');
  });

  it('creates a new place typed in the form, then the side event at it', async () => {
    const store = await knownRecords();
    const el = await formOn(store);
    const button = part(el, 'new-place-button') as HTMLButtonElement;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(part(el, 'new-place')!.hidden).to.equal(true);
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    fillSideEvent(el, { place: '' });
    type(el, 'newPlace.name', 'La Friche');
    type(el, 'newPlace.address', '41 rue Jobin, Marseille');
    type(el, 'newPlace.latitude', '43,3104');
    type(el, 'newPlace.longitude', '5.3906');
    await submit(el);
    await confirmed(el);
    const friche = (await storeFor(store).list('place')).find((place) => place.name === 'La Friche')!;
    expect(friche).to.include({ address: '41 rue Jobin, Marseille', latitude: 43.3104, longitude: 5.3906 });
    const [sideEvent] = await stored(store, el.event);
    expect(sideEvent).to.include({ place: 'La Friche', placeId: friche.id });
  });

  it('says what is wrong with the new place next to its fields (a javascript: URL too), and sends nothing', async () => {
    const store = await knownRecords();
    const el = await formOn(store, 'fr');
    (part(el, 'new-place-button') as HTMLButtonElement).click();
    await el.updateComplete;
    fillSideEvent(el);
    type(el, 'newPlace.latitude', 'au nord');
    type(el, 'newPlace.url', 'javascript:alert(1)');
    await submit(el);
    await waitUntil(() => errorFor(el, 'newPlace.latitude'));
    expect(errorFor(el, 'newPlace.name')).to.equal('Ce champ est obligatoire.');
    expect(errorFor(el, 'newPlace.latitude')).to.equal('La latitude va de -90 à 90, la longitude de -180 à 180.');
    expect(errorFor(el, 'newPlace.url')).to.equal('Seules les adresses http:// et https:// sont acceptées.');
    await expect(el).to.be.accessible();
    expect(await stored(store, el.event)).to.have.length(0);
  });

  it('keeps everything typed when the store refuses the new place', async () => {
    const store = registerStandIn(uniqueName('refuses-places'), (base) => ({
      put: (kind, input, putOptions) =>
        kind === 'place' ? Promise.reject(new ValidationError([{ field: 'name', code: 'too-long', limit: 3 }])) : base.put(kind, input, putOptions),
    }));
    const el = await formFixture({ store });
    (part(el, 'new-place-button') as HTMLButtonElement).click();
    await el.updateComplete;
    fillSideEvent(el, { place: '', title: 'Picnic on the roof' });
    type(el, 'newPlace.name', 'La Friche');
    type(el, 'newPlace.address', '41 rue Jobin, Marseille');
    await submit(el);
    await waitUntil(() => errorFor(el, 'newPlace.name'), 'the refusal was not shown');
    expect(errorFor(el, 'newPlace.name')).to.contain('3');
    expect(control(el, 'title').value).to.equal('Picnic on the roof');
    expect(control(el, 'newPlace.name').value).to.equal('La Friche');
    expect(control(el, 'newPlace.address').value).to.equal('41 rue Jobin, Marseille');
    expect(await storeFor(store).list('side-event', { event: el.event })).to.have.length(0);
  });

  it('suggests a place named with markup as text', async () => {
    const spec = await filledStore([]);
    await storeFor(spec).put('place', placeInput({ name: '<b>Bold</b>', address: '<img src=x onerror=alert(1)>' }));
    const el = await formFixture({ store: spec });
    control(el, 'place').focus();
    await waitUntil(() => options(el, 'place').length === 1);
    expect(options(el, 'place')).to.deep.equal(['<b>Bold</b> — <img src=x onerror=alert(1)>']);
    expect(el.shadowRoot!.querySelectorAll('b, img')).to.have.length(0);
  });
});
