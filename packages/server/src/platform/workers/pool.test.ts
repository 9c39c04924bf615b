import { afterAll, describe, expect, it } from 'vitest';
import { WorkerMemoryError, WorkerPool, workers } from './pool.ts';

/** A worker's heap ceiling ends the worker, not the process, and the pool goes on with a new one. */
describe('parse worker pool', () => {
  const pool = new WorkerPool(1, 64);
  afterAll(() => pool.close());

  // Starting a worker from the sources compiles them through tsx: slow on a loaded machine.
  it('runs a task in a worker thread and gives back its result', { timeout: 120_000 }, async () => {
    const read = await pool.run('sheets.csv', Buffer.from('ID,Title\na,b\n'), 'x.csv');
    expect(read).toMatchObject({
      ok: true,
      table: { header: ['ID', 'Title'], rows: [{ row: 2, cells: ['a', 'b'] }] },
    });
  });

  it('runs an async task (the .eml reader awaits its MIME parser) and gives back what it resolves to', async () => {
    const mail = Buffer.from(
      'From: billing@example-verify.com\r\nTo: t.sato@example.jp\r\nSubject: invoice\r\n\r\nhttps://x.example/a t.sato\r\n',
    );
    const read = await pool.run('sharing.eml', mail);
    expect(read).toMatchObject({
      ok: true,
      summary: {
        subject: 'invoice',
        urls: ['https://x.example/a'],
        body: 'https://x.example/a ［受信者］\n',
      },
    });
  }, 120_000);

  it('turns a task that needs more than the heap ceiling into WorkerMemoryError, and recovers', async () => {
    // ~19 MB of one-character cells: several hundred MB of JavaScript strings and arrays once parsed.
    const csv = Buffer.from('a,b,c,d,e,f,g,h\n'.repeat(1_200_000));
    await expect(pool.run('sheets.csv', csv, 'big.csv')).rejects.toBeInstanceOf(WorkerMemoryError);
    const again = await pool.run('sheets.csv', Buffer.from('ID\nx\n'), 'small.csv');
    expect(again.ok).toBe(true);
  }, 120_000);

  it('makes the process pool anew after it was closed, and refuses tasks on the closed one', async () => {
    const first = workers();
    expect(workers()).toBe(first);
    await first.close();
    expect(first.isClosed).toBe(true);
    await expect(first.run('sheets.csv', Buffer.from('ID\nx\n'), 'x.csv')).rejects.toThrow('closed');
    const next = workers();
    expect(next).not.toBe(first);
    expect(next.isClosed).toBe(false);
    await next.close();
  });
});
