import type { Context } from 'hono';
import type { ChangeHub } from './change-hub.js';
import { corsHeaders, type CorsHeaders } from './cors.js';
import { FormTokens } from './form-token.js';
import { HttpError } from './http-error.js';
import { ListCache } from './list-cache.js';
import { RateLimiter } from './rate-limit.js';
import type { Repository } from './repository.js';
import { bearerToken, clientAddress } from './requests.js';
import type { Syncer } from './subscriptions/syncer.js';
import { sha256, tokenMatches } from './tokens.js';

export interface AppOptions {
  repository: Repository;
  hub: ChangeHub;
  /** Bearer token of the host's moderators; moderation is closed without one. */
  adminToken?: string;
  /** Keys edit tokens and form tokens: OFF_SECRET, or the one generated and kept in the database. */
  secret: string;
  /** Form tokens only for a solved ALTCHA challenge. */
  proofOfWork: boolean;
  /** Origins allowed to call the API from a browser; "*" for any. */
  allowedOrigins: string[];
  writesPerMinutePerClient: number;
  writesPerMinutePerEvent: number;
  /** Count writes against X-Forwarded-For (behind a reverse proxy) rather than the peer address. */
  trustProxy: boolean;
  /** Folder served at / besides the API. */
  staticDir?: string;
  heartbeatMs: number;
  /** Aborted on shutdown: live streams end so that the server can close. */
  shutdown: AbortSignal;
  /** Keeps subscriptions to external feeds in sync. */
  syncer: Syncer;
  /** The base of records' canonical URLs (--public-url); the request's origin when absent. */
  publicUrl?: string;
}

/** What the route modules share: options plus the checks that need them. */
export class Deps {
  readonly repository: Repository;
  readonly hub: ChangeHub;
  readonly secret: string;
  readonly formTokens: FormTokens;
  readonly lists: ListCache;
  readonly cors: CorsHeaders;
  readonly syncer: Syncer;
  private readonly perClient: RateLimiter;
  private readonly perEvent: RateLimiter;
  private readonly adminTokenHash?: string;

  constructor(readonly options: AppOptions) {
    this.repository = options.repository;
    this.hub = options.hub;
    this.secret = options.secret;
    this.formTokens = new FormTokens(options.secret, options.proofOfWork);
    this.lists = new ListCache(options.repository, options.hub);
    this.cors = corsHeaders(options.allowedOrigins);
    this.syncer = options.syncer;
    this.perClient = new RateLimiter(options.writesPerMinutePerClient);
    this.perEvent = new RateLimiter(options.writesPerMinutePerEvent);
    this.adminTokenHash = options.adminToken ? sha256(options.adminToken) : undefined;
  }

  limitClient(c: Context, writes = 1): void {
    throttle(this.perClient.hit(clientAddress(c, this.options.trustProxy), writes));
  }

  /** Counts one write per record against each record's event; when any event is over its limit, counts none. */
  limitEvents(events: (string | undefined)[]): void {
    const writes = new Map<string, number>();
    for (const event of events) writes.set(event ?? '', (writes.get(event ?? '') ?? 0) + 1);
    throttle(Math.max(0, ...[...writes].map(([event, count]) => this.perEvent.wait(event, count))));
    for (const [event, count] of writes) this.perEvent.hit(event, count);
  }

  isAdmin(token: string): boolean {
    return this.adminTokenHash !== undefined && tokenMatches(token, this.adminTokenHash);
  }

  requireAdmin(c: Context): void {
    const token = bearerToken(c);
    if (!this.adminTokenHash) throw new HttpError('forbidden', { message: 'Moderation is off: the server has no admin token.' });
    if (!token) throw new HttpError('unauthorized');
    if (!this.isAdmin(token)) throw new HttpError('forbidden');
  }

  /** A form token old enough, for a create; the admin token (imports, subscriptions) needs none. */
  requireFormToken(c: Context): void {
    const token = bearerToken(c);
    if (token && this.isAdmin(token)) return;
    const refusal = this.formTokens.refusal(c.req.header('X-Off-Form-Token'));
    if (refusal) throw new HttpError(refusal);
  }

  /** The holder of the record's edit token, or a moderator. */
  requireOwner(c: Context, tokenHash: string): void {
    const token = bearerToken(c);
    if (!token) throw new HttpError('unauthorized');
    if (!tokenMatches(token, tokenHash) && !this.isAdmin(token)) throw new HttpError('forbidden');
  }
}

function throttle(retryAfterSeconds: number): void {
  if (retryAfterSeconds > 0) throw new HttpError('rate-limited', { retryAfterSeconds });
}
