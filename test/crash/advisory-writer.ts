/**
 * Child process for advisory-import-kill.test.ts: imports the archive argv[3] into the SQLite store of the data
 * dir argv[2], one record per batch. After each batch it prints "batch <added>"; after the first it waits
 * (the transaction has committed) until the parent kills it with SIGKILL, so exactly one batch is written.
 */
import { importAdvisories } from '@shinrai/server/advisories/feed';
import { migrate, openStore } from '@shinrai/store';

const [dataDir, archive] = process.argv.slice(2);
if (!dataDir || !archive) throw new Error('usage: advisory-writer.ts <dataDir> <archive>');

const store = openStore({ databaseUrl: undefined, dataDir });
await migrate(store);
process.stdout.write('started\n');
await importAdvisories(store, archive, 'crash.zip', {
  batchSize: 1,
  onProgress: async (p) => {
    process.stdout.write(`batch ${p.added}\n`);
    if (p.added === 1) await new Promise(() => {});
  },
});
process.stdout.write('finished\n');
