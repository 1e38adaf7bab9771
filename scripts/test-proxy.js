// A forwarding proxy in front of a real test server that can lose an answer for real: the
// chosen request reaches the server, which commits it, then the network is cut before the
// answer gets back to the browser, and stays cut until mended. It can also hold an answer until released,
// or answer a request itself with a refusal the server would give in rarer cases, or pass everything as a plain proxy
// that knows nothing of caching and compression would.
import { createServer, request } from 'node:http';

/**
 * Starts a proxy on a free port that passes every request to `targetPort` on 127.0.0.1.
 * `cutAfter(method, pathEnd)`: the next such request is answered by the server, its answer
 * is dropped and every connection is closed and refused from then on; `mend()` undoes that.
 * `holdAfter(method, pathEnd)`: the next such request is answered by the server, its answer
 * is held back until `release()`; `whenHeld()` settles once it is.
 * `refuseNext(method, pathEnd, status, body)`: the next such request does not reach the server; the proxy answers it.
 * `stripCaching()`: from then on, requests reach the server without Accept-Encoding (its answers are not compressed)
 * nor If-None-Match, and answers reach the browser without ETag and X-Off-Cursor.
 */
export async function startCuttableProxy(targetPort) {
  let losing;
  let holding;
  let refusing;
  let release = () => {};
  let answerHeld;
  let heldNow = () => {};
  let cut = false;
  let stripping = false;
  const without = (headers, names) => Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name)));
  const sockets = new Set();
  const cutNow = () => {
    cut = true;
    for (const socket of sockets) socket.destroy();
  };

  const proxy = createServer((incoming, outgoing) => {
    if (cut) return incoming.socket.destroy();
    const matches = (rule) => rule && incoming.method === rule.method && incoming.url.split('?')[0].endsWith(rule.pathEnd);
    if (matches(refusing)) {
      const { status, body } = refusing;
      refusing = undefined;
      outgoing.writeHead(status, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
      return outgoing.end(JSON.stringify(body));
    }
    const losesAnswer = matches(losing);
    if (losesAnswer) losing = undefined;
    const held = matches(holding) && holding.released;
    if (held) holding = undefined;
    const { method, url: path } = incoming;
    const headers = stripping ? without(incoming.headers, ['accept-encoding', 'if-none-match']) : incoming.headers;
    const upstream = request({ host: '127.0.0.1', port: targetPort, method, path, headers }, (answer) => {
      if (losesAnswer) {
        answer.on('end', cutNow).resume();
        return;
      }
      const pass = () => {
        outgoing.writeHead(answer.statusCode, stripping ? without(answer.headers, ['etag', 'x-off-cursor']) : answer.headers);
        answer.pipe(outgoing);
      };
      if (!held) return pass();
      heldNow();
      held.then(pass);
    });
    // The server is down: to the browser, as if the network were.
    upstream.on('error', () => incoming.socket.destroy());
    incoming.pipe(upstream);
  });
  proxy.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));

  return {
    port: proxy.address().port,
    cutAfter(method, pathEnd) {
      losing = { method, pathEnd };
    },
    mend() {
      cut = false;
    },
    refuseNext(method, pathEnd, status, body) {
      refusing = { method, pathEnd, status, body };
    },
    stripCaching() {
      stripping = true;
    },
    holdAfter(method, pathEnd) {
      holding = { method, pathEnd, released: new Promise((resolve) => (release = resolve)) };
      answerHeld = new Promise((resolve) => (heldNow = resolve));
    },
    whenHeld() {
      return answerHeld;
    },
    release() {
      release();
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => proxy.close(resolve));
    },
  };
}
