import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OffStore, StoreChange, StoreStatus } from '../../storage/store.js';
import { viewFor } from './store-registry.js';

export interface StoreHost extends ReactiveControllerHost, HTMLElement {
  /** The `store` attribute: `idb`, `memory` or a server URL. */
  store: string;
  /** The `sources` attribute of the elements that read other servers too: their addresses, space-separated. */
  sources?: string;
}

/** What names the store an element reads: its `store` and its `sources`. */
export const storeKey = (host: StoreHost) => `${host.store}\n${host.sources ?? ''}`;

/**
 * Gives an element the page's shared adapter for its `store` attribute (read with its `sources`, if any) and
 * forwards that store's changes while the element is connected.
 */
export class StoreController implements ReactiveController {
  private spec?: string;
  private current?: OffStore;
  private unsubscribe?: () => void;

  constructor(
    private readonly host: StoreHost,
    private readonly onChange: (change: StoreChange) => void = () => {},
  ) {
    host.addController(this);
  }

  get store(): OffStore {
    this.sync();
    return this.current!;
  }

  get status(): StoreStatus {
    return this.store.status;
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private sync(): void {
    // Subscribed, or detached: nothing to do. A host updated while detached (a framework moving it) subscribes on its return.
    const spec = storeKey(this.host);
    if (this.current && this.spec === spec && (this.unsubscribe || !this.host.isConnected)) return;
    this.unsubscribe?.();
    this.spec = spec;
    this.current = viewFor(this.host.store, this.host.sources);
    if (!this.host.isConnected) return;
    this.unsubscribe = this.current.subscribe((change) => {
      this.onChange(change);
      if (change.type === 'status') this.host.requestUpdate();
    });
    // Status may change while opening (IndexedDB falls back to memory): render again once it is known.
    void this.current.ready().then(() => this.host.requestUpdate());
  }
}
