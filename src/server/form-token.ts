import { createChallenge, verifySolution, type Challenge, type Payload } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { randomInt } from 'node:crypto';
import { hmac, sameText } from './tokens.js';

/** A person takes longer than this between a form appearing and sending it; autofill and scripts do not. */
export const FORM_TOKEN_WAIT_MS = 3000;
/** Long enough to fill a form on a slow phone; past it the browser fetches another (and waits again). */
export const FORM_TOKEN_VALID_MS = 3600_000;
/** A browser tries 25,000 hashes on average: about a second on a slow phone, while the person types. */
const PROOF_OF_WORK_MAX_COUNTER = 50_000;
const CHALLENGE_VALID_MS = 10 * 60_000;

/** What `GET /api/form-token` answers when no proof of work is asked. */
export interface IssuedFormToken {
  token: string;
  /** How long to wait after receiving it before a create may present it. */
  waitMs: number;
  /** How long after receiving it a create may still present it. */
  validMs: number;
}

/** Why a create's form token is refused: missing, forged or expired (`form-token`), or younger than `waitMs`. */
export type FormTokenRefusal = 'form-token' | 'too-fast';

/**
 * Form tokens: `<issue time, base 36>.<HMAC of it>`, signed with the server's secret, so every
 * process on the same database accepts them and nothing is stored. A create must present one
 * at least `waitMs` old: a script cannot simply leave the time trap out, as it could a header.
 * With proof of work on, a token is given only for a solved ALTCHA challenge.
 */
export class FormTokens {
  private readonly proofOfWorkSecret: string;

  constructor(
    private readonly secret: string,
    readonly proofOfWork: boolean,
    readonly waitMs = FORM_TOKEN_WAIT_MS,
  ) {
    this.proofOfWorkSecret = hmac(secret, 'off-layer proof of work');
  }

  issue(now = Date.now()): IssuedFormToken {
    const issuedAt = now.toString(36);
    return { token: `${issuedAt}.${this.signature(issuedAt)}`, waitMs: this.waitMs, validMs: FORM_TOKEN_VALID_MS };
  }

  /** Undefined when `token` may be used now. */
  refusal(token: string | undefined, now = Date.now()): FormTokenRefusal | undefined {
    const [issuedAt, signature, ...rest] = (token ?? '').split('.');
    if (!issuedAt || signature === undefined || rest.length || !sameText(signature, this.signature(issuedAt))) return 'form-token';
    const age = now - parseInt(issuedAt, 36);
    if (age > FORM_TOKEN_VALID_MS) return 'form-token';
    return age < this.waitMs ? 'too-fast' : undefined;
  }

  challenge(): Promise<Challenge> {
    return createChallenge({
      algorithm: 'SHA-256',
      cost: 1,
      counter: randomInt(PROOF_OF_WORK_MAX_COUNTER),
      deriveKey,
      expiresAt: new Date(Date.now() + CHALLENGE_VALID_MS),
      hmacSignatureSecret: this.proofOfWorkSecret,
    });
  }

  /** True for an ALTCHA payload (`{ challenge, solution }`) that solves a challenge of this server, still valid. */
  async solved(payload: unknown): Promise<boolean> {
    const { challenge, solution } = (payload ?? {}) as Partial<Payload>;
    if (typeof challenge?.parameters !== 'object' || challenge.parameters === null || typeof solution !== 'object') return false;
    const result = await verifySolution({ challenge, solution, deriveKey, hmacSignatureSecret: this.proofOfWorkSecret }).catch(() => undefined);
    return result?.verified === true;
  }

  private signature(issuedAt: string): string {
    return hmac(this.secret, `off-layer form token\0${issuedAt}`);
  }
}
