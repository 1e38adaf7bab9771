// `npm start`: the demo event site served by the reference server on SQLite, its widgets on the HTTP
// store, so two browsers see the same #OFF layer. Plants the demo summit on a first start.
import { buildDemoSite, plantDemo, startDemoServer, type RunningServer } from './demo-site.js';

buildDemoSite();
let server: RunningServer;
try {
  server = await startDemoServer(process.argv.slice(2), process.env, true);
} catch (error) {
  console.error(`\nThe demo event site could not start: ${(error as Error).message}`);
  process.exit(1);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.process.kill(signal));
server.process.on('exit', (code) => process.exit(code ?? 0));
if (await plantDemo(server.url)) console.log('planted the demo summit (first start)');
console.log(`\nThe demo event site: ${server.url}/  (stop with Ctrl+C)`);
