import { createServer } from 'node:net';

/** A TCP port free on this machine now, picked by the system: two test runs at once do not race for the same one. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
