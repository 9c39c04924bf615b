import { describe, expect, it } from 'vitest';
import { JOB_STATUSES, retryDelayMs } from './jobs.ts';

describe('retryDelayMs', () => {
  it('doubles from one second', () => {
    expect([0, 1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000]);
  });

  it('is capped at ten minutes, also for absurd attempt counts', () => {
    expect(retryDelayMs(9)).toBe(512_000);
    expect(retryDelayMs(10)).toBe(600_000);
    expect(retryDelayMs(11)).toBe(600_000);
    expect(retryDelayMs(1000)).toBe(600_000);
    expect(retryDelayMs(5000)).toBe(600_000);
  });

  it('never decreases', () => {
    for (let a = 0; a < 40; a++) expect(retryDelayMs(a + 1)).toBeGreaterThanOrEqual(retryDelayMs(a));
  });

  it('knows the four job statuses of docs/api.md', () => {
    expect([...JOB_STATUSES]).toEqual(['queued', 'running', 'succeeded', 'failed']);
  });
});
