import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// `shinrai sharing sanitize --jsonl FILE` through the real CLI, and the labelled corpus
// (test/fixtures/sharing/corpus.jsonl) scored per category: the figures in docs/sharing.md come from here.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'packages/cli/bin/shinrai.mjs');
const CORPUS = path.join(ROOT, 'test/fixtures/sharing/corpus.jsonl');
const dir = mkdtempSync(path.join(tmpdir(), 'shinrai-sanitize-'));

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', SHINRAI_LANG: 'en' };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}
const file = (name: string, lines: unknown[]) => {
  const f = path.join(dir, name);
  writeFileSync(f, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return f;
};

interface Out {
  id: string;
  redactions: { start: number; end: number; category: string; text: string }[];
  indicators: { type: string; value: string; start: number; end: number }[];
}
interface Labelled {
  id: string;
  text: string;
  labels: { category: string; text: string }[];
  indicators: { type: string; value: string }[];
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('shinrai sharing sanitize --jsonl', () => {
  it('writes one line per input with offsets in UTF-16 code units; other fields are ignored', async () => {
    const f = file('in.jsonl', [
      {
        id: 'a',
        lang: 'ja',
        dictionary: ['北斗電機'],
        text: '😀北斗電機の山田太郎さん、C2 は 203.0.113.9',
        extra: 1,
      },
      { id: 7, lang: 'en', dictionary: [], text: 'nothing here' },
    ]);
    const r = await cli(['sharing', 'sanitize', '--jsonl', f]);
    expect(r.code).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Out);
    expect(out).toEqual([
      {
        id: 'a',
        redactions: [
          { start: 2, end: 6, category: 'org', text: '北斗電機' },
          { start: 7, end: 11, category: 'person', text: '山田太郎' },
        ],
        indicators: [{ type: 'ipv4', value: '203.0.113.9', start: 19, end: 30 }],
      },
      { id: 7, redactions: [], indicators: [] },
    ]);
  });

  it('refuses a bad line with its number and pointer, and writes nothing', async () => {
    const f = file('bad.jsonl', [
      { id: 'a', text: 'ok', dictionary: [] },
      { id: 'b', text: 'x', dictionary: ['ok', 3] },
    ]);
    const r = await cli(['sharing', 'sanitize', '--jsonl', f]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('line 2 /dictionary/1');
  });

  it('scores the labelled corpus per category (recall and precision in docs/sharing.md)', async () => {
    const corpus = readFileSync(CORPUS, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Labelled);
    expect(corpus.length).toBeGreaterThanOrEqual(50);
    const r = await cli(['sharing', 'sanitize', '--jsonl', CORPUS]);
    expect(r.code).toBe(0);
    const outs = new Map(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => [(JSON.parse(l) as Out).id, JSON.parse(l) as Out]),
    );
    const score = new Map<string, { tp: number; fn: number; fp: number }>();
    const s = (c: string) => score.get(c) ?? (score.set(c, { tp: 0, fn: 0, fp: 0 }), score.get(c)!);
    for (const doc of corpus) {
      const out = outs.get(doc.id)!;
      const spans = doc.labels.map((l) => {
        const start = doc.text.indexOf(l.text);
        return { ...l, start, end: start + l.text.length };
      });
      for (const l of spans) {
        const hit = out.redactions.some(
          (x) => x.category === l.category && x.start < l.end && l.start < x.end,
        );
        s(l.category)[hit ? 'tp' : 'fn']++;
      }
      for (const x of out.redactions)
        if (!spans.some((l) => l.category === x.category && x.start < l.end && l.start < x.end))
          s(x.category).fp++;
      for (const i of doc.indicators) {
        const hit = out.indicators.some((x) => x.type === i.type && x.value === i.value);
        s('indicator')[hit ? 'tp' : 'fn']++;
        // A leak: an attacker indicator redacted (lost) or a redaction-worthy span kept as an indicator.
      }
      for (const x of out.indicators)
        if (!doc.indicators.some((i) => i.type === x.type && i.value === x.value)) s('indicator').fp++;
    }
    const rows = [...score.entries()].sort().map(([c, v]) => {
      const recall = v.tp / Math.max(1, v.tp + v.fn);
      const precision = v.tp / Math.max(1, v.tp + v.fp);
      return { c, ...v, recall, precision };
    });
    const table = rows
      .map(
        (x) =>
          `| ${x.c} | ${x.tp + x.fn} | ${x.tp} | ${x.fn} | ${x.fp} | ${x.recall.toFixed(2)} | ${x.precision.toFixed(2)} |`,
      )
      .join('\n');
    writeFileSync(path.join(dir, 'table.md'), table);
    if (process.env.SHINRAI_PRINT_CORPUS) console.log(table);
    const total = rows
      .filter((x) => x.c !== 'indicator')
      .reduce((a, x) => ({ tp: a.tp + x.tp, fn: a.fn + x.fn }), { tp: 0, fn: 0 });
    // Floors a little under the measured figures: a change that loses recall fails here.
    expect(total.tp / (total.tp + total.fn)).toBeGreaterThanOrEqual(0.9);
    for (const c of ['org', 'email', 'private_ip', 'corporate_number', 'my_number'])
      expect(rows.find((x) => x.c === c)?.recall).toBe(1);
    expect(rows.find((x) => x.c === 'indicator')?.recall).toBeGreaterThanOrEqual(0.9);
  });
});
