import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Whether the device is online, as `isOnline` tells, asked again on each `online` and `offline` event. */
export class OnlineController implements ReactiveController {
  online = true;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly isOnline: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.onNetworkChange);
    window.addEventListener('offline', this.onNetworkChange);
    this.online = this.isOnline();
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.onNetworkChange);
    window.removeEventListener('offline', this.onNetworkChange);
  }

  private readonly onNetworkChange = (): void => {
    this.online = this.isOnline();
    this.host.requestUpdate();
  };
}
