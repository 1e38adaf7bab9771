import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html, LitElement } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { RovingFocusController } from '../../../src/elements/shared/roving-focus-controller.js';

/** A list of `items` rendered three at a time from `start`, with a search field and a heading to fall back on. */
class ListHost extends LitElement {
  items = ['a', 'b', 'c', 'd', 'e'];
  start = 0;
  searchHidden = false;
  readonly revealed: number[] = [];
  readonly itemFocus = new RovingFocusController(this, {
    count: () => this.items.length,
    reveal: (index) => {
      this.revealed.push(index);
      this.start = Math.min(index, this.items.length - 3);
    },
    fallbacks: () => [this.renderRoot.querySelector('input'), this.renderRoot.querySelector('h2')],
  });

  override render() {
    const shown = this.items.slice(this.start, this.start + 3);
    return html`
      <h2 tabindex="-1">List</h2>
      <input aria-label="Search" ?hidden=${this.searchHidden} />
      <ul>
        ${repeat(
          shown,
          (item) => item,
          (item, offset) => html`<li data-index=${this.start + offset}><span part="item-title" tabindex="-1">${item}</span> <button>Add ${item}</button></li>`,
        )}
      </ul>
    `;
  }
}
customElements.define('roving-focus-host', ListHost);

const focused = (el: ListHost) => el.shadowRoot!.activeElement?.textContent ?? null;
const titleOf = (el: ListHost, item: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="item-title"]')].find((title) => title.textContent === item)!;

async function press(el: ListHost, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

async function change(el: ListHost, apply: (el: ListHost) => void): Promise<void> {
  apply(el);
  el.requestUpdate();
  await el.updateComplete;
}

describe('RovingFocusController', () => {
  it('moves focus with the arrows, Home and End, asking the host to show items not rendered', async () => {
    const el = await fixture<ListHost>(fixtureHtml`<roving-focus-host></roving-focus-host>`);
    el.shadowRoot!.querySelector('button')!.focus();
    await press(el, 'ArrowDown');
    expect(focused(el)).to.equal('b');
    await press(el, 'End');
    expect(focused(el)).to.equal('e');
    await press(el, 'ArrowUp');
    await press(el, 'Home');
    expect(focused(el)).to.equal('a');
    expect(el.revealed).to.deep.equal([1, 4, 3, 0]);
  });

  it('leaves the key to the page past either end and when a modifier is held', async () => {
    const el = await fixture<ListHost>(fixtureHtml`<roving-focus-host></roving-focus-host>`);
    titleOf(el, 'a').focus();
    await press(el, 'ArrowUp');
    await sendKeys({ down: 'Shift' });
    try {
      await press(el, 'ArrowDown');
    } finally {
      await sendKeys({ up: 'Shift' });
    }
    expect(focused(el)).to.equal('a');
    expect(el.revealed).to.deep.equal([]);
  });

  it('focuses the item a pager asked for once it is rendered', async () => {
    const el = await fixture<ListHost>(fixtureHtml`<roving-focus-host></roving-focus-host>`);
    el.itemFocus.focusAfterUpdate(3);
    await change(el, (host) => (host.start = 2));
    expect(focused(el)).to.equal('d');
  });

  it('puts focus taken away by a render on the item now in its place, the last one past the end, else on a fallback', async () => {
    const el = await fixture<ListHost>(fixtureHtml`<roving-focus-host></roving-focus-host>`);
    el.shadowRoot!.querySelectorAll('button')[1]!.focus();
    await change(el, (host) => (host.items = ['a', 'c', 'd', 'e']));
    expect(focused(el)).to.equal('c');
    await change(el, (host) => (host.items = ['a', 'd', 'e']));
    expect(focused(el)).to.equal('d');
    titleOf(el, 'e').focus();
    await change(el, (host) => (host.items = ['a', 'd']));
    expect(focused(el)).to.equal('d');
    await change(el, (host) => {
      host.items = [];
      host.searchHidden = true;
    });
    // The hidden search cannot take focus: the next fallback does.
    expect(focused(el)).to.equal('List');
  });

  it('leaves focus alone when the render keeps the focused element', async () => {
    const el = await fixture<ListHost>(fixtureHtml`<roving-focus-host></roving-focus-host>`);
    const input = el.shadowRoot!.querySelector('input')!;
    input.focus();
    await change(el, (host) => (host.items = ['b', 'c']));
    expect(el.shadowRoot!.activeElement).to.equal(input);
  });
});
