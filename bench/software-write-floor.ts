/**
 * The floor under issue 12's ingest target (≤ 8 × JSON.parse): what the steps before the database cost, and
 * what SQLite alone costs to insert a 10,000-component SBOM's rows — one prepared 500-row statement per chunk,
 * no Kysely, no matching, no findings — for each set of indexes on the components table, with `--portfolio N`
 * components already stored (default 0 and 1,000,000, each in its own fresh database).
 *
 * Index sets: none (rowid only); + the text primary key; + the release index (what an upload writes since the
 * package keys moved to their job); + the two package-keyed indexes (what it wrote before).
 *
 * Run: node --import tsx bench/software-write-floor.ts [--no-write] [--portfolio N]
 */
import Sqlite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { componentRows } from '@shinrai/server/software/inventory';
import { parseSbom } from '@shinrai/formats/sbom';
import { machineLine, writeSection } from './sections.ts';
import { prng } from './seed.ts';
import { generateBom } from './sbom-bench-input.ts';

const WRITE = !process.argv.includes('--no-write');
const PORTFOLIOS = process.argv.includes('--portfolio')
  ? [Number(process.argv[process.argv.indexOf('--portfolio') + 1])]
  : [0, 1_000_000];
const RUNS = 9;
const COLUMNS = [
  'id',
  'org_id',
  'release_id',
  'bom_ref',
  'name',
  'version',
  'purl',
  'purl_key',
  'ecosystem',
  'osv_name',
  'licenses',
  'hashes',
  'supplier',
  'dev',
  'support_ends',
] as const;
const VARIANTS = [
  { id: 'none', label: 'no index (rowid only)' },
  { id: 'pk', label: '+ text primary key' },
  { id: 'release', label: '+ release index (the upload since the package keys job)' },
  { id: 'all', label: '+ where-used and OSV-package indexes (the upload before)' },
] as const;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function run(variant: (typeof VARIANTS)[number]['id'], portfolio: number, text: string) {
  const bytes = Buffer.from(text);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shinrai-floor-'));
  const db = new Sqlite(path.join(dir, 'floor.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const cols = COLUMNS.map((c) =>
    c === 'id' && variant !== 'none' ? 'id text primary key' : `${c} ${c === 'dev' ? 'integer' : 'text'}`,
  );
  db.exec(`create table c (${cols.join(', ')})`);
  if (variant === 'release' || variant === 'all') db.exec('create index c_release on c (release_id)');
  if (variant === 'all') {
    db.exec('create index c_where_used on c (purl_key, org_id, release_id, name, version, purl)');
    db.exec('create index c_osv on c (osv_name, ecosystem)');
  }
  const insert = db.prepare(
    `insert into c (${COLUMNS.join(', ')}) values ${Array.from({ length: 500 }, () => `(${COLUMNS.map(() => '?').join(', ')})`).join(', ')}`,
  );
  const r = prng(3);
  db.transaction(() => {
    for (let i = 0; i < portfolio; i += 500) {
      const values: unknown[] = [];
      for (let j = 0; j < 500; j++) {
        const k = Math.floor(r() * 400_000);
        const release = `p${String(Math.floor((i + j) / 10_000)).padStart(5, '0')}`;
        values.push(`x${i + j}`, 'org', release, `c${j}`, `pkg-${k}`, '1.0.0', `pkg:npm/pkg-${k}@1.0.0`);
        values.push(`pkg:npm/pkg-${k}`, 'npm', `pkg-${k}`, '["MIT"]', '[]', null, 0, null);
      }
      insert.run(values);
    }
  })();
  const yardsticks: number[] = [];
  const before: number[] = [];
  const rows: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    let yardstick = Infinity;
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      JSON.parse(text);
      yardstick = Math.min(yardstick, performance.now() - t);
    }
    const t0 = performance.now();
    const parsed = parseSbom(bytes, 'bom.json', {});
    if (!parsed.ok) throw new Error('the generated BOM was refused');
    const components = componentRows(parsed.sbom, { id: `r${String(i).padStart(3, '0')}`, org_id: 'org' });
    const t1 = performance.now();
    db.transaction(() => {
      for (let c = 0; c < components.length; c += 500) {
        const values: unknown[] = [];
        for (const row of components.slice(c, c + 500))
          for (const col of COLUMNS) values.push((row as Record<string, unknown>)[col] ?? null);
        insert.run(values);
      }
    })();
    const t2 = performance.now();
    if (i === 0) continue; // the first run compiles the schema
    yardsticks.push(yardstick);
    before.push((t1 - t0) / yardstick);
    rows.push((t2 - t1) / yardstick);
  }
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return { jsonParse: median(yardsticks), before: median(before), insert: median(rows) };
}

const text = generateBom(10_000);
const load0 = os.loadavg();
const lines: string[] = [];
for (const portfolio of PORTFOLIOS) {
  for (const v of VARIANTS) {
    const f = run(v.id, portfolio, text);
    process.stderr.write(`${portfolio} ${v.id}: ${JSON.stringify(f)}\n`);
    lines.push(
      `| ${portfolio.toLocaleString('en')} | ${v.label} | ${f.jsonParse.toFixed(1)} | ${f.before.toFixed(2)} × | ${f.insert.toFixed(2)} × | ${(f.before + f.insert).toFixed(2)} × |`,
    );
  }
}
const load1 = os.loadavg();
const body = [
  '## Software ingest: the floor (bench/software-write-floor.ts)',
  '',
  `What a 10,000-component CycloneDX 1.6 SBOM costs before any matching: the steps before the database (parse, validate, normalise, component rows; \`parseSbom\` + \`componentRows\`) and SQLite inserting its rows alone (better-sqlite3, one prepared 500-row statement, one transaction, WAL, synchronous NORMAL; no Kysely, no findings, no foreign keys), as ratios to \`JSON.parse\` of the same text measured just before each run; medians of ${RUNS} runs after a first one, each set of indexes in a fresh database that already holds the portfolio's components.`,
  '',
  `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  `- Machine: ${machineLine()}`,
  `- Load average (\`uptime\`, 1/5/15 min) at start: ${load0.map((v) => v.toFixed(2)).join(' / ')}; at end: ${load1.map((v) => v.toFixed(2)).join(' / ')}`,
  '',
  '| components already stored | indexes of the components table | JSON.parse ms | before the database | insert the rows | together |',
  '|---:|---|---:|---:|---:|---:|',
  ...lines,
  '',
  'Issue 12 asks ≤ 8 × JSON.parse for ingest + match. The "together" column is that ingest without its match, its findings and its checks: where it is above 8 ×, no matcher can bring the whole under the target.',
].join('\n');
process.stdout.write(`${body}\n`);
if (WRITE) writeSection('software-write-floor', body);
