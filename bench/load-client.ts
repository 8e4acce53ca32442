/**
 * The load generator for numbers-load.ts, in its own process so that it does not share the server's event loop.
 * Reads {url, paths, cookies, connections, duration} as JSON on stdin; prints autocannon's result as JSON.
 */
import autocannon from 'autocannon';

const input = JSON.parse(
  await new Promise<string>((ok) => {
    let s = '';
    process.stdin.on('data', (d) => {
      s += d;
    });
    process.stdin.on('end', () => ok(s));
  }),
) as { url: string; paths: string[]; cookies: string[]; connections: number; duration: number };

let next = 0;
let clientNo = 0;
const result = await autocannon({
  url: input.url,
  connections: input.connections,
  duration: input.duration,
  requests: [
    {
      setupRequest: (req) => {
        next = (next + 1) % input.paths.length;
        return { ...req, path: input.paths[next] };
      },
    },
  ],
  setupClient: (client) => {
    client.setHeaders({ cookie: input.cookies[clientNo++ % input.cookies.length]! });
  },
});
process.stdout.write(
  JSON.stringify({
    total: result.requests.total,
    bad: result.non2xx + result.errors + result.timeouts,
    p50: result.latency.p50,
    p99: result.latency.p99,
  }),
);
