import type { ChangeListener, StoreChange } from './store.js';

/**
 * Fans changes out to listeners in this page and, when given a channel name,
 * to every other page of the same origin listening on it (other tabs).
 */
export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  private channel?: BroadcastChannel;

  constructor(channelName?: string) {
    if (channelName && typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(channelName);
      this.channel.onmessage = (message: MessageEvent<StoreChange>) => this.deliver(message.data);
    }
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells this page's listeners and, unless `localOnly`, the other tabs. */
  emit(change: StoreChange, { localOnly = false } = {}): void {
    this.deliver(change);
    if (!localOnly) this.channel?.postMessage(change);
  }

  close(): void {
    this.channel?.close();
    this.channel = undefined;
  }

  private deliver(change: StoreChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        // One broken listener must not starve the others, nor the host page.
        console.error(error);
      }
    }
  }
}
