import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { catalogue } from '../../../src/elements/shared/i18n.js';
import { OffElement } from '../../../src/elements/shared/off-element.js';

interface Greeting {
  hello: string;
}

/** A French module that arrives when told to, or fails to (offline). */
function frenchOnCue() {
  const loads: { resolve: (strings: Greeting) => void; reject: (error: Error) => void }[] = [];
  const strings = catalogue<Greeting>({ hello: 'Hello' }, () => new Promise((resolve, reject) => loads.push({ resolve, reject })));
  return { strings, loads };
}

let defined = 0;
function greeter(strings: ReturnType<typeof frenchOnCue>['strings']): string {
  const tag = `test-greeter-${(defined += 1)}`;
  customElements.define(
    tag,
    class extends OffElement {
      static override strings = strings;

      protected override render() {
        return litHtml`<p>${strings[this.language].hello}</p>`;
      }
    },
  );
  return tag;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** A `tag` element added to a French part of the page, given the time to render if it could. */
async function onFrenchPage(tag: string): Promise<OffElement> {
  const page = await fixture<HTMLElement>(html`<div lang="fr"></div>`);
  const el = document.createElement(tag) as OffElement;
  page.append(el);
  await settle();
  return el;
}

describe('strings in the second language, loaded on first use', () => {
  it('English is there at once; French is read as English until it has loaded, and loaded once', async () => {
    const { strings, loads } = frenchOnCue();
    expect(strings.loading('en')).to.equal(undefined);
    expect(strings.fr.hello).to.equal('Hello');
    const first = strings.loading('fr');
    expect(strings.loading('fr')).to.equal(first);
    expect(loads).to.have.length(1);
    loads[0]!.resolve({ hello: 'Bonjour' });
    await first;
    expect(strings.fr.hello).to.equal('Bonjour');
    expect(strings.loading('fr')).to.equal(undefined);
  });

  it('a French element renders nothing until its strings are there, then French: never English first', async () => {
    const { strings, loads } = frenchOnCue();
    const el = await onFrenchPage(greeter(strings));
    expect(el.shadowRoot?.childElementCount ?? 0).to.equal(0);
    loads[0]!.resolve({ hello: 'Bonjour' });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('Bonjour');
  });

  it('French that cannot be loaded (offline) shows English, and the next update tries again', async () => {
    const { strings, loads } = frenchOnCue();
    const el = await onFrenchPage(greeter(strings));
    loads[0]!.reject(new Error('offline'));
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('Hello');
    el.requestUpdate();
    await settle();
    expect(loads).to.have.length(2);
    loads[1]!.resolve({ hello: 'Bonjour' });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('Bonjour');
  });
});
