import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../platform/workers/pool.ts';
import { sanitizeText } from './sanitize-task.ts';

// The sanitizer in a parse worker gives the very proposal it gives in the server's thread (structured clone of
// plain data), for every report of the labelled corpus and for them all as one text.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const corpus = readFileSync(path.join(ROOT, 'test/fixtures/sharing/corpus.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { text: string; dictionary?: string[] });

describe('sharing.sanitize in a parse worker', () => {
  const pool = new WorkerPool(1);
  afterAll(() => pool.close());

  it(
    'loads the dictionary once, then proposes exactly what the thread itself proposes',
    { timeout: 120_000 },
    async () => {
      expect(await pool.run('sharing.loadAnalyser')).toBeGreaterThan(0);
      const reporter = { names: ['サンプル電機'], domains: ['sample-denki.co.jp'], customers: [] };
      for (const { text } of corpus)
        expect(await pool.run('sharing.sanitize', text, reporter)).toEqual(
          await sanitizeText(text, reporter),
        );
      const all = corpus.map((c) => c.text).join('\n');
      const proposal = await pool.run('sharing.sanitize', all, reporter);
      expect(proposal.redactions.some((r) => r.category === 'person')).toBe(true);
      expect(proposal).toEqual(await sanitizeText(all, reporter));
    },
  );
});
