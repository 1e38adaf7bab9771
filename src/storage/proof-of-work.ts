import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';
import { UnavailableError } from './errors.js';

/**
 * Solves an ALTCHA challenge of the reference server (SHA-256): the payload its `POST /form-token` takes.
 * Its own module, imported only when a server asks, so that the solver is a chunk of its own, tree-shaken.
 */
export async function solve(challenge: unknown): Promise<unknown> {
  const solution = await solveChallenge({ challenge: challenge as Challenge, deriveKey });
  if (!solution) throw new UnavailableError(new Error('The proof of work took too long'));
  return { challenge, solution };
}
