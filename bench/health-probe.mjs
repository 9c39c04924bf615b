// Asks GET /api/health one request after another (one keep-alive connection) until stdin closes or
// 180 s pass, then prints the latencies as JSON: a stalled event loop shows as a long request.
// Usage: node bench/health-probe.mjs URL   (its own process, so it never shares the server's loop)
import { Agent, request } from 'node:http';

const url = new URL('/api/health', process.argv[2]);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
let stop = false;
process.stdin.on('end', () => (stop = true)).resume();
const deadline = performance.now() + 180_000;
const samples = [];
const get = () =>
  new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      res
        .resume()
        .on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${res.statusCode}`))));
    });
    req.on('error', reject).end();
  });
let errors = 0;
while (!stop && performance.now() < deadline) {
  const t = performance.now();
  // A reset keep-alive connection (the server closing an idle socket as the request leaves) is asked again.
  for (;;) {
    try {
      await get();
      break;
    } catch {
      if (++errors > 100) throw new Error('health probe: too many errors');
    }
  }
  samples.push(performance.now() - t);
}
agent.destroy();
const sorted = [...samples].sort((a, b) => a - b);
const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
process.stdout.write(
  JSON.stringify({ n: samples.length, errors, p50: q(0.5), p99: q(0.99), max: sorted.at(-1) ?? 0 }),
);
