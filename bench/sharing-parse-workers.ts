/**
 * The event loop while the sharing module reads hostile-sized input: a report text of 100,000 Japanese characters
 * (morphological analysis and the sanitizer's proposal), a 9 MB .eml attachment (prescan, MIME
 * parse, recipients removed, attachment hashed), a log excerpt scanned for indicators, and a pulled TAXII page of 50,000 indicators (JSON parse, every
 * object checked). "on the loop" calls the same functions in this thread, as the request and the pull job did
 * before (a mail of 3.3 million short lines is the prescan's worst case); "in a worker" sends them to the parse-worker pool, as they run now. The figure is the longest stall
 * of this thread's event loop (gaps between turns of a 1 ms timer) while one input is read: what any other
 * request would have waited at worst. One warm-up run each, then the median of 5.
 * Run: node --import tsx bench/sharing-parse-workers.ts. Writes docs/benchmarks.md (`sharing-parse-workers`).
 */
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { readStixObjects } from '@shinrai/core/sharing';
import { proposeRedactions } from '@shinrai/core/sharing';
import { WorkerPool, workers } from '@shinrai/server';
import {
  analysePersons,
  readEml,
  readTaxiiObjectsOffThread,
  readTaxiiPageOffThread,
} from '@shinrai/server/modules/sharing';
import { machineLine, writeSection } from './sections.ts';

function mail(): Buffer {
  const attachment = Buffer.alloc(4_500_000);
  for (let i = 0; i < attachment.length; i++) attachment[i] = (i * 7919) % 251;
  const body = Array.from(
    { length: 30_000 },
    (_, i) => `${i + 1}. 請求書をご確認ください https://invoice.example-verify.com/view?id=8841`,
  ).join('\r\n');
  return Buffer.from(
    [
      'From: "経理部" <billing@example-verify.com>',
      'To: t.sato@sample-denki.co.jp',
      'Subject: invoice',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=UTF-8',
      '',
      body,
      '--b1',
      'Content-Type: application/octet-stream; name="invoice.dat"',
      'Content-Transfer-Encoding: base64',
      '',
      attachment.toString('base64').replace(/.{76}/g, '$&\r\n'),
      '--b1--',
      '',
    ].join('\r\n'),
  );
}

function page(n: number): Buffer {
  const at = '2026-11-01T00:00:00.000Z';
  const objects = Array.from({ length: n }, (_, i) => ({
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${randomUUID()}`,
    created: at,
    modified: at,
    pattern: `[ipv4-addr:value = '198.51.${Math.floor(i / 250)}.${i % 250}']`,
    pattern_type: 'stix',
    valid_from: at,
  }));
  return Buffer.from(JSON.stringify({ more: false, objects }));
}

/**
 * The longest gap between two turns of this thread's event loop while `run` goes on: a 1 ms timer notes the
 * time at each turn (another request would have waited as long as the longest gap).
 */
async function measure(run: () => Promise<unknown>): Promise<{ stall: number; wall: number }> {
  let last = performance.now();
  let stall = 0;
  let on = true;
  const tick = () => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
    if (on) setTimeout(tick, 1);
  };
  await new Promise((r) => setTimeout(r, 5));
  tick();
  await new Promise((r) => setTimeout(r, 5));
  stall = 0;
  const t = performance.now();
  await run();
  const wall = performance.now() - t;
  await new Promise((r) => setTimeout(r, 5));
  on = false;
  return { stall, wall };
}

async function median(run: () => Promise<unknown>) {
  await measure(run);
  const runs: { stall: number; wall: number }[] = [];
  for (let i = 0; i < 5; i++) runs.push(await measure(run));
  const mid = (k: 'stall' | 'wall') => runs.map((r) => r[k]).sort((a, b) => a - b)[2] ?? 0;
  return { stall: mid('stall'), wall: mid('wall') };
}

const eml = mail();
const log = Buffer.from(
  Array.from(
    { length: 40_000 },
    (_, i) =>
      `2026-12-01 09:20:${String(i % 60).padStart(2, '0')} CONNECT 198.51.100.${i % 250}:443 from 10.1.2.3 https://c2-${i % 50}.example/x\n`,
  ).join(''),
);
const terms = { names: ['サンプル電機'], domains: ['sample-denki.co.jp'], customers: [] };
const lines = Buffer.from(
  `From: a@example.com\r\nTo: b@example.jp\r\nSubject: x\r\n\r\n${'a\r\n'.repeat(3_300_000)}`,
);
const taxii = page(50_000);
const sentence = '営業部の佐藤太郎さんが取引先を装ったメールを受け取り、198.51.100.7 への接続を確認した。';
const report = sentence.repeat(Math.ceil(100_000 / sentence.length)).slice(0, 100_000);
const cases = [
  {
    name: 'Japanese report text, 100,000 characters (analyser and proposal)',
    loop: async () =>
      proposeRedactions({ text: report, reporter: terms, analysed: await analysePersons(report) }),
    worker: () => workers().run('sharing.sanitize', report, terms),
  },
  {
    name: `.eml attachment, ${(eml.length / 1e6).toFixed(1)} MB`,
    loop: () => readEml(eml),
    worker: () => workers().run('sharing.eml', eml),
  },
  {
    name: `.eml of 3.3 million short lines, ${(lines.length / 1e6).toFixed(1)} MB`,
    loop: () => readEml(lines),
    worker: () => workers().run('sharing.eml', lines),
  },
  {
    name: `log excerpt, ${(log.length / 1e6).toFixed(1)} MB (first 1,000,000 characters scanned)`,
    loop: async () =>
      proposeRedactions({ text: log.toString('utf8').slice(0, 1_000_000), reporter: terms }).indicators,
    worker: () => workers().run('sharing.logIndicators', log, terms),
  },
  {
    name: `TAXII page, 50,000 indicators, ${(taxii.length / 1e6).toFixed(1)} MB`,
    loop: async () => {
      const env = JSON.parse(taxii.toString('utf8')) as { objects: unknown[] };
      return readStixObjects(env.objects);
    },
    worker: async () => {
      await readTaxiiPageOffThread(taxii);
      return readTaxiiObjectsOffThread([taxii]);
    },
  },
];

const rows: string[] = [];
for (const c of cases) {
  const before = await median(c.loop);
  const after = await median(c.worker);
  const line = `| ${c.name} | ${before.stall.toFixed(0)} | ${after.stall.toFixed(0)} | ${(before.stall / after.stall).toFixed(0)}× | ${before.wall.toFixed(0)} | ${after.wall.toFixed(0)} |`;
  console.log(line);
  rows.push(line);
}
await workers().close();

// What one worker costs with the analyser's dictionary loaded: its JS heap, and the process's resident memory
// added by starting the worker and loading the dictionary there (buffers included).
const alone = new WorkerPool(1);
const rss0 = process.memoryUsage().rss;
const heapMb = await alone.run('sharing.loadAnalyser');
const rssMb = Math.round((process.memoryUsage().rss - rss0) / 1e6);
await alone.close();
console.log(`worker with dictionary: heap ${heapMb} MB, resident +${rssMb} MB`);

const load = execSync('uptime')
  .toString()
  .trim()
  .replace(/^.*load average:\s*/, '');
writeSection(
  'sharing-parse-workers',
  `## Sharing: report texts analysed, .eml attachments and TAXII pages read in parse workers (bench/sharing-parse-workers.ts)

\`node --import tsx bench/sharing-parse-workers.ts\` — the longest stall of the event loop while one input is
read (the longest gap between turns of a 1 ms timer, median of 5 after a warm-up): "on the loop" calls the readers in the server's
thread, as the attachment route and the pull job did before; "in a worker" runs them in the parse-worker pool,
as now (the checked objects come back as JSON chunks, one taken per turn). The wall time is the time to the
result (a worker adds the copy of the input and the chunks of the result).
Machine: ${machineLine()}. Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Load (uptime): ${load}.

| input | longest stall on the loop (ms) | longest stall, in a worker (ms) | ratio | time on the loop (ms) | time in a worker (ms) |
|---|---|---|---|---|---|
${rows.join('\n')}

mailparser reads a mail as a stream and yields between its chunks, so a well-formed mail held the loop for
less than its whole read; the prescan (one pass over every line) and JSON.parse do not yield, which is where
the long stalls were. In a worker, what is left on the loop is the copy of the input and taking in the result.

The sanitizer (kuromoji analysis and core's proposal) of a typed report or of a mail's text runs in the same
workers (task \`sharing.sanitize\`). Each worker loads the dictionary once (server start warms every worker):
one worker with it loaded holds ${heapMb} MB of JS heap (under the 1,024 MB ceiling) and adds ${rssMb} MB of
resident memory to the process (the worker itself and the dictionary's buffers).
`,
);
