import { expect, waitUntil } from '@open-wc/testing';
import { mount, unmount } from 'svelte';
import type { OffContributeForm } from '../../src/elements/off-contribute-form/off-contribute-form.js';
import { storeFor } from '../../src/elements/shared/store-registry.js';
import type { OffRecord } from '../../src/model/records.js';
import { submit, type } from '../elements/off-contribute-form/helpers.js';
import SvelteContribute from './svelte-contribute.svelte';

describe('Svelte 5 (README snippet)', () => {
  let container: HTMLElement;
  let component: ReturnType<typeof mount>;
  const records: OffRecord[] = [];

  beforeEach(() => {
    container = document.body.appendChild(document.createElement('div'));
    component = mount(SvelteContribute, { target: container, props: { record: (record: OffRecord) => records.push(record) } });
  });

  afterEach(async () => {
    await unmount(component);
    container.remove();
  });

  it('gives the form its attributes and hears onoff-contributed with the stored seed', async () => {
    const form = container.querySelector<OffContributeForm>('off-contribute-form')!;
    await form.updateComplete;
    expect(form.kind).to.equal('seed');

    type(form, 'title', 'Seeds from Svelte');
    type(form, 'body', 'Doors open, chairs in a circle.');
    await submit(form);
    await waitUntil(() => records.length === 1, 'the onoff-contributed handler was not called');

    const [stored] = await storeFor('memory').list('seed', { event: 'g21' });
    expect(records[0]).to.deep.equal(stored);
    expect(records[0]).to.include({ title: 'Seeds from Svelte', event: 'g21' });
  });
});
