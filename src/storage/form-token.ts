import { UnavailableError } from './errors.js';

/** What the server's `/form-token` gives: a token, or a proof-of-work challenge to solve for one. */
interface TokenAnswer {
  token?: string;
  waitMs?: number;
  validMs?: number;
  challenge?: unknown;
}

interface HeldToken {
  /** Undefined for a server that asks for none (an older one). */
  token?: string;
  /** Local times (Date.now()) from which the server takes it, and until which we still send it. */
  usableAt: number;
  expiresAt: number;
}

/** A token is sent only with this much of its life left, so that it does not expire on the way. */
const SAFETY_MARGIN_MS = 60_000;
const TOKEN_TIMEOUT_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The ALTCHA solver, downloaded only when a server asks for proof of work. */
const proofOfWork = () => import('./proof-of-work.js');

/**
 * The form token that creates present to a reference server: fetched when a form appears
 * (`prefetch`) or by the first create, not by every page that only reads, fetched again once
 * expired, and held back until it is as old as the server asks (3 s), so that a person is never
 * refused for being quick, only kept waiting.
 */
export class FormToken {
  private held?: Promise<HeldToken>;

  constructor(private readonly base: string) {}

  /** Fetches the token ahead of the first create, so that its 3 s have passed by the time a person sends. */
  prefetch(): void {
    // Offline now: the first create fetches it.
    this.fetchSoon().catch(() => {});
  }

  /** A token the server takes now (waiting if it is too recent); undefined when the server asks for none. */
  async ready(): Promise<string | undefined> {
    let held = await this.fetchSoon();
    if (Date.now() >= held.expiresAt) held = await this.refetch();
    const wait = held.usableAt - Date.now();
    if (wait > 0) await sleep(wait);
    return held.token;
  }

  /** Forgets a token the server refused (its secret changed, or its clock runs ahead of ours): `ready()` fetches another. */
  refused(): void {
    this.held = undefined;
  }

  private fetchSoon(): Promise<HeldToken> {
    return (this.held ??= this.fetch().catch((error: unknown) => {
      this.held = undefined;
      throw error;
    }));
  }

  private refetch(): Promise<HeldToken> {
    this.held = undefined;
    return this.fetchSoon();
  }

  private async fetch(): Promise<HeldToken> {
    let answer = await this.request();
    if (answer === undefined) return { usableAt: 0, expiresAt: Infinity };
    if (answer.challenge !== undefined) answer = await this.request(await (await proofOfWork()).solve(answer.challenge));
    const receivedAt = Date.now();
    if (typeof answer?.token !== 'string') throw new UnavailableError(new Error('The server gave no form token'));
    return {
      token: answer.token,
      usableAt: receivedAt + (answer.waitMs ?? 0),
      expiresAt: receivedAt + Math.max(0, (answer.validMs ?? Infinity) - SAFETY_MARGIN_MS),
    };
  }

  /** GET a token (or a challenge), or POST a solved challenge for one; undefined when the server has no such endpoint. */
  private async request(proofOfWork?: unknown): Promise<TokenAnswer | undefined> {
    const post = proofOfWork !== undefined;
    let response: Response;
    try {
      response = await fetch(`${this.base}/form-token`, {
        method: post ? 'POST' : 'GET',
        headers: post ? { Accept: 'application/json', 'Content-Type': 'application/json' } : { Accept: 'application/json' },
        body: post ? JSON.stringify({ proofOfWork }) : undefined,
        cache: 'no-store',
        signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
      });
    } catch (error) {
      throw new UnavailableError(error);
    }
    if (response.status === 404 && !post) return undefined;
    if (!response.ok) throw new UnavailableError(new Error(`HTTP ${response.status} for a form token`));
    try {
      return (await response.json()) as TokenAnswer;
    } catch (error) {
      throw new UnavailableError(error);
    }
  }
}
