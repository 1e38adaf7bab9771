import { parseArgs } from 'node:util';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  adminToken?: string;
  /** Keys edit tokens and form tokens; without it, one is generated and kept in the database. */
  secret?: string;
  proofOfWork: boolean;
  allowedOrigins: string[];
  staticDir?: string;
  writesPerMinutePerClient: number;
  writesPerMinutePerEvent: number;
  trustProxy: boolean;
  /** How long the change log keeps entries: clients away longer fetch whole lists again. */
  changesKeptDays: number;
  /** The server's address as the public sees it (behind a proxy): the base of records' canonical URLs. */
  publicUrl?: string;
  /** Months of occurrences of repeating events a subscription reads ahead. */
  feedMonths: number;
  /** The shortest interval between two syncs of a subscription. */
  feedMinIntervalSeconds: number;
}

export const USAGE = `Usage: off-layer-server [options]

  --port <n>            PORT             port to listen on (default 8787; 0 picks a free one)
  --host <address>      HOST             address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --data <dir>          OFF_DATA_DIR     SQLite data folder (default ./.off-data)
                        DATABASE_URL     postgres://… : use PostgreSQL instead of SQLite
                        OFF_ADMIN_TOKEN  bearer token of the moderators, 16 characters or more (moderation is off without one)
                        OFF_SECRET       secret of edit tokens and form tokens, 32 characters or more (default: one generated
                                         once and kept in the database, shared by every process on it)
  --proof-of-work       OFF_PROOF_OF_WORK=1  browsers solve a small ALTCHA proof of work before they get a form token
  --allowed-origins <list>  OFF_ALLOWED_ORIGINS  comma-separated origins allowed to call the API from a browser, or *
  --static <dir>        OFF_STATIC_DIR   also serve this folder at /
  --writes-per-client <n>  OFF_WRITES_PER_CLIENT  writes per minute per client address (default 30)
  --writes-per-event <n>   OFF_WRITES_PER_EVENT   writes per minute per host event (default 300)
  --trust-proxy         OFF_TRUST_PROXY=1  count writes by the last X-Forwarded-For address, the one your reverse proxy adds
  --changes-kept-days <n>  OFF_CHANGES_KEPT_DAYS  days the change log is kept for returning visitors (default 7); a visitor
                                         away longer downloads the whole list again
  --public-url <url>    OFF_PUBLIC_URL   the server's address as the public reaches it, e.g. https://example.org (behind a
                                         reverse proxy); records' canonical URLs start with it (default: each request's origin)
  --feed-months <n>     OFF_FEED_MONTHS  months of a repeating event's occurrences a subscription reads ahead (default 6)
  --feed-min-interval <s>  OFF_FEED_MIN_INTERVAL  shortest interval, in seconds, between two syncs of a subscription (default 300)

Subscriptions (the server must be running; OFF_ADMIN_TOKEN as the server's, --server its address, default http://127.0.0.1:8787):
  off-layer-server subscribe --event <id> --url <feed> [--interval <s>] [--kind ics|off-layer] [--time-zone Europe/Paris]
  off-layer-server subscriptions
  off-layer-server unsubscribe <id>
  --help`;

export class ConfigError extends Error {}

function count(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 0) throw new ConfigError(`${name} must be a whole number, not "${value}"`);
  return number;
}

/** A limit of 0 would refuse every write, not lift the limit as one might expect. */
function writesPerMinute(name: string, value: string | undefined, fallback: number): number {
  const limit = count(name, value, fallback);
  if (limit === 0) throw new ConfigError(`${name} must be at least 1: 0 would refuse every write`);
  return limit;
}

function atLeastOne(name: string, value: string | undefined, fallback: number): number {
  const number = count(name, value, fallback);
  if (number === 0) throw new ConfigError(`${name} must be at least 1`);
  return number;
}

/** A base URL without a trailing slash: `https://example.org/off/` is `https://example.org/off`. */
function publicUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = URL.parse(value);
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash) throw new ConfigError(`--public-url takes an address like https://example.org, not "${value}"`);
  return url.href.replace(/\/+$/, '');
}

/** What an operator may write in an environment variable for yes or no. */
function yesOrNo(name: string, value: string | undefined): boolean {
  if (value === undefined || /^(?:|0|false|no|off)$/i.test(value)) return false;
  if (/^(?:1|true|yes|on)$/i.test(value)) return true;
  throw new ConfigError(`${name} must be 1 or 0, not "${value}"`);
}

/** An origin as browsers send it (scheme, host, port): `https://example.org/` is `https://example.org`. */
function origin(value: string): string {
  if (value === '*') return value;
  const url = URL.parse(value);
  if (!url || !/^https?:$/.test(url.protocol)) throw new ConfigError(`--allowed-origins takes origins like https://example.org, not "${value}"`);
  return url.origin;
}

/** GET /api/hidden answers a wrong token at once and is not rate limited: a short token could be guessed. */
const MIN_ADMIN_TOKEN_LENGTH = 16;

function adminToken(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (value.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new ConfigError(`OFF_ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters, hard to guess: openssl rand -hex 32 makes one`);
  }
  return value;
}

const MIN_SECRET_LENGTH = 32;

function secret(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (value.length < MIN_SECRET_LENGTH) throw new ConfigError(`OFF_SECRET must be at least ${MIN_SECRET_LENGTH} characters: openssl rand -hex 32 makes one`);
  return value;
}

function databaseUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^postgres(?:ql)?:\/\//.test(value)) throw new ConfigError('DATABASE_URL must be a PostgreSQL URL: postgres://user:password@host:5432/database');
  return value;
}

/** Flags win over environment variables, which win over defaults. Returns undefined for --help. */
export function readConfig(argv: string[], env: NodeJS.ProcessEnv): ServerConfig | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        'allowed-origins': { type: 'string' },
        static: { type: 'string' },
        'writes-per-client': { type: 'string' },
        'writes-per-event': { type: 'string' },
        'trust-proxy': { type: 'boolean' },
        'changes-kept-days': { type: 'string' },
        'public-url': { type: 'string' },
        'feed-months': { type: 'string' },
        'feed-min-interval': { type: 'string' },
        'proof-of-work': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  if (values.help) return undefined;
  const port = count('--port', values.port ?? env.PORT, 8787);
  if (port > 65535) throw new ConfigError(`--port must be at most 65535, not ${port}`);
  return {
    port,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    dataDir: values.data ?? env.OFF_DATA_DIR ?? './.off-data',
    databaseUrl: databaseUrl(env.DATABASE_URL),
    adminToken: adminToken(env.OFF_ADMIN_TOKEN),
    secret: secret(env.OFF_SECRET),
    proofOfWork: values['proof-of-work'] ?? yesOrNo('OFF_PROOF_OF_WORK', env.OFF_PROOF_OF_WORK),
    allowedOrigins: (values['allowed-origins'] ?? env.OFF_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((each) => each.trim())
      .filter(Boolean)
      .map(origin),
    staticDir: values.static ?? (env.OFF_STATIC_DIR || undefined),
    writesPerMinutePerClient: writesPerMinute('--writes-per-client', values['writes-per-client'] ?? env.OFF_WRITES_PER_CLIENT, 30),
    writesPerMinutePerEvent: writesPerMinute('--writes-per-event', values['writes-per-event'] ?? env.OFF_WRITES_PER_EVENT, 300),
    trustProxy: values['trust-proxy'] ?? yesOrNo('OFF_TRUST_PROXY', env.OFF_TRUST_PROXY),
    changesKeptDays: count('--changes-kept-days', values['changes-kept-days'] ?? env.OFF_CHANGES_KEPT_DAYS, 7),
    publicUrl: publicUrl(values['public-url'] ?? env.OFF_PUBLIC_URL),
    feedMonths: atLeastOne('--feed-months', values['feed-months'] ?? env.OFF_FEED_MONTHS, 6),
    feedMinIntervalSeconds: atLeastOne('--feed-min-interval', values['feed-min-interval'] ?? env.OFF_FEED_MIN_INTERVAL, 300),
  };
}
