// Many live visitors at once: shared by the crowd test and `npm run bench:crowd`.
import { request, type ClientRequest } from 'node:http';
import { readFileSync } from 'node:fs';

export interface OpenStreams {
  /** Resolves with the time from `since` until every stream has received `text`. */
  allReceived(text: string, since: number, timeoutMs?: number): Promise<number>;
  close(): void;
}

/** Opens `count` streams at `url`, each on its own connection, and resolves once every one has its first bytes. */
export async function openStreams(url: string, count: number): Promise<OpenStreams> {
  const requests: ClientRequest[] = [];
  const received: string[] = Array.from({ length: count }, () => '');
  let onData = (_index: number) => {};
  await Promise.all(
    Array.from(
      { length: count },
      (_, index) =>
        new Promise<void>((resolve, reject) => {
          const sent = request(url, { agent: false, headers: { Accept: 'text/event-stream' } }, (response) => {
            if (response.statusCode !== 200) reject(new Error(`stream ${index} answered ${response.statusCode}`));
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => {
              received[index] += chunk;
              resolve();
              onData(index);
            });
          });
          sent.on('error', reject).end();
          requests.push(sent);
        }),
    ),
  );
  return {
    allReceived(text, since, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          const missing = received.filter((each) => !each.includes(text)).length;
          reject(new Error(`${missing} of ${count} streams did not receive it within ${timeoutMs} ms`));
        }, timeoutMs);
        const has = received.map((each) => each.includes(text));
        let missing = has.filter((each) => !each).length;
        const done = () => {
          clearTimeout(timer);
          resolve(performance.now() - since);
        };
        onData = (index) => {
          if (has[index] || !received[index].includes(text)) return;
          has[index] = true;
          if (--missing === 0) done();
        };
        if (missing === 0) done();
      });
    },
    close() {
      for (const each of requests) each.destroy();
    },
  };
}

/** Resident memory of a process, in MB (Linux). */
export function residentMegabytes(pid: number): number {
  const kilobytes = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kilobytes) / 1024;
}
