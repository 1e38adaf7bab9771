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

  /** Counts one hit; returns the seconds to wait when the key is over its limit, else 0. */
  hit(key: string): number {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      if (this.windows.size > 10_000) this.forgetExpired(now);
      window = { count: 0, endsAt: now + WINDOW_MS };
      this.windows.set(key, window);
    }
    window.count += 1;
    return window.count > this.perMinute ? Math.ceil((window.endsAt - now) / 1000) : 0;
  }

  private forgetExpired(now: number): void {
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}
