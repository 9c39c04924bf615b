import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOB_STATUSES, retryDelayMs } from './jobs.ts';

const CAP = 10 * 60 * 1000;

describe('retryDelayMs (attempt = attempts already made; the worker waits this long before the next)', () => {
  it('waits 2 s after the first failed attempt, as the doc comment says ("2, 4, 8 … seconds")', () => {
    expect(retryDelayMs(1)).toBe(2000);
  });

  it('doubles with every further attempt until it reaches the cap', () => {
    let a = 1;
    for (; retryDelayMs(a + 1) < CAP; a++)
      expect(retryDelayMs(a + 1), `attempt ${a + 1}`).toBe(2 * retryDelayMs(a));
    // the step onto the cap is clipped, not overshooting
    expect(retryDelayMs(a + 1)).toBe(CAP);
    expect(retryDelayMs(a)).toBeGreaterThan(CAP / 2);
  });

  it('stays at the cap of ten minutes however many attempts were made (no overflow to Infinity or NaN)', () => {
    for (const a of [10, 11, 64, 1000, 1024, 5000, Number.MAX_SAFE_INTEGER]) {
      expect(retryDelayMs(a), `attempt ${a}`).toBe(CAP);
    }
  });

  it('is a whole number of milliseconds that never decreases', () => {
    for (let a = 0; a < 64; a++) {
      expect(Number.isInteger(retryDelayMs(a)), `attempt ${a}`).toBe(true);
      expect(retryDelayMs(a + 1), `attempt ${a + 1}`).toBeGreaterThanOrEqual(retryDelayMs(a));
    }
  });
});

describe('job statuses', () => {
  it('are the statuses docs/api.md gives for GET /api/orgs/:orgId/jobs/:jobId', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../../docs/api.md'), 'utf8');
    const row = doc.split('\n').find((l) => l.startsWith('| GET /api/orgs/:orgId/jobs/:jobId |'));
    if (row === undefined) throw new Error('docs/api.md does not document GET /api/orgs/:orgId/jobs/:jobId');
    const union = /status:((?:"[a-z_]+"(?:\\\|)?)+)/.exec(row)?.[1];
    if (union === undefined) throw new Error(`no status union in: ${row}`);
    const documented = [...union.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);
    expect([...JOB_STATUSES].sort()).toEqual(documented.sort());
  });
});
