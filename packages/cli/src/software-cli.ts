/**
 * `shinrai sbom scan|upload` and `shinrai artifact verify`. Kept apart from main.ts so that a build
 * pipeline's scan loads no HTTP server, PDF or spreadsheet code: bin/shinrai.mjs routes these
 * commands here directly (start-up to first output well under a second).
 */
import { Command } from 'commander';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
// Deep imports, never the @shinrai/* barrels: each module loaded here is start-up time of a CI scan.
import { FINDING_SEVERITIES, severityRank } from '@shinrai/core/software/match';
import { migrate, openStore } from '@shinrai/store';
import { componentRows } from '@shinrai/server/software/inventory';
import { matchComponentsWithNotes } from '@shinrai/server/software/inventory';
import { shortestPaths } from '@shinrai/server/software/inventory';
import { parseSbom } from '@shinrai/formats/sbom';
import { sbomProblemMessage } from '@shinrai/formats/sbom';
import { sarifWarnings, scanWarnings, warningLines, type ScanWarning } from './scan-warnings.ts';

type Lang = 'ja' | 'en';
const lang: Lang =
  process.argv.includes('--lang') && process.argv[process.argv.indexOf('--lang') + 1] === 'en'
    ? 'en'
    : /^en/i.test(process.env.LANG ?? '') && !process.argv.includes('ja')
      ? 'en'
      : 'ja';

const M = {
  scan: {
    ja: 'SBOM をローカルの脆弱性 DB と照合する（オフライン）',
    en: 'Match an SBOM against the local advisory database (offline)',
  },
  upload: { ja: 'SBOM を API トークンでサーバーへ送る', en: 'Send an SBOM to the server with an API token' },
  verify: {
    ja: '配布ファイルの SHA-256 を登録値と照合する',
    en: 'Check a distributed file against its registered SHA-256',
  },
  badInput: { ja: 'SBOM を読み込めません', en: 'The SBOM cannot be read' },
  noFindings: { ja: '該当する脆弱性はありません', en: 'No findings' },
  findings: { ja: '件の該当', en: 'finding(s)' },
  badSeverity: { ja: '--fail-on の値が正しくありません', en: 'Invalid --fail-on value' },
  unknownSeverity: {
    ja: '件は重大度が不明です（しきい値に関係なく失敗扱い。--allow-unknown で除外）',
    en: 'of unknown severity (they fail the gate whatever the threshold; --allow-unknown lets them pass)',
  },
  allowUnknown: {
    ja: '重大度が不明な検出をしきい値の判定から除く',
    en: 'Do not fail on findings of unknown severity',
  },
  serverError: { ja: 'サーバーがエラーを返しました', en: 'The server answered with an error' },
  match: { ja: '一致: 登録された SHA-256 と同じです', en: 'match: the file has the registered SHA-256' },
  mismatch: {
    ja: '不一致: 登録された SHA-256 と異なります（インシデントを登録しました）',
    en: 'MISMATCH: the file does not have the registered SHA-256 (an incident was opened)',
  },
  unknown: {
    ja: '不明: このファイルの SHA-256 は登録されていません',
    en: 'unknown: no SHA-256 is registered for this file',
  },
  uploaded: { ja: 'アップロードしました', en: 'Uploaded' },
  strict: {
    ja: 'スキーマに合わない項目が一つでもあれば読み込まない（既定では警告として読み込む）',
    en: 'Refuse the SBOM on any schema problem (by default such problems are warnings)',
  },
} as const satisfies Record<string, Record<Lang, string>>;
const m = (k: keyof typeof M) => M[k][lang];

interface ScanFinding {
  advisoryId: string;
  severity: string;
  score: number | null;
  malicious: boolean;
  summary: string | null;
  aliases: string[];
  package: string;
  version: string | null;
  purl: string | null;
  fixedVersion: string | null;
  path: string[];
}

function sarif(file: string, findings: ScanFinding[], warnings: ScanWarning[]) {
  const w = sarifWarnings(file, warnings);
  const level = (s: string) =>
    severityRank(s) >= severityRank('high')
      ? 'error'
      : severityRank(s) >= severityRank('medium')
        ? 'warning'
        : 'note';
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'shinrai',
            informationUri: 'https://github.com/shinrai',
            rules: [
              ...new Map(
                findings.map((f) => [
                  f.advisoryId,
                  { id: f.advisoryId, shortDescription: { text: f.summary ?? f.advisoryId } },
                ]),
              ).values(),
            ],
          },
        },
        results: [
          ...findings.map((f) => ({
            ruleId: f.advisoryId,
            level: level(f.severity),
            message: {
              text: `${f.package}@${f.version ?? ''}: ${f.summary ?? f.advisoryId} [${f.severity}]${f.fixedVersion ? ` → ${f.fixedVersion}` : ''} (${f.path.join(' > ')})`,
            },
            locations: [{ physicalLocation: { artifactLocation: { uri: file } } }],
            properties: {
              severity: f.severity,
              score: f.score,
              malicious: f.malicious,
              purl: f.purl,
              aliases: f.aliases,
            },
          })),
          ...w.results,
        ],
      },
    ],
  };
}

async function scan(
  file: string,
  opts: { format: string; failOn: string; strict?: boolean; allowUnknown?: boolean },
): Promise<number> {
  if (!(FINDING_SEVERITIES as readonly string[]).includes(opts.failOn) && opts.failOn !== 'never') {
    process.stderr.write(`${m('badSeverity')}: ${opts.failOn}\n`);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    process.stderr.write(`${m('badInput')}: ${(e as Error).message}\n`);
    return 2;
  }
  const parsed = parseSbom(bytes, file, { strict: opts.strict === true });
  if (!parsed.ok) {
    process.stderr.write(`${m('badInput')}: ${file}\n`);
    for (const p of parsed.problems) {
      const where = [p.pointer, p.line !== undefined ? `${p.line}:${p.column ?? 0}` : undefined]
        .filter(Boolean)
        .join(' ');
      process.stderr.write(`  ${where ? `${where}: ` : ''}${sbomProblemMessage(p, lang)}\n`);
    }
    return 2;
  }
  const store = openStore({
    databaseUrl: process.env.SHINRAI_DATABASE_URL || undefined,
    dataDir: path.resolve(process.env.SHINRAI_DATA_DIR ?? 'data'),
  });
  try {
    await migrate(store);
    const rows = componentRows(parsed.sbom, { id: 'scan', org_id: 'scan' });
    const pathOf = shortestPaths(parsed.sbom);
    const byId = new Map(rows.map((c) => [c.id, c]));
    const { findings: found, notes } = await matchComponentsWithNotes(
      store.db,
      rows,
      (c) => pathOf(c.bom_ref),
      new Date(),
    );
    const findings: ScanFinding[] = found
      .map((f) => {
        const c = byId.get(f.component_id);
        return {
          advisoryId: f.advisory_id,
          severity: f.severity,
          score: f.score,
          malicious: f.malicious === 1,
          summary: f.summary,
          aliases: JSON.parse(f.aliases) as string[],
          package: c?.name ?? '',
          version: c?.version ?? null,
          purl: c?.purl ?? null,
          fixedVersion: f.fixed_version,
          path: JSON.parse(f.path) as string[],
        };
      })
      .sort(
        (a, b) =>
          severityRank(b.severity) - severityRank(a.severity) || a.advisoryId.localeCompare(b.advisoryId),
      );
    // The reading's warnings, then the components that advisories name but could not be evaluated for.
    const warnings = scanWarnings([...parsed.warnings, ...notes], lang);
    if (opts.format === 'json')
      process.stdout.write(
        `${JSON.stringify({ file, components: rows.length, findings, warnings }, null, 2)}\n`,
      );
    else if (opts.format === 'sarif')
      process.stdout.write(`${JSON.stringify(sarif(file, findings, warnings), null, 2)}\n`);
    else if (findings.length === 0)
      process.stdout.write(`${m('noFindings')} (${rows.length} components)\n${warningLines(warnings, lang)}`);
    else {
      for (const f of findings)
        process.stdout.write(
          `${f.severity.toUpperCase().padEnd(9)} ${f.advisoryId.padEnd(22)} ${`${f.package}@${f.version ?? ''}`.padEnd(36)} ${f.fixedVersion ? `→ ${f.fixedVersion}` : ''}  ${f.path.join(' > ')}${f.malicious ? '  [MALICIOUS]' : ''}\n`,
        );
      process.stdout.write(`${findings.length} ${m('findings')} (${rows.length} components)\n`);
      const unknown = findings.filter((f) => f.severity === 'unknown').length;
      if (unknown > 0) process.stdout.write(`${unknown} ${m('unknownSeverity')}\n`);
      process.stdout.write(warningLines(warnings, lang));
    }
    if (opts.failOn === 'never') return 0;
    // A finding whose severity no record gives could be anything: it fails the gate unless allowed, so a
    // database without severities (Go's vulndb) does not pass every build silently.
    const threshold = severityRank(opts.failOn);
    return findings.some(
      (f) =>
        severityRank(f.severity) >= threshold || (f.severity === 'unknown' && opts.allowUnknown !== true),
    )
      ? 1
      : 0;
  } finally {
    await store.close();
  }
}

interface ApiOpts {
  url: string;
  token: string;
  org: string;
}

async function api(
  o: ApiOpts,
  method: string,
  route: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${o.url.replace(/\/$/, '')}/api/orgs/${o.org}/software${route}`, {
    method,
    headers: {
      authorization: `Bearer ${o.token}`,
      'accept-language': lang,
      ...(body instanceof FormData || body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: body instanceof FormData ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON
  }
  return { status: res.status, json };
}

function apiError(r: { status: number; json: Record<string, unknown> }): number {
  process.stderr.write(`${m('serverError')} (${r.status}): ${JSON.stringify(r.json.error ?? r.json)}\n`);
  return 2;
}

async function findOrCreateRelease(o: ApiOpts, product: string, release: string): Promise<string | number> {
  const list = await api(o, 'GET', '/products');
  if (list.status !== 200) return apiError(list);
  let p = (list.json.items as { id: string; name: string }[]).find((x) => x.name === product);
  if (!p) {
    const made = await api(o, 'POST', '/products', { name: product, kind: 'application' });
    if (made.status !== 201) return apiError(made);
    p = made.json.product as { id: string; name: string };
  }
  const rels = await api(o, 'GET', `/products/${p.id}/releases`);
  if (rels.status !== 200) return apiError(rels);
  let r = (rels.json.items as { id: string; version: string }[]).find((x) => x.version === release);
  if (!r) {
    const made = await api(o, 'POST', `/products/${p.id}/releases`, { version: release });
    if (made.status !== 201) return apiError(made);
    r = made.json.release as { id: string; version: string };
  }
  return r.id;
}

async function upload(
  file: string,
  o: ApiOpts & { product: string; release: string; strict?: boolean },
): Promise<number> {
  const releaseId = await findOrCreateRelease(o, o.product, o.release);
  if (typeof releaseId === 'number') return releaseId;
  const form = new FormData();
  form.append('file', new Blob([await readFile(file)]), path.basename(file));
  const r = await api(
    o,
    'POST',
    `/releases/${releaseId}/sbom${o.strict === true ? '?strict=true' : ''}`,
    form,
  );
  if (r.status !== 200) {
    const details =
      (r.json.error as { details?: { pointer?: string; message: string }[] } | undefined)?.details ?? [];
    process.stderr.write(`${m('badInput')}: ${file}\n`);
    for (const d of details) process.stderr.write(`  ${d.pointer ? `${d.pointer}: ` : ''}${d.message}\n`);
    return 2;
  }
  process.stdout.write(
    `${m('uploaded')}: ${o.product} ${o.release} — ${String(r.json.findings)} ${m('findings')}\n`,
  );
  const warnings = (r.json.warnings ?? []) as ScanWarning[];
  process.stdout.write(warningLines(warnings, lang));
  return 0;
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function verify(file: string, o: ApiOpts & { product: string; release: string }): Promise<number> {
  const sha256 = await sha256Of(file);
  const r = await api(o, 'POST', '/artifacts/verify', {
    productName: o.product,
    releaseVersion: o.release,
    filename: path.basename(file),
    sha256,
  });
  if (r.status !== 200) return apiError(r);
  const result = r.json.result as 'match' | 'mismatch' | 'unknown';
  process.stdout.write(`${m(result)} (${sha256})\n`);
  return result === 'match' ? 0 : 1;
}

const program = new Command('shinrai').option('--lang <lang>');
const apiOptions = (c: Command) =>
  c
    .requiredOption('--product <name>')
    .requiredOption('--release <version>')
    .option('--url <url>', 'server URL', process.env.SHINRAI_URL ?? 'http://localhost:3000')
    .option('--token <token>', 'API token (or SHINRAI_TOKEN)', process.env.SHINRAI_TOKEN)
    .option('--org <orgId>', 'organization id (or SHINRAI_ORG)', process.env.SHINRAI_ORG);
const done = (p: Promise<number>) =>
  p.then(
    (code) => void (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
const requireApi = (o: Partial<ApiOpts>): o is ApiOpts => {
  if (o.token && o.org && o.url) return true;
  process.stderr.write('--token and --org are required (or SHINRAI_TOKEN / SHINRAI_ORG)\n');
  return false;
};

const sbom = program.command('sbom');
sbom
  .command('scan')
  .description(m('scan'))
  .argument('<file>')
  .option('--format <format>', 'table | json | sarif', 'table')
  .option('--fail-on <severity>', 'critical | high | medium | low | unknown | never', 'high')
  .option('--strict', m('strict'))
  .option('--allow-unknown', m('allowUnknown'))
  .action((file: string, o: { format: string; failOn: string; strict?: boolean; allowUnknown?: boolean }) =>
    done(scan(file, o)),
  );
apiOptions(sbom.command('upload').description(m('upload')).argument('<file>'))
  .option('--strict', m('strict'))
  .action((file: string, o: Partial<ApiOpts> & { product: string; release: string; strict?: boolean }) =>
    requireApi(o) ? done(upload(file, { ...o })) : void (process.exitCode = 2),
  );
apiOptions(program.command('artifact').command('verify').description(m('verify')).argument('<file>')).action(
  (file: string, o: Partial<ApiOpts> & { product: string; release: string }) =>
    requireApi(o) ? done(verify(file, { ...o })) : void (process.exitCode = 2),
);

await program.parseAsync(process.argv);
