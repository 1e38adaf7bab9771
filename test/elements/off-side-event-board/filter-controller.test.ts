import { expect, fixture, html as fixtureHtml, oneEvent } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { FilterController } from '../../../src/elements/off-side-event-board/filter-controller.js';
import type { OffFilterChangeEvent } from '../../../src/elements/shared/events.js';
import { pause, record } from './controller-hosts.js';

/** Past the typing pause (150 ms). */
const TYPED = 250;
/** Past the second after which the filters are settled. */
const SETTLED = 1200;

class FilterHost extends LitElement {
  records = [
    record('walk', { title: 'Walk to the lighthouse', start: '2037-06-13T10:00:00+02:00' }),
    record('breakfast', { title: 'Breakfast', tags: ['coffee'] }),
  ];
  /** What the controller told the host, in order: `changed`, `settled`, and the events it dispatched. */
  readonly calls: string[] = [];
  readonly filters = new FilterController(this, {
    records: () => this.records,
    changed: () => this.calls.push('changed'),
    settled: () => this.calls.push('settled'),
  });

  constructor() {
    super();
    this.addEventListener('off-filter-change', ({ detail }: OffFilterChangeEvent) => this.calls.push(JSON.stringify(detail)));
  }

  override render() {
    return html`
      <form @submit=${this.filters.onSubmit}>
        <input id="filter" @input=${this.filters.onInput} />
        <select id="day" @change=${this.filters.onDayChange}>
          <option value="">All days</option>
          ${this.filters.days.map((day) => html`<option value=${day}>${day}</option>`)}
        </select>
      </form>
    `;
  }
}
customElements.define('filter-controller-host', FilterHost);

async function filterHost(): Promise<FilterHost> {
  return fixture<FilterHost>(fixtureHtml`<filter-controller-host></filter-controller-host>`);
}

function type(el: FilterHost, value: string): void {
  const input = el.filters.input!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

const titles = (el: FilterHost) => el.filters.results.map((item) => item.title);

describe('FilterController', () => {
  it('applies the text once typing pauses, tells the page with the count, then settles a second later', async () => {
    const el = await filterHost();
    type(el, 'COFF');
    await pause(50);
    type(el, 'coffee');
    expect(el.calls).to.deep.equal([]);
    await oneEvent(el, 'off-filter-change');
    expect(titles(el)).to.deep.equal(['Breakfast']);
    expect(el.calls).to.deep.equal(['changed', '{"query":"coffee","day":"","count":1}']);
    await pause(SETTLED);
    expect(el.calls.at(-1)).to.equal('settled');
  });

  it('does not settle while the visitor types again, nor for a change that changes nothing', async () => {
    const el = await filterHost();
    type(el, 'walk');
    await pause(TYPED);
    type(el, 'walk ');
    await pause(TYPED);
    type(el, 'walk');
    await pause(SETTLED);
    // Three changes ("walk " is another text, if not other results), each cancelling the previous one's settling.
    expect(el.calls.filter((call) => call !== 'settled')).to.have.length(6);
    expect(el.calls.filter((call) => call === 'settled')).to.have.length(1);
    el.calls.length = 0;
    el.filters.input!.form!.requestSubmit();
    await pause(SETTLED);
    expect(el.calls).to.deep.equal([]);
  });

  it('applies a day at once, keeps it chosen in the select across renders, and clears both filters', async () => {
    const el = await filterHost();
    const select = el.shadowRoot!.querySelector('select')!;
    select.value = '2037-06-13';
    select.dispatchEvent(new Event('change'));
    expect(titles(el)).to.deep.equal(['Walk to the lighthouse']);
    // An earlier day: the options are rendered again in place, the one chosen now holding 2037-06-12.
    el.records = [...el.records, record('dinner', { title: 'Dinner', start: '2037-06-11T19:00:00+02:00' })];
    el.requestUpdate();
    await el.updateComplete;
    expect(select.value).to.equal('2037-06-13');
    type(el, 'walk');
    el.filters.clear();
    expect([el.filters.input!.value, el.filters.query, el.filters.day]).to.deep.equal(['', '', '']);
    expect(titles(el)).to.have.length(3);
    await el.updateComplete;
    expect(select.value).to.equal('');
  });

  it('applies nothing, and tells nothing, once the host has left the page', async () => {
    const el = await filterHost();
    type(el, 'walk');
    el.remove();
    await pause(TYPED + SETTLED);
    expect(el.calls).to.deep.equal([]);
    expect(titles(el)).to.have.length(2);
  });
});
