// Deep imports, never the @shinrai/* barrels: the import process loads no HTTP server, PDF or spreadsheet code.
import { loadConfig } from '@shinrai/server/config';
import { importAdvisories } from '@shinrai/server/advisories/feed';
import { REFUSAL_MESSAGES, SKIP_MESSAGES, type SkipReason } from '@shinrai/server/advisories/feed';
import { migrate, openStore } from '@shinrai/store';
import path from 'node:path';
import { t, type Out } from './output.ts';
import { formatSeconds, Progress } from './progress.ts';

/**
 * `shinrai advisories import PATH`: streams OSV records from a folder, an all.zip or one .json into the
 * advisory database, with progress (records, rate, time left) on stderr and a summary on stdout.
 * Exit code 0 when imported, 2 when the source was refused.
 */
export async function advisoriesImportCommand(out: Out, target: string): Promise<number> {
  const config = loadConfig();
  const store = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(store);
    const progress = new Progress(t(out, 'advisoriesProgress'), t(out, 'advisoryRecords'));
    const started = Date.now();
    let stopping = false;
    const onSignal = () => (stopping = true);
    process.once('SIGINT', onSignal);
    const result = await importAdvisories(store, path.resolve(target), path.basename(target), {
      onProgress: (p) => progress.update(p.processed, p.total),
      shouldStop: () => stopping,
    }).finally(() => process.removeListener('SIGINT', onSignal));
    progress.done();
    const c = result.counts;
    const summary = t(out, 'advisoriesSummary').replace(/\{(\w+)\}/g, (_m, k: string) =>
      String(c[k as keyof typeof c]),
    );
    out.line(`${summary} — ${t(out, 'elapsed')} ${formatSeconds((Date.now() - started) / 1000)}`);
    for (const [reason, v] of Object.entries(result.skippedReasons)) {
      out.line(`  ${SKIP_MESSAGES[reason as SkipReason][out.lang]}: ${v.count} (${v.examples.join(', ')})`);
    }
    if (!result.ok) {
      return out.fail('advisoriesRefused', `${REFUSAL_MESSAGES[result.reason][out.lang]} ${result.detail}`);
    }
    if (result.rematchJobId) out.line(t(out, 'advisoriesRematch'));
    return result.stopped ? 130 : 0;
  } finally {
    await store.close();
  }
}
