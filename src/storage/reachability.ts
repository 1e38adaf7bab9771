import { UnavailableError } from './errors.js';

/** Whether a backend answers: any answer, even a refusal, shows it does; only `UnavailableError` shows it does not. */
export class Reachability {
  reachable = true;

  constructor(private readonly changed: () => void) {}

  async of<T>(request: Promise<T>): Promise<T> {
    try {
      const result = await request;
      this.set(true);
      return result;
    } catch (error) {
      this.set(!(error instanceof UnavailableError));
      throw error;
    }
  }

  set(reachable: boolean): void {
    if (reachable === this.reachable) return;
    this.reachable = reachable;
    this.changed();
  }
}
