// The servers a bench loads, each in its own process: started from the sources with tsx, stopped with SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Child {
  origin: string;
  process: ChildProcess;
}

/** Runs `node --import tsx <args>` with rate limits out of the way; resolves once it prints where it listens. */
export function launch(args: string[], env: Record<string, string> = {}): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { ...process.env, OFF_WRITES_PER_CLIENT: '1000000000', OFF_WRITES_PER_EVENT: '1000000000', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const origin = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (!origin) return;
      child.removeAllListeners('exit');
      child.stdout!.removeAllListeners('data').resume();
      resolve({ origin, process: child });
    });
  });
}

export function stop({ process: child }: Child): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** The side event the benches create, numbered `index` minutes apart from one morning of 2030. */
export function benchSideEvent(event: string, index: number, tag: string) {
  return {
    event,
    title: `Side event ${index} — « communs » 🌱`,
    description: 'Coffee and the manifesto, read aloud; everyone speaks once before anyone speaks twice.',
    start: new Date(Date.UTC(2030, 5, 12, 6) + index * 60_000).toISOString(),
    place: 'Café du Port, Marseille',
    url: 'https://example.org/breakfast',
    organizer: 'Les Communs',
    tags: [`t${index % 10}`, tag],
  };
}
