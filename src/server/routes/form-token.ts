import { Hono, type Context } from 'hono';
import type { Deps } from '../deps.js';
import { HttpError } from '../http-error.js';
import { readJson } from '../requests.js';

/**
 * Form tokens, which creates present (see FormTokens). Without proof of work, `GET` gives one;
 * with it, `GET` gives an ALTCHA challenge and `POST { proofOfWork }` its solution gives one.
 */
export function formTokenRoutes(deps: Deps): Hono {
  const { formTokens } = deps;
  const routes = new Hono();
  const answer = (c: Context, body: object) => c.json(body, 200, { 'Cache-Control': 'no-store' });

  routes.get('/form-token', async (c) => answer(c, formTokens.proofOfWork ? { challenge: await formTokens.challenge() } : formTokens.issue()));

  routes.post('/form-token', async (c) => {
    const body = (await readJson(c)) as { proofOfWork?: unknown } | null;
    if (formTokens.proofOfWork && !(await formTokens.solved(body?.proofOfWork))) throw new HttpError('proof-of-work');
    return answer(c, formTokens.issue());
  });

  return routes;
}
