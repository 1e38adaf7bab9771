import { expect, waitUntil } from '@open-wc/testing';
import { createApp, type App } from 'vue';
import type { OffSideEventBoard } from '../../src/elements/off-side-event-board/off-side-event-board.js';
import type { OffFilterChangeEvent } from '../../src/elements/shared/events.js';
import { loaded, seed } from '../elements/off-side-event-board/helpers.js';
import VueBoard from './vue-board.vue';

type FilterChange = OffFilterChangeEvent['detail'];

function typeInSearch(board: OffSideEventBoard, text: string): void {
  const search = board.shadowRoot!.querySelector<HTMLInputElement>('[part~="filter-input"]')!;
  search.value = text;
  search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('Vue 3 (README snippet)', () => {
  let container: HTMLElement;
  let app: App;
  const warnings: string[] = [];
  const changes: FilterChange[] = [];

  beforeEach(() => {
    container = document.body.appendChild(document.createElement('div'));
    app = createApp(VueBoard, { record: (detail: FilterChange) => changes.push(detail) });
    // Vue warns "Failed to resolve component" when isCustomElement does not cover a tag.
    app.config.warnHandler = (message) => warnings.push(message);
  });

  afterEach(() => {
    app.unmount();
    container.remove();
  });

  it('leaves the off-* tags to the browser and hears off-filter-change with its detail', async () => {
    await seed('g21', [{ title: 'Walk to the lighthouse', start: '2037-06-13T10:00:00+02:00' }, { title: 'Breakfast of the commons' }]);
    app.mount(container);
    const board = container.querySelector<OffSideEventBoard>('off-side-event-board')!;
    await loaded(board);
    expect(board.event).to.equal('g21');

    typeInSearch(board, 'lighthouse');
    await waitUntil(() => changes.length > 0, 'the @off-filter-change handler was not called');
    expect(changes).to.deep.equal([{ query: 'lighthouse', day: '', count: 1 }]);
    expect(warnings).to.deep.equal([]);
  });
});
