// off-layer-server subscribe | subscriptions | unsubscribe: the admin API of subscriptions, from a shell.
import { parseArgs } from 'node:util';
import { ConfigError } from './config.js';

export const SUBSCRIPTION_COMMANDS = ['subscribe', 'subscriptions', 'unsubscribe'];

interface Call {
  method: string;
  path: string;
  body?: unknown;
}

function parsed(command: string, argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: command === 'unsubscribe',
      options: {
        server: { type: 'string' },
        event: { type: 'string' },
        url: { type: 'string' },
        interval: { type: 'string' },
        kind: { type: 'string' },
        'time-zone': { type: 'string' },
      },
    });
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

function callFor(command: string, argv: string[]): { call: Call; server?: string } {
  const { values, positionals } = parsed(command, argv);
  const { server } = values;
  if (command === 'subscriptions') return { server, call: { method: 'GET', path: '/api/admin/subscriptions' } };
  if (command === 'unsubscribe') {
    if (positionals.length !== 1) throw new ConfigError('unsubscribe takes the id of one subscription (off-layer-server subscriptions lists them)');
    return { server, call: { method: 'DELETE', path: `/api/admin/subscriptions/${encodeURIComponent(positionals[0]!)}` } };
  }
  if (!values.event || !values.url) throw new ConfigError('subscribe needs --event <id> and --url <feed>');
  const intervalSeconds = values.interval === undefined ? undefined : Number(values.interval);
  return { server, call: { method: 'POST', path: '/api/admin/subscriptions', body: { event: values.event, url: values.url, kind: values.kind, intervalSeconds, timeZone: values['time-zone'] } } };
}

/** Runs a subscription command against the running server; prints its answer as JSON. Returns the exit code. */
export async function runSubscriptionCommand(command: string, argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { call, server = env.OFF_SERVER ?? `http://127.0.0.1:${env.PORT || 8787}` } = callFor(command, argv);
  if (!env.OFF_ADMIN_TOKEN) throw new ConfigError(`${command} needs OFF_ADMIN_TOKEN, the admin token of the server`);
  let response: Response;
  try {
    response = await fetch(new URL(call.path, server), {
      method: call.method,
      headers: { Authorization: `Bearer ${env.OFF_ADMIN_TOKEN}`, ...(call.body !== undefined && { 'Content-Type': 'application/json' }) },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
    });
  } catch (error) {
    console.error(`off-layer-server: no server answers at ${server} (${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message}): start it, or give its address with --server`);
    return 1;
  }
  const text = await response.text();
  if (!response.ok) {
    console.error(`off-layer-server: ${command} refused (${response.status}): ${text}`);
    return 1;
  }
  if (text) console.log(JSON.stringify(JSON.parse(text), null, 2));
  else console.log('removed');
  return 0;
}
