/**
 * The load generator for numbers-load.ts, in its own process so that it does not share the server's event loop.
 * Reads {url, paths, cookies, connections, duration} as JSON on stdin; prints {tool, total, bad, p50, p99} as JSON.
 *
 * On a 2-core machine the generator competes with the server and PostgreSQL for CPU, so it should cost as little as
 * possible: wrk (C, Debian package `wrk`) is used when it is installed (BENCH_LOAD_TOOL=autocannon forces the
 * JavaScript generator, which needs several times more CPU per request); each prints which one ran.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

interface Input {
  url: string;
  paths: string[];
  cookies: string[];
  connections: number;
  duration: number;
}
interface Output {
  tool: string;
  total: number;
  bad: number;
  p50: number;
  p99: number;
}

const input = JSON.parse(
  await new Promise<string>((ok) => {
    let s = '';
    process.stdin.on('data', (d) => {
      s += d;
    });
    process.stdin.on('end', () => ok(s));
  }),
) as Input;

function hasWrk(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (err) {
    // wrk prints its usage and exits 1 for --version; only a missing binary is "not installed".
    return (err as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/** Seconds of load before the measured run: JIT warm-up and the pool's connections, not part of the result. */
const WARMUP_S = 3;

/** wrk, one thread, a closed loop of `connections`; the Lua script rotates paths and session cookies. */
function runWrk(): Output {
  const lua = `
local paths = { ${input.paths.map((p) => JSON.stringify(p)).join(', ')} }
local cookies = { ${input.cookies.map((c) => JSON.stringify(c)).join(', ')} }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], { ["Cookie"] = cookies[(i % #cookies) + 1] })
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.stderr:write(string.format('WRK_RESULT {"total":%d,"bad":%d,"p50":%.3f,"p99":%.3f}\\n',
    summary.requests, e.status + e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
`;
  const script = join(mkdtempSync(join(tmpdir(), 'bench-wrk-')), 'load.lua');
  writeFileSync(script, lua);
  const wrk = (seconds: number) =>
    spawnSync('wrk', ['-t1', `-c${input.connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', script, input.url], {
      encoding: 'utf8',
    });
  wrk(WARMUP_S);
  const r = wrk(input.duration);
  const line = /WRK_RESULT (\{.*\})/.exec(r.stderr ?? '');
  if (!line) throw new Error(`wrk gave no result: ${r.stdout}\n${r.stderr}`);
  return { tool: 'wrk', ...(JSON.parse(line[1]!) as Omit<Output, 'tool'>) };
}

async function runAutocannon(): Promise<Output> {
  await autocannonRun(WARMUP_S);
  const result = await autocannonRun(input.duration);
  return {
    tool: 'autocannon',
    total: result.requests.total,
    bad: result.non2xx + result.errors + result.timeouts,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

function autocannonRun(duration: number) {
  let next = 0;
  let clientNo = 0;
  return autocannon({
    url: input.url,
    connections: input.connections,
    duration,
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
}

const useWrk = process.env.BENCH_LOAD_TOOL !== 'autocannon' && hasWrk();
process.stdout.write(JSON.stringify(useWrk ? runWrk() : await runAutocannon()));
