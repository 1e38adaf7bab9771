import type { ReactiveControllerHost } from 'lit';

/**
 * Code only a button needs (the writer of a file to download), loaded with the first press: most visits never press it.
 * When it cannot come (offline, and not cached yet), `failedFor` names the button pressed, for the element to say so
 * beside it, until the next press tries again.
 */
export class LoadedOnPress<M> {
  /** The button pressed last, when the code could not load; undefined once it did. */
  failedFor?: string;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: () => Promise<M>,
  ) {}

  async run(use: (module: M) => void, pressed = ''): Promise<void> {
    let module: M;
    try {
      module = await this.load();
    } catch {
      this.failedFor = pressed;
      return this.host.requestUpdate();
    }
    this.failedFor = undefined;
    this.host.requestUpdate();
    use(module);
  }
}
