import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { loadFormChecks } from '../../../src/elements/off-contribute-form/form-checks-controller.js';
import type { OffContributeForm } from '../../../src/elements/off-contribute-form/off-contribute-form.js';
import { draftKey } from '../../../src/elements/off-contribute-form/safe-storage.js';
import { storeFor } from '../../../src/elements/shared/store-registry.js';
import { uniqueName } from '../../storage/fixtures.js';
import { confirmed, control, fillSideEvent, formFixture, part, statusText, submit } from './helpers.js';

/** The form's loader of its validation, counted, failing (as on bad Wi-Fi) the first `failures` times. */
function loaderOf(el: OffContributeForm, failures = 0) {
  const loader = { attempts: 0 };
  el.loadChecks = () => {
    loader.attempts += 1;
    return loader.attempts <= failures ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : loadFormChecks();
  };
  return loader;
}

const storedOf = (event: string) => storeFor('memory').list('side-event', { event });

describe('off-contribute-form validation, loaded on first use', () => {
  it('is not loaded with the form, but on the first focus in it, once', async () => {
    const el = await formFixture();
    const loader = loaderOf(el);
    await el.updateComplete;
    expect(loader.attempts, 'shown, not touched').to.equal(0);
    control(el, 'title').focus();
    expect(loader.attempts).to.equal(1);
    control(el, 'start').focus();
    fillSideEvent(el);
    await submit(el);
    await confirmed(el);
    expect(loader.attempts).to.equal(1);
    expect(await storedOf(el.event)).to.have.length(1);
  });

  for (const [lang, unchecked] of [
    ['en', 'Your contribution could not be checked'],
    ['fr', "Votre contribution n'a pas pu être vérifiée"],
  ]) {
    it(`cannot load at a press (bad Wi-Fi): keeps what was typed and its draft, says so (${lang}), and the next press loads it and sends`, async () => {
      const event = uniqueName('unchecked');
      const el = await formFixture({ event, lang });
      const loader = loaderOf(el, 1);
      fillSideEvent(el);
      await submit(el);
      await waitUntil(() => statusText(el).includes(unchecked), `no “${unchecked}” in: ${statusText(el)}`);
      await expect(el).to.be.accessible();
      expect(control(el, 'title').value).to.equal('Breakfast of the commons');
      expect(part(el, 'submit')!.getAttribute('aria-disabled'), 'pressable again').to.equal('false');
      await waitUntil(() => localStorage.getItem(draftKey('side-event', event)) !== null, 'draft not saved');
      expect(JSON.parse(localStorage.getItem(draftKey('side-event', event))!).title).to.equal('Breakfast of the commons');
      expect(await storedOf(event)).to.deep.equal([]);

      await submit(el);
      await confirmed(el);
      expect(loader.attempts, 'a new attempt, not the failed one again').to.equal(2);
      expect((await storedOf(event)).map(({ title }) => title)).to.deep.equal(['Breakfast of the commons']);
      expect(statusText(el)).not.to.contain(unchecked);
    });
  }

  it('tries again at the press when it could not load on the first focus', async () => {
    const el = await formFixture();
    const loader = loaderOf(el, 1);
    control(el, 'title').focus();
    fillSideEvent(el);
    // Typing takes a while: the failed attempt is over before the press.
    await aTimeout(0);
    expect(loader.attempts).to.equal(1);
    await submit(el);
    await confirmed(el);
    expect(loader.attempts).to.equal(2);
    expect(await storedOf(el.event)).to.have.length(1);
  });
});
