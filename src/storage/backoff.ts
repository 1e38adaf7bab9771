/**
 * Runs `action` later, waiting twice as long after each failure (up to `maxMs`),
 * with jitter so that a venue full of phones does not retry in the same second.
 */
export class Backoff {
  private failures = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private dueAt = 0;

  constructor(
    private readonly action: () => void,
    private readonly baseMs = 1000,
    private readonly maxMs = 60000,
  ) {}

  /** Schedules the next attempt unless one is already scheduled as late as asked; never sooner than `atLeastMs`. */
  schedule(atLeastMs = 0): void {
    if (this.timer !== undefined) {
      if (performance.now() + atLeastMs <= this.dueAt) return;
      clearTimeout(this.timer);
    }
    const exponential = Math.min(this.maxMs, this.baseMs * 2 ** this.failures);
    const delay = Math.max(atLeastMs, exponential * (0.5 + Math.random() / 2));
    this.failures += 1;
    this.dueAt = performance.now() + delay;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.action();
    }, delay);
  }

  /** After a success: the next failure starts again from the shortest delay. */
  reset(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.failures = 0;
  }
}
