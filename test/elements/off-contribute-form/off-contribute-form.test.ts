import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { storeFor } from '../../../src/elements/shared/store-registry.js';
import type { OffContributeForm } from '../../../src/elements/off-contribute-form/off-contribute-form.js';
import type { OffContributedEvent } from '../../../src/elements/shared/events.js';
import { LIMITS } from '../../../src/model/validate.js';
import { uniqueName } from '../../storage/fixtures.js';
import { confirmed, control, errorFor, fillSideEvent, formFixture, part, sendHeld, slowWrites, statusText, submit, switchKinds, type } from './helpers.js';

const SIDE_EVENT_FIELDS = ['title', 'description', 'start', 'end', 'place', 'url', 'organizer', 'tags'];
const SEED_FIELDS = ['title', 'body', 'author', 'license', 'sourceUrl', 'tags'];

async function stored(kind: 'side-event' | 'seed', event: string) {
  return storeFor('memory').list(kind, { event });
}

/** Refused before sending: the focus on the first field at fault, and, a moment later, still nothing stored. */
/** A seed form on a store whose writes can be held, with a seed's title and body typed. */
async function seedTypedOnSlowStore(name: string, title: string, body: string) {
  const slow = slowWrites();
  const event = uniqueName(name);
  const el = await formFixture({ store: slow.spec, kind: 'seed', event });
  type(el, 'title', title);
  type(el, 'body', body);
  return { slow, event, el };
}

async function expectRefusedAt(el: Awaited<ReturnType<typeof formFixture>>, field: string): Promise<void> {
  expect(el.shadowRoot!.activeElement).to.equal(control(el, field));
  await aTimeout(20);
  expect(await stored('side-event', el.event)).to.deep.equal([]);
}

describe('off-contribute-form', () => {
  describe('empty', () => {
    it('is accessible, with visible labels and controls named after the side event fields', async () => {
      const el = await formFixture();
      await expect(el).to.be.accessible();
      const names = [...el.shadowRoot!.querySelectorAll('[part~="input"]')].map((node) => node.getAttribute('name'));
      expect(names).to.deep.equal(SIDE_EVENT_FIELDS);
      for (const name of names) {
        const label = el.shadowRoot!.querySelector<HTMLLabelElement>(`label[for="${control(el, name!).id}"]`)!;
        expect(label.offsetHeight, `${name} label visible`).to.be.greaterThan(0);
        expect(label.textContent!.trim()).to.not.equal('');
      }
      expect(control(el, 'title').required).to.equal(true);
      expect(control(el, 'start').required).to.equal(true);
      expect(control(el, 'place').required).to.equal(false);
      expect(control(el, 'start').type).to.equal('datetime-local');
      expect(control(el, 'url').getAttribute('inputmode')).to.equal('url');
      expect(control(el, 'organizer').getAttribute('autocomplete')).to.equal('organization');
      const titleLabel = el.shadowRoot!.querySelector('label[for="field-title"]')!;
      expect(titleLabel.querySelector('.required')!.textContent).to.contain('*');
      expect(el.shadowRoot!.querySelector('h2[part="heading"]')!.textContent).to.equal('Add your #OFF');
    });

    it('takes its heading’s text and level from label and heading-level, to fit the host page’s outline', async () => {
      const el = await fixture<OffContributeForm>(html`<off-contribute-form store="memory" lang="en" event=${uniqueName('outline')} label="Propose a side event" heading-level="3"></off-contribute-form>`);
      const heading = el.shadowRoot!.querySelector('[part="heading"]')!;
      expect(heading.localName).to.equal('h3');
      expect(heading.textContent).to.equal('Propose a side event');
      expect(el.shadowRoot!.querySelector('form')!.getAttribute('aria-labelledby')).to.equal(heading.id);
      el.setAttribute('heading-level', 'nonsense');
      el.removeAttribute('label');
      await el.updateComplete;
      const fallback = el.shadowRoot!.querySelector('[part="heading"]')!;
      expect([fallback.localName, fallback.textContent]).to.deep.equal(['h2', 'Add your #OFF']);
      await expect(el).to.be.accessible();
    });

    it('is accessible as a seed form, with a licence select defaulting to CC-BY-SA-4.0 by its name', async () => {
      const el = await formFixture({ kind: 'seed' });
      await expect(el).to.be.accessible();
      const names = [...el.shadowRoot!.querySelectorAll('[part~="input"]')].map((node) => node.getAttribute('name'));
      expect(names).to.deep.equal(SEED_FIELDS);
      expect(control(el, 'body').required).to.equal(true);
      expect(control(el, 'author').getAttribute('autocomplete')).to.equal('name');
      const license = control(el, 'license') as unknown as HTMLSelectElement;
      expect(license.value).to.equal('CC-BY-SA-4.0');
      expect([...license.options].map((option) => option.value)).to.have.members(['CC0-1.0', 'CC-BY-4.0', 'CC-BY-SA-4.0']);
      expect(license.selectedOptions[0]!.textContent).to.contain('Creative Commons Attribution-ShareAlike');
    });

    it('speaks French with lang="fr"', async () => {
      const el = await formFixture({ lang: 'fr' });
      await expect(el).to.be.accessible();
      expect(el.shadowRoot!.querySelector('label[for="field-start"]')!.textContent).to.contain('Début');
      expect(part(el, 'submit')!.textContent).to.equal('Ajouter mon évènement');
    });

    it('hides the honeypot from sight, screen readers, keyboard and autofill', async () => {
      const el = await formFixture();
      const honeypot = el.shadowRoot!.querySelector<HTMLInputElement>('[data-honeypot]')!;
      const wrapper = honeypot.closest('[aria-hidden="true"]')!;
      expect(wrapper.classList.contains('visually-hidden')).to.equal(true);
      expect(honeypot.tabIndex).to.equal(-1);
      expect(honeypot.getAttribute('autocomplete')).to.equal('off');
      expect(honeypot.name).to.not.match(/mail|url|name|phone|address/);
      expect(wrapper.getBoundingClientRect().width).to.be.at.most(1);
    });

    it('tells screen readers no field is invalid before anything was sent (Chromium calls an empty required date invalid)', async () => {
      const el = await formFixture();
      const controls = [...el.shadowRoot!.querySelectorAll('[part~="input"]')];
      expect(controls.filter((node) => node.getAttribute('aria-invalid') !== 'false').map((node) => node.getAttribute('name'))).to.deep.equal([]);
    });

    it('warns that nothing is kept when the store is not persistent (memory), and does not read that out again with every message', async () => {
      const el = await formFixture();
      expect(statusText(el)).to.contain('lost when you close the page');
      // role=status is atomic by default: each new message would be read out after the whole region, warning first.
      expect(part(el, 'status')!.getAttribute('aria-atomic')).to.equal('false');
    });
  });

  describe('with errors', () => {
    it('shows inline errors in English, links them, and focuses the first invalid field', async () => {
      const el = await formFixture();
      type(el, 'place', 'Somewhere');
      await submit(el);
      await expect(el).to.be.accessible();
      expect(errorFor(el, 'title')).to.contain('This field is required.');
      expect(errorFor(el, 'start')).to.contain('This field is required.');
      expect(control(el, 'title').getAttribute('aria-invalid')).to.equal('true');
      expect(control(el, 'place').getAttribute('aria-invalid')).to.equal('false');
      expect(el.shadowRoot!.activeElement).to.equal(control(el, 'title'));
      expect(statusText(el)).to.contain('Some fields need your attention.');
      expect(control(el, 'place').value, 'nothing typed is cleared').to.equal('Somewhere');
    });

    it('shows inline errors in French and focuses the first invalid field in the form order', async () => {
      const el = await formFixture({ lang: 'fr' });
      type(el, 'title', 'Un petit-déjeuner');
      await submit(el);
      await expect(el).to.be.accessible();
      expect(errorFor(el, 'start')).to.contain('Ce champ est obligatoire.');
      expect(errorFor(el, 'title')).to.equal(undefined);
      expect(el.shadowRoot!.activeElement).to.equal(control(el, 'start'));
    });

    it('shows seed errors and clears a field’s error once it is edited', async () => {
      const el = await formFixture({ kind: 'seed' });
      await submit(el);
      await expect(el).to.be.accessible();
      expect(errorFor(el, 'title')).to.contain('required');
      expect(errorFor(el, 'body')).to.contain('required');
      type(el, 'body', 'Doors open.');
      await el.updateComplete;
      expect(errorFor(el, 'body')).to.equal(undefined);
      expect(errorFor(el, 'title')).to.contain('required');
    });

    it('lays out right-to-left text right to left in its fields', async () => {
      const el = await formFixture({ lang: 'fr' });
      type(el, 'title', 'فطور المشاعات');
      type(el, 'description', 'نلتقي في المقهى');
      await el.updateComplete;
      expect(control(el, 'title').matches(':dir(rtl)')).to.equal(true);
      expect(el.shadowRoot!.querySelector('[name="description"]')!.matches(':dir(rtl)')).to.equal(true);
      type(el, 'title', 'Petit-déjeuner des communs');
      await el.updateComplete;
      expect(control(el, 'title').matches(':dir(ltr)')).to.equal(true);
    });

    it('refuses a javascript: URL with the model’s message and stores nothing', async () => {
      const el = await formFixture();
      fillSideEvent(el, { url: 'javascript:alert(1)' });
      await submit(el);
      expect(errorFor(el, 'url')).to.contain('Only http:// and https:// addresses are accepted.');
      expect(control(el, 'url').value).to.equal('javascript:alert(1)');
      await expectRefusedAt(el, 'url');
    });

    it('keeps pasted text longer than allowed whole and says next to the field how long it may be', async () => {
      const el = await formFixture();
      fillSideEvent(el);
      const paste = (name: string, text: string) => {
        const field = control(el, name);
        field.focus();
        field.select();
        // What a paste goes through: the browser's editing, which applies maxlength.
        document.execCommand('insertText', false, text);
      };
      const description = `${'Coffee and the manifesto, read aloud. '.repeat(110)}The end.`;
      const title = `${'A'.repeat(LIMITS.title)}!`;
      paste('description', description);
      paste('title', title);
      expect(control(el, 'description').value.length, 'description kept whole').to.equal(description.length);
      expect(control(el, 'title').value.length, 'title kept whole').to.equal(title.length);
      await submit(el);
      expect(errorFor(el, 'title')).to.equal('At most 140 characters.');
      expect(errorFor(el, 'description')).to.equal('At most 4000 characters.');
      await expectRefusedAt(el, 'title');
    });

    it('says that a date typed without its time is not a valid date and time, instead of “required” or dropping an end', async () => {
      const el = await formFixture({ lang: 'fr' });
      fillSideEvent(el, { start: '' });
      for (const name of ['start', 'end']) {
        control(el, name).focus();
        await sendKeys({ type: '06122026' });
      }
      await submit(el);
      expect(errorFor(el, 'start')).to.equal('Saisissez une date et une heure valides.');
      expect(errorFor(el, 'end')).to.equal('Saisissez une date et une heure valides.');
      await expectRefusedAt(el, 'start');
    });

    it('says when the end is before the start', async () => {
      const el = await formFixture();
      fillSideEvent(el, { end: '2026-06-12T07:00' });
      await submit(el);
      expect(errorFor(el, 'end')).to.contain('The end cannot be before the start.');
    });
  });

  describe('submitting', () => {
    it('stores the side event with offsets and tags, fires off-contributed, confirms, and starts afresh', async () => {
      const el = await formFixture({ timeZone: 'Europe/Paris' });
      fillSideEvent(el, { end: '2026-06-12T09:30' });
      const contributed = oneEvent(el, 'off-contributed') as Promise<OffContributedEvent>;
      await submit(el);
      const { detail } = await contributed;
      expect(detail.kind).to.equal('side-event');
      expect(detail.record).to.include({ event: el.event, start: '2026-06-12T08:30:00+02:00', end: '2026-06-12T09:30:00+02:00' });
      expect(detail.record.tags).to.deep.equal(['commons', 'breakfast']);
      expect(await stored('side-event', el.event)).to.deep.equal([detail.record]);

      const confirmation = await confirmed(el);
      await expect(el).to.be.accessible();
      expect(confirmation.getAttribute('role')).to.equal('status');
      expect(confirmation.textContent).to.contain('“Breakfast of the commons” has been added');
      expect(el.shadowRoot!.activeElement).to.equal(confirmation);
      expect(localStorage.getItem(`off-layer:draft:side-event:${el.event}`)).to.equal(null);

      (confirmation.querySelector('button') as HTMLButtonElement).click();
      await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('name') === 'title', 'focus not on the title');
      expect(control(el, 'title').value).to.equal('');
      expect(control(el, 'start').value).to.equal('');
    });

    it('stores a seed with its licence and source', async () => {
      const el = await formFixture({ kind: 'seed' });
      type(el, 'title', 'Open-door workshop');
      type(el, 'body', 'Doors open, chairs in a circle.');
      type(el, 'license', 'CC0-1.0');
      type(el, 'sourceUrl', 'https://example.org/notes');
      const contributed = oneEvent(el, 'off-contributed') as Promise<OffContributedEvent>;
      await submit(el);
      const { detail } = await contributed;
      expect(detail.kind).to.equal('seed');
      expect(detail.record).to.include({ event: el.event, license: 'CC0-1.0', sourceUrl: 'https://example.org/notes' });
      expect(await stored('seed', el.event)).to.have.length(1);
      expect((await confirmed(el)).textContent).to.contain('has been shared');
    });

    it('stores a title with markup verbatim and confirms it as text', async () => {
      const el = await formFixture();
      const title = '<img src=x onerror=alert(1)><b>Bold</b> & co';
      fillSideEvent(el, { title });
      await submit(el);
      const confirmation = await confirmed(el);
      const [record] = await stored('side-event', el.event);
      expect(record!.title).to.equal(title);
      expect(confirmation.querySelector('img, b')).to.equal(null);
      expect(confirmation.textContent).to.contain(title);
    });

    it('is one card, like the board: its heading inside the border and padding, not on the page’s edge', async () => {
      const page = await fixture<HTMLElement>(html`<div style="background: #fdf6e3; padding: 0">
        <off-contribute-form store="memory" lang="en" event=${uniqueName('card')}></off-contribute-form>
      </div>`);
      const el = page.querySelector('off-contribute-form')!;
      await el.updateComplete;
      const card = el.shadowRoot!.querySelector('section')!;
      const heading = card.querySelector('[part="heading"]')!.getBoundingClientRect();
      const host = el.getBoundingClientRect();
      expect(heading.left - host.left, 'heading inset').to.be.at.least(16);
      expect(heading.top - host.top, 'heading inset from the top').to.be.at.least(16);
      const style = getComputedStyle(card);
      expect(style.backgroundColor).to.equal('rgb(255, 255, 255)');
      expect(style.borderTopStyle).to.equal('solid');
    });

    it('wraps a long title without spaces (a pasted address) on a 375 px phone screen', async () => {
      const unbroken = 'https://example.org/SommetInternationalDesCommunsNumeriques/savoirs_partages_2026_atelier_ouvert';
      const phone = await fixture<HTMLElement>(html`<div style="width: 375px">
        <off-contribute-form store="memory" lang="fr" event=${uniqueName('phone')} min-fill-ms="0"></off-contribute-form>
      </div>`);
      const el = phone.querySelector('off-contribute-form')!;
      fillSideEvent(el, { title: unbroken });
      await submit(el);
      await confirmed(el);
      const right = phone.getBoundingClientRect().right;
      const overflowing = [...el.shadowRoot!.querySelectorAll('*')].filter((node) => node.getBoundingClientRect().right > right + 0.5);
      expect(overflowing.map((node) => `${node.tagName} ${node.className}`)).to.deep.equal([]);
    });

    it('sends what the fields show: nothing typed while a slow store is sending is silently dropped', async () => {
      const slow = slowWrites();
      const el = await formFixture({ store: slow.spec });
      fillSideEvent(el, { description: 'Coffee' });
      slow.hold();
      await submit(el);
      expect(part(el, 'submit')!.textContent).to.equal('Sending…');
      control(el, 'description').focus();
      await sendKeys({ type: ' and croissants' });
      const shown = control(el, 'description').value;
      slow.release();
      await confirmed(el);
      const [record] = await slow.store.list('side-event', { event: el.event });
      expect(record!.description).to.equal(shown);
    });

    it('keeps the seed being typed when the page switches the form to seeds while a side event is sent', async () => {
      const { slow, event, el } = await seedTypedOnSlowStore('switch', 'Half-typed seed', 'Doors open.');
      await switchKinds(el, 'side-event');
      fillSideEvent(el);
      const confirmation = await sendHeld(el, slow, () => switchKinds(el, 'seed'));
      expect(await slow.store.list('side-event', { event })).to.have.length(1);
      confirmation.querySelector('button')!.click();
      await el.updateComplete;
      expect([control(el, 'title').value, control(el, 'body').value]).to.deep.equal(['Half-typed seed', 'Doors open.']);
      expect(localStorage.getItem(`off-layer:draft:seed:${event}`)).to.contain('Half-typed seed');
    });

    it('starts afresh when the page switches the form to side events and back to seeds while a seed is sent', async () => {
      const { slow, event, el } = await seedTypedOnSlowStore('switch-back', 'Open-door workshop', 'Doors open, chairs in a circle.');
      const confirmation = await sendHeld(el, slow, () => switchKinds(el, 'side-event', 'seed'));
      expect(await slow.store.list('seed', { event })).to.have.length(1);
      confirmation.querySelector('button')!.click();
      await el.updateComplete;
      // Not the seed just sent, ready to be sent twice.
      expect([control(el, 'title').value, control(el, 'body').value]).to.deep.equal(['', '']);
      expect(localStorage.getItem(`off-layer:draft:seed:${event}`)).to.equal(null);
    });

    it('thanks for a seed as a seed when the page switched the form to side events while it was sent', async () => {
      const slow = slowWrites();
      const el = await formFixture({ store: slow.spec, kind: 'seed' });
      type(el, 'title', 'Open-door workshop');
      type(el, 'body', 'Doors open, chairs in a circle.');
      const confirmation = await sendHeld(el, slow, () => switchKinds(el, 'side-event'));
      expect(confirmation.textContent).to.contain('Thank you! “Open-door workshop” has been shared.');
      expect(confirmation.querySelector('button')!.textContent).to.equal('Add another side event');
    });

    it('leaves the focus where the person moved it in the page while a slow store was sending', async () => {
      const slow = slowWrites();
      const page = await fixture<HTMLElement>(html`<div>
        <input aria-label="Search the host site" />
        <off-contribute-form store=${slow.spec} event=${uniqueName('focus')} lang="en" min-fill-ms="0"></off-contribute-form>
      </div>`);
      const el = page.querySelector('off-contribute-form')!;
      fillSideEvent(el);
      slow.hold();
      part(el, 'submit')!.focus();
      await submit(el);
      page.querySelector('input')!.focus();
      slow.release();
      await confirmed(el);
      await el.updateComplete;
      expect(document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName).to.equal('Search the host site');
    });

    it('keeps the draft as people type and restores it after a reload', async () => {
      const event = uniqueName('draft');
      const first = await formFixture({ event });
      type(first, 'title', 'Half-typed idea');
      type(first, 'description', 'Line one\nline two');
      await waitUntil(() => localStorage.getItem(`off-layer:draft:side-event:${event}`) !== null, 'draft not saved');
      first.remove();

      const second = await formFixture({ event });
      expect(control(second, 'title').value).to.equal('Half-typed idea');
      expect(control(second, 'description').value).to.equal('Line one\nline two');
      fillSideEvent(second, { title: 'Half-typed idea' });
      await submit(second);
      await confirmed(second);
      expect(localStorage.getItem(`off-layer:draft:side-event:${event}`)).to.equal(null);
    });

    it('still works when localStorage refuses to store (private mode)', async () => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = () => {
        throw new DOMException('refused', 'QuotaExceededError');
      };
      try {
        const event = uniqueName('private');
        const el = await formFixture({ event });
        fillSideEvent(el);
        el.remove();
        const again = await formFixture({ event });
        expect(control(again, 'title').value, 'the draft is kept for the life of the page').to.equal('Breakfast of the commons');
        await submit(again);
        await confirmed(again);
        expect(await stored('side-event', event)).to.have.length(1);
      } finally {
        Storage.prototype.setItem = setItem;
      }
    });
  });

  describe('anti-bot', () => {
    it('quietly stores nothing when the honeypot is filled', async () => {
      const el = await formFixture();
      fillSideEvent(el);
      el.shadowRoot!.querySelector<HTMLInputElement>('[data-honeypot]')!.value = 'I am a bot';
      let fired = false;
      el.addEventListener('off-contributed', () => (fired = true));
      await submit(el);
      await confirmed(el);
      await aTimeout(20);
      expect(await stored('side-event', el.event)).to.deep.equal([]);
      expect(fired).to.equal(false);
    });

    it('asks a too-fast person to check and press again, and sends on that second press once the minimum time has passed', async () => {
      const el = await formFixture({ minFillMs: 1500 });
      fillSideEvent(el);
      await submit(el);
      await expect(el).to.be.accessible();
      expect(statusText(el)).to.contain('check what you entered, then press the button again');
      expect(part(el, 'submit')!.textContent).to.equal('Confirm and send');
      expect(control(el, 'title').value).to.equal('Breakfast of the commons');
      await aTimeout(20);
      expect(await stored('side-event', el.event), 'not sent on the first press').to.deep.equal([]);

      // Pressed again at once: not turned away a second time, without a word.
      const contributed = oneEvent(el, 'off-contributed') as Promise<OffContributedEvent>;
      await submit(el);
      expect(part(el, 'submit')!.textContent).to.equal('Sending…');
      const { detail } = await contributed;
      expect(await stored('side-event', el.event)).to.deep.equal([detail.record]);
      await confirmed(el);
    });

    it('does not send, once the time is up, a second press from a form removed from the page meanwhile', async () => {
      const el = await formFixture({ minFillMs: 300 });
      fillSideEvent(el);
      await submit(el);
      await submit(el);
      expect(part(el, 'submit')!.textContent).to.equal('Sending…');
      el.remove();
      await aTimeout(800);
      expect(await stored('side-event', el.event)).to.deep.equal([]);
    });

    it('waits 3 seconds by default', async () => {
      const el = await formFixture({ minFillMs: null });
      expect(el.minFillMs).to.equal(3000);
      fillSideEvent(el);
      await submit(el);
      expect(statusText(el)).to.contain('press the button again');
    });
  });
});
