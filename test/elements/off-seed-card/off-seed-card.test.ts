import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LICENSES, type Seed } from '../../../src/model/records.js';
import '../../../src/elements/off-seed-card/define.js';
import type { OffSeedCard } from '../../../src/elements/off-seed-card/off-seed-card.js';
import { storeFor } from '../../../src/elements/shared/store-registry.js';
import { seedInput, uniqueName } from '../../storage/fixtures.js';
import { registerStandIn } from '../stand-in-stores.js';

const memory = () => storeFor('memory');

function part(el: OffSeedCard, name: string): HTMLElement {
  return el.shadowRoot!.querySelector(`[part~="${name}"]`) as HTMLElement;
}

function button(el: OffSeedCard, label: string): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find((candidate) => candidate.textContent!.trim() === label);
  expect(found, `button "${label}"`).to.not.equal(undefined);
  return found!;
}

const statusText = (el: OffSeedCard) => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.replace(/\s+/g, ' ').trim();

async function cardFor(id: string, extra: { lang?: string; theme?: string; replantEvent?: string } = {}): Promise<OffSeedCard> {
  const el = await fixture<OffSeedCard>(html`<off-seed-card
    store="memory"
    seed=${id}
    lang=${extra.lang ?? 'en'}
    theme=${extra.theme ?? 'light'}
    replant-event=${extra.replantEvent ?? ''}
  ></off-seed-card>`);
  await waitUntil(() => part(el, 'title') || el.shadowRoot!.querySelector('.error'), 'the card never settled');
  return el;
}

/** Replaces a property of `target` for one test; returns the restore function. */
function stubProperty(target: object, name: string, value: unknown): () => void {
  const own = Object.getOwnPropertyDescriptor(target, name);
  Object.defineProperty(target, name, { configurable: true, writable: true, value });
  return () => (own ? Object.defineProperty(target, name, own) : delete (target as Record<string, unknown>)[name]);
}

/** Captures what `<a download>` would save instead of saving it. */
async function captureDownload(action: () => void): Promise<{ name: string; text: string }> {
  const clicked: HTMLAnchorElement[] = [];
  const restore = stubProperty(HTMLAnchorElement.prototype, 'click', function (this: HTMLAnchorElement) {
    clicked.push(this);
  });
  try {
    action();
  } finally {
    restore();
  }
  expect(clicked).to.have.length(1);
  return { name: clicked[0]!.download, text: await (await fetch(clicked[0]!.href)).text() };
}

/** A store of its own whose reads and writes wait, once `hold()` is called, until `release()`: a slow network. */
function slowStore() {
  let held: Promise<void> | undefined;
  let release = () => {};
  const spec = registerStandIn(uniqueName('slow'), (base) => ({
    get: async (kind, id) => {
      await held;
      return base.get(kind, id);
    },
    put: async (kind, input, options) => {
      await held;
      return base.put(kind, input, options);
    },
  }));
  return {
    spec,
    store: storeFor(spec),
    hold: () => (held = new Promise<void>((resolve) => (release = resolve))),
    release: () => release(),
  };
}

/** A card on a slow store, showing a seed it can replant into `here`. */
async function replantableOnSlowStore() {
  const slow = slowStore();
  const original = await slow.store.put('seed', seedInput({ event: uniqueName('before') }));
  const here = uniqueName('here');
  const el = await fixture<OffSeedCard>(html`<off-seed-card store=${slow.spec} lang="en" seed=${original.id} replant-event=${here}></off-seed-card>`);
  await waitUntil(() => part(el, 'title'), 'the seed never showed');
  return { slow, el, here };
}

/** Lets the card render whatever it shows while a read is held. */
const aMoment = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('off-seed-card', () => {
  it('is accessible while loading', async () => {
    const store = memory();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const seed = await store.put('seed', seedInput());
    const restore = stubProperty(store, 'get', async (...args: Parameters<typeof store.get>) => {
      await held;
      return Object.getPrototypeOf(store).get.apply(store, args);
    });
    try {
      const el = await fixture<OffSeedCard>(html`<off-seed-card store="memory" lang="en" seed=${seed.id}></off-seed-card>`);
      expect(statusText(el)).to.equal('Loading the seed…');
      expect(part(el, 'card').getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
      release();
      await waitUntil(() => part(el, 'title'), 'the seed never showed');
    } finally {
      restore();
    }
  });

  it('shows a seed loaded by id, accessibly', async () => {
    const seed = await memory().put('seed', seedInput({ event: uniqueName('origin'), license: 'CC-BY-4.0' }));
    const el = await cardFor(seed.id);
    await expect(el).to.be.accessible();
    expect(part(el, 'card').tagName).to.equal('ARTICLE');
    expect(part(el, 'title').tagName).to.equal('H3');
    expect(part(el, 'title').textContent).to.equal(seed.title);
    expect(part(el, 'body').textContent).to.equal(seed.body);
    expect(getComputedStyle(part(el, 'body')).whiteSpace).to.equal('pre-line');
    const meta = part(el, 'meta').textContent!;
    expect(meta).to.include('Camille').and.include(seed.event!);
    expect(part(el, 'meta').querySelector('time')!.getAttribute('datetime')).to.equal(seed.createdAt);
    expect([...part(el, 'tags').querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(['#facilitation']);
    expect(part(el, 'lineage')).to.equal(null);
  });

  it('shows the seed property, which wins over the id, at the heading level asked', async () => {
    const stored = await memory().put('seed', seedInput({ title: 'From the store' }));
    const given: Seed = { ...stored, id: 'given-1', title: 'Given directly' };
    const el = await fixture<OffSeedCard>(html`<off-seed-card store="memory" lang="en" seed=${stored.id} heading-level="2" .seed=${given}></off-seed-card>`);
    expect(part(el, 'title').textContent).to.equal('Given directly');
    expect(part(el, 'title').tagName).to.equal('H2');
    await expect(el).to.be.accessible();
  });

  it('follows changes to the seed made through the store', async () => {
    const seed = await memory().put('seed', seedInput());
    const el = await cardFor(seed.id);
    await memory().put('seed', { ...seed, title: 'A better title' });
    await waitUntil(() => part(el, 'title').textContent === 'A better title', 'the card kept the old title');
  });

  it('shows the loading state, not the previous seed, while the next seed loads', async () => {
    const slow = slowStore();
    const [first, next] = await slow.store.putMany('seed', [seedInput({ title: 'The first seed' }), seedInput({ title: 'The next seed' })]);
    const el = await fixture<OffSeedCard>(html`<off-seed-card store=${slow.spec} lang="en" seed=${first!.id}></off-seed-card>`);
    await waitUntil(() => part(el, 'title'), 'the first seed never showed');
    slow.hold();
    el.seedId = next!.id;
    await aMoment();
    expect(part(el, 'title')?.textContent, 'the previous seed is still on show').to.equal(undefined);
    expect(statusText(el)).to.equal('Loading the seed…');
    expect(part(el, 'card').getAttribute('aria-busy')).to.equal('true');
    slow.release();
    await waitUntil(() => part(el, 'title')?.textContent === 'The next seed', 'the next seed never showed');
  });

  it('does not show the previous parent’s title while the next parent loads', async () => {
    const slow = slowStore();
    const [parentA, parentB] = await slow.store.putMany('seed', [seedInput({ title: 'Parent A' }), seedInput({ title: 'Parent B' })]);
    const [childA, childB] = await slow.store.putMany('seed', [
      seedInput({ title: 'Child A', replantedFrom: parentA!.id }),
      seedInput({ title: 'Child B', replantedFrom: parentB!.id }),
    ]);
    const el = await fixture<OffSeedCard>(html`<off-seed-card store=${slow.spec} lang="en" .seed=${childA}></off-seed-card>`);
    await waitUntil(() => part(el, 'lineage')?.textContent!.includes('Parent A'), 'the first parent never showed');
    slow.hold();
    el.seed = childB;
    await aMoment();
    const link = part(el, 'lineage').querySelector('a')!;
    expect(link.href).to.match(new RegExp(`#seed-${parentB!.id}$`));
    expect(link.textContent, 'a link to parent B named after parent A').to.equal(parentB!.id);
    slow.release();
    await waitUntil(() => part(el, 'lineage').textContent!.includes('Parent B'), 'the next parent never showed');
  });

  it('shows what changed while it was out of the page once it is back', async () => {
    const seed = await memory().put('seed', seedInput({ title: 'Before the move' }));
    const el = await cardFor(seed.id);
    const parent = el.parentElement!;
    el.remove();
    await memory().put('seed', { ...seed, title: 'Edited meanwhile' });
    parent.append(el);
    await waitUntil(() => part(el, 'title')?.textContent === 'Edited meanwhile', 'the card kept the title from before it left');
  });

  it('says when the seed does not exist, in the visitor’s language', async () => {
    const el = await cardFor('no-such-seed');
    expect(statusText(el)).to.equal('This record does not exist (any more).');
    await expect(el).to.be.accessible();
    el.lang = 'fr';
    await el.updateComplete;
    expect(statusText(el)).to.equal("Cet élément n'existe pas (ou plus).");
  });

  it('says so, in the visitor’s language, when the seed property is not a seed record, and shows the next good one', async () => {
    const stored = await memory().put('seed', seedInput({ title: 'A real seed' }));
    const el = await fixture<OffSeedCard>(html`<off-seed-card store="memory" lang="en"></off-seed-card>`);
    // What a host page's own API might send: no tags, no body, no dates.
    el.seed = { id: 'partial', title: 'Half a seed' } as Seed;
    await el.updateComplete;
    expect(statusText(el)).to.equal('This seed cannot be shown: it is not a complete seed record.');
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
    await expect(el).to.be.accessible();
    el.lang = 'fr';
    await el.updateComplete;
    expect(statusText(el)).to.equal('Cette graine ne peut pas être affichée : ce n’est pas une graine complète.');

    el.seed = stored;
    await el.updateComplete;
    expect(part(el, 'title').textContent).to.equal('A real seed');
  });

  it('says so when its store gives a seed that is not complete', async () => {
    for (const record of [{ id: 'broken', title: 'No body' }, { title: 'No id either' }]) {
      const broken = registerStandIn(uniqueName('broken'), () => ({ get: async () => record as never }));
      const el = await fixture<OffSeedCard>(html`<off-seed-card store=${broken} seed="broken" lang="en"></off-seed-card>`);
      await waitUntil(() => statusText(el) !== 'Loading the seed…', `the card kept loading ${record.title}`);
      expect(statusText(el)).to.equal('This seed cannot be shown: it is not a complete seed record.');
    }
  });

  it('is accessible in the dark theme', async () => {
    const seed = await memory().put('seed', seedInput());
    const el = await cardFor(seed.id, { theme: 'dark', replantEvent: uniqueName('here') });
    await expect(el).to.be.accessible();
  });

  it('renders markup in the title and body as text', async () => {
    const seed = await memory().put('seed', seedInput({ title: '<img src=x onerror=alert(1)>', body: '<script>alert(1)</script> <b>bold</b>' }));
    const el = await cardFor(seed.id);
    expect(part(el, 'title').textContent).to.equal('<img src=x onerror=alert(1)>');
    expect(part(el, 'body').textContent).to.equal('<script>alert(1)</script> <b>bold</b>');
    expect(el.shadowRoot!.querySelector('script, img, b')).to.equal(null);
  });

  it('links http(s) addresses in the body and nothing else', async () => {
    const body = 'Slides: https://example.org/slides. Not this: javascript:alert(1) nor data:text/html,x';
    const seed = await memory().put('seed', seedInput({ body }));
    const el = await cardFor(seed.id);
    const links = [...part(el, 'body').querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(['https://example.org/slides']);
    expect(links[0]!.rel).to.equal('noopener noreferrer nofollow ugc');
    expect(links[0]!.target).to.equal('_blank');
    expect(part(el, 'body').textContent).to.equal(body);
  });

  it('names each licence and links to it', async () => {
    const expected = {
      'CC0-1.0': ['CC0 1.0 Universal (public domain)', 'https://creativecommons.org/publicdomain/zero/1.0/'],
      'CC-BY-4.0': ['Creative Commons Attribution 4.0', 'https://creativecommons.org/licenses/by/4.0/'],
      'CC-BY-SA-4.0': ['Creative Commons Attribution-ShareAlike 4.0', 'https://creativecommons.org/licenses/by-sa/4.0/'],
    };
    const seeds = await memory().putMany('seed', LICENSES.map((license) => seedInput({ license })));
    for (const seed of seeds) {
      const el = await fixture<OffSeedCard>(html`<off-seed-card store="memory" lang="en" .seed=${seed}></off-seed-card>`);
      const [name, url] = expected[seed.license];
      expect(part(el, 'license').textContent).to.equal(name);
      expect(part(el, 'license').getAttribute('href')).to.equal(url);
    }
  });

  it('shows the title of the seed it was replanted from, linked with seed-href', async () => {
    const parent = await memory().put('seed', seedInput({ title: 'The original idea' }));
    const child = await memory().put('seed', seedInput({ title: 'Its replant', replantedFrom: parent.id }));
    const el = await fixture<OffSeedCard>(html`<off-seed-card store="memory" lang="en" seed=${child.id} seed-href="/seeds/{id}"></off-seed-card>`);
    await waitUntil(() => part(el, 'lineage')?.textContent!.includes('The original idea'), 'the parent’s title never showed');
    expect(part(el, 'lineage').querySelector('a')!.href).to.equal(new URL(`/seeds/${parent.id}`, location.href).href);
    await expect(el).to.be.accessible();
  });

  it('lays out right-to-left titles, body, author and parent title right to left on a left-to-right page', async () => {
    const parent = await memory().put('seed', seedInput({ title: 'الفكرة الأولى!' }));
    const child = await memory().put('seed', seedInput({ title: 'بذرة مشتركة!', body: 'ما تعلمناه معًا.', author: 'سلمى', replantedFrom: parent.id }));
    const el = await cardFor(child.id);
    await waitUntil(() => part(el, 'lineage')?.textContent!.includes(parent.title), 'the parent’s title never showed');
    const rtl = (node: Element) => node.matches(':dir(rtl)');
    expect(rtl(part(el, 'title')), 'title').to.equal(true);
    expect(rtl(part(el, 'body')), 'body').to.equal(true);
    expect(rtl(part(el, 'lineage').querySelector('a')!), 'parent title').to.equal(true);
    expect(rtl(part(el, 'lineage')), 'the sentence around it').to.equal(false);
    const author = [...el.shadowRoot!.querySelectorAll('dd')].find((dd) => dd.textContent === 'سلمى')!;
    expect(rtl(author), 'author').to.equal(true);
  });

  it('shows the parent id when the parent is not in the store', async () => {
    const child = await memory().put('seed', seedInput({ replantedFrom: 'gone-seed' }));
    const el = await cardFor(child.id);
    await waitUntil(() => part(el, 'lineage'), 'no lineage');
    expect(part(el, 'lineage').querySelector('a')!.textContent).to.equal('gone-seed');
    expect(part(el, 'lineage').querySelector('a')!.href).to.equal(`${location.href.replace(/#.*$/, '')}#seed-gone-seed`);
  });

  it('replants into the current event: a new seed that records where it came from', async () => {
    const original = await memory().put('seed', seedInput({ event: uniqueName('before') }));
    const here = uniqueName('here');
    const el = await cardFor(original.id, { replantEvent: here });
    const fired = oneEvent(el, 'off-replanted');
    button(el, `Replant into ${here}`).click();
    const { detail } = await fired;
    expect(detail.from).to.deep.equal(original);
    const created = detail.record as Seed;
    expect(created.id).to.not.equal(original.id);
    expect(created).to.include({ event: here, replantedFrom: original.id, title: original.title, body: original.body, license: original.license });
    expect(await memory().get('seed', created.id)).to.deep.equal(created);
    await el.updateComplete;
    expect(statusText(el)).to.equal(`Replanted into ${here}. Open the replanted seed`);
    await expect(el).to.be.accessible();
  });

  it('keeps its confirmation when a framework sets a fresh copy of the same seed, and drops it for another seed', async () => {
    const [original, other] = await memory().putMany('seed', [seedInput({ title: 'Original' }), seedInput({ title: 'Another' })]);
    const here = uniqueName('here');
    const el = await fixture<OffSeedCard>(html`<off-seed-card store="memory" lang="en" replant-event=${here} .seed=${original}></off-seed-card>`);
    const replanted = oneEvent(el, 'off-replanted');
    button(el, `Replant into ${here}`).click();
    await replanted;
    await el.updateComplete;
    expect(statusText(el)).to.equal(`Replanted into ${here}. Open the replanted seed`);
    el.seed = { ...original! };
    await el.updateComplete;
    expect(statusText(el)).to.equal(`Replanted into ${here}. Open the replanted seed`);
    el.seed = other;
    await el.updateComplete;
    expect(statusText(el)).to.equal('');
    expect(part(el, 'title').textContent).to.equal('Another');
  });

  it('keeps the keyboard focus on the replant button while and after it replants', async () => {
    const { slow, el, here } = await replantableOnSlowStore();
    const focused = () => el.shadowRoot!.activeElement?.textContent?.trim();
    button(el, `Replant into ${here}`).focus();
    slow.hold();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(statusText(el)).to.equal('Replanting…');
    expect(focused(), 'focus while replanting').to.equal(`Replant into ${here}`);
    slow.release();
    await waitUntil(() => statusText(el).startsWith('Replanted into'), 'never replanted');
    expect(focused(), 'focus once replanted').to.equal(`Replant into ${here}`);
  });

  it('ignores a second press on replant while the first is being planted', async () => {
    const { slow, el, here } = await replantableOnSlowStore();
    let planted = 0;
    el.addEventListener('off-replanted', () => (planted += 1));
    slow.hold();
    button(el, `Replant into ${here}`).click();
    await el.updateComplete;
    expect(button(el, `Replant into ${here}`).getAttribute('aria-disabled')).to.equal('true');
    button(el, `Replant into ${here}`).click();
    slow.release();
    await waitUntil(() => statusText(el).startsWith('Replanted into'), 'never replanted');
    await aMoment();
    expect(planted).to.equal(1);
    expect(await slow.store.list('seed', { event: here })).to.have.length(1);
    expect(button(el, `Replant into ${here}`).getAttribute('aria-disabled')).to.equal('false');
  });

  it('wraps long words on a 375 px phone screen', async () => {
    const unbroken = 'https://example.org/SommetInternationalDesCommunsNumeriques/savoirs_partages_2026';
    const parent = await memory().put('seed', seedInput({ title: unbroken }));
    const seed = await memory().put('seed', seedInput({ title: unbroken, replantedFrom: parent.id }));
    const replantEvent = 'sommet_international_des_communs_numeriques_2027';
    const phone = await fixture<HTMLElement>(html`<div style="width: 375px">
      <off-seed-card store="memory" lang="fr" seed=${seed.id} replant-event=${replantEvent}></off-seed-card>
    </div>`);
    const el = phone.querySelector('off-seed-card')!;
    await waitUntil(() => part(el, 'lineage')?.textContent!.includes('Sommet'), 'the parent’s title never showed');
    await el.replant();
    await el.updateComplete;
    const right = phone.getBoundingClientRect().right;
    const overflowing = [...el.shadowRoot!.querySelectorAll('*')].filter((node) => node.getBoundingClientRect().right > right + 0.5);
    expect(overflowing.map((node) => `${node.tagName} ${node.className}`)).to.deep.equal([]);
  });

  it('drops the replant button and keeps its links when a framework removes replant-event and seed-href', async () => {
    const seed = await memory().put('seed', seedInput({ replantedFrom: 'parent-seed' }));
    const here = uniqueName('here');
    const el = await fixture<OffSeedCard>(html`<off-seed-card store="memory" lang="en" seed=${seed.id} replant-event=${here} seed-href="/seeds/{id}"></off-seed-card>`);
    await waitUntil(() => part(el, 'title'), 'the seed never showed');
    button(el, `Replant into ${here}`);
    // What Vue does for `:replant-event="undefined"`, and React 19 for a prop that becomes undefined.
    el.removeAttribute('replant-event');
    el.removeAttribute('seed-href');
    await el.updateComplete;
    const labels = [...el.shadowRoot!.querySelectorAll('button')].map((candidate) => candidate.textContent!.trim());
    expect(labels).to.have.length(2);
    expect(labels.join(' | ')).to.not.include('Replant');
    expect(part(el, 'lineage').querySelector('a')!.href).to.equal(`${location.href.replace(/#.*$/, '')}#seed-parent-seed`);
  });

  it('exports the seed as JSON equal to the record', async () => {
    const seed = await memory().put('seed', seedInput());
    const el = await cardFor(seed.id);
    const file = await captureDownload(() => button(el, 'Export as JSON').click());
    expect(file.name).to.equal(`seed-${seed.id}.json`);
    expect(JSON.parse(file.text)).to.deep.equal(seed);
  });

  it('copies the link to the clipboard where the Web Share API is missing', async () => {
    const seed = await memory().put('seed', seedInput());
    const restoreShare = stubProperty(navigator, 'share', undefined);
    const copied: string[] = [];
    const restoreClipboard = stubProperty(navigator.clipboard, 'writeText', async (text: string) => {
      copied.push(text);
    });
    try {
      const el = await cardFor(seed.id);
      button(el, 'Copy the link').click();
      await waitUntil(() => statusText(el) === 'Link copied.', 'no confirmation');
      expect(copied).to.deep.equal([`${location.href.replace(/#.*$/, '')}#seed-${seed.id}`]);
    } finally {
      restoreClipboard();
      restoreShare();
    }
  });

  it('shows the link to copy by hand when the clipboard refuses', async () => {
    const seed = await memory().put('seed', seedInput());
    const restoreShare = stubProperty(navigator, 'share', undefined);
    const restoreClipboard = stubProperty(navigator.clipboard, 'writeText', () => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    try {
      const el = await cardFor(seed.id);
      button(el, 'Copy the link').click();
      await waitUntil(() => el.shadowRoot!.querySelector('.copy-by-hand input'), 'no link to copy');
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('.copy-by-hand input')!;
      expect(input.value).to.match(new RegExp(`#seed-${seed.id}$`));
      expect(input.readOnly).to.equal(true);
      await expect(el).to.be.accessible();
    } finally {
      restoreClipboard();
      restoreShare();
    }
  });

  it('uses the Web Share API when the browser has it', async () => {
    const seed = await memory().put('seed', seedInput());
    const shared: ShareData[] = [];
    const restoreShare = stubProperty(navigator, 'share', async (data: ShareData) => {
      shared.push(data);
    });
    try {
      const el = await cardFor(seed.id);
      button(el, 'Share the link').click();
      await waitUntil(() => statusText(el) === 'Link shared.', 'no confirmation');
      expect(shared).to.deep.equal([{ title: seed.title, url: `${location.href.replace(/#.*$/, '')}#seed-${seed.id}` }]);
    } finally {
      restoreShare();
    }
  });

  it('speaks French', async () => {
    const seed = await memory().put('seed', seedInput({ license: 'CC-BY-SA-4.0' }));
    const here = uniqueName('ici');
    const el = await cardFor(seed.id, { lang: 'fr', replantEvent: here });
    expect(part(el, 'license').textContent).to.equal('Creative Commons Attribution - Partage dans les mêmes conditions 4.0');
    expect(part(el, 'meta').textContent).to.include('Semée à').and.include('Licence');
    expect(part(el, 'actions').getAttribute('aria-label')).to.equal('Actions sur la graine');
    button(el, `Replanter dans ${here}`);
    button(el, 'Exporter en JSON');
    expect(part(el, 'meta').querySelector('time')!.textContent).to.equal(
      new Intl.DateTimeFormat('fr', { dateStyle: 'long' }).format(new Date(seed.createdAt)),
    );
    await expect(el).to.be.accessible();
  });
});
