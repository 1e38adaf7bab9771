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
