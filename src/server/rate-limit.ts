const WINDOW_MS = 60_000;

interface Window {
  count: number;
  endsAt: number;
}

/**
 * Counts hits per key in fixed one-minute windows, in this process's memory.
 * Several processes behind one address each keep their own counts.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts `count` hits when they fit in the key's current window; else counts nothing and returns the seconds to wait. */
  hit(key: string, count = 1): number {
    const wait = this.wait(key, count);
    if (wait === 0) this.window(key).count += count;
    return wait;
  }

  /** The seconds to wait before `count` more hits fit, 0 when they fit now. */
  wait(key: string, count: number): number {
    const window = this.window(key);
    return window.count + count > this.perMinute ? Math.ceil((window.endsAt - this.now()) / 1000) : 0;
  }

  private window(key: string): Window {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      if (this.windows.size > 10_000) this.forgetExpired(now);
      window = { count: 0, endsAt: now + WINDOW_MS };
      this.windows.set(key, window);
    }
    return window;
  }

  private forgetExpired(now: number): void {
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}
