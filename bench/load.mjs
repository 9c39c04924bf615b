// Runs autocannon in its own process (so the load generator does not share the server's event loop)
// and prints its result as JSON. Usage: node bench/load.mjs '<autocannon options as JSON>'
import autocannon from 'autocannon';

const opts = JSON.parse(process.argv[2] ?? '{}');
const result = await autocannon(opts);
process.stdout.write(
  JSON.stringify({
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  }),
);
