// autocannon in its own process for bench/supplychain-answers.ts: every connection is one respondent, with
// its own session cookie and its own client address (X-Forwarded-For; the server trusts its proxy, as a
// deployment behind one does), saving one answer over and over. Prints the result as JSON.
// Usage: node bench/load-respond.mjs '<{ url, duration, respondents: [{ cookie, ip, csrf }], path, body }>'
import autocannon from 'autocannon';

const o = JSON.parse(process.argv[2] ?? '{}');
let next = 0;
const result = await autocannon({
  url: o.url,
  connections: o.respondents.length,
  duration: o.duration,
  ...(o.connectionRate ? { connectionRate: o.connectionRate } : {}),
  requests: [
    {
      method: 'PUT',
      path: o.path,
      setupRequest: (req, context) => {
        if (context.who === undefined) context.who = o.respondents[next++ % o.respondents.length];
        return {
          ...req,
          headers: {
            ...req.headers,
            'content-type': 'application/json',
            cookie: context.who.cookie,
            'x-csrf-token': context.who.csrf,
            'x-forwarded-for': context.who.ip,
          },
          body: o.body,
        };
      },
    },
  ],
});
process.stdout.write(
  JSON.stringify({
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    non2xx: result.non2xx,
    statusCodes: result.statusCodeStats,
  }),
);
