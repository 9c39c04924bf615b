// Deep imports, never the @shinrai/* barrels: the feed commands load no HTTP server, PDF or spreadsheet code.
import { loadConfig } from '@shinrai/server/config';
import { feedErrorView, openFileStore, runFeedSource } from '@shinrai/server/advisories/sources';
import {
  findFeedSourceByName,
  listFeedSources,
  migrate,
  openStore,
  type FeedSourceRow,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import { t, type Out } from './output.ts';

function age(out: Out, row: FeedSourceRow, now: Date): string {
  if (row.last_success_at === null) return t(out, 'feedNever');
  const h = Math.floor((now.getTime() - Date.parse(row.last_success_at)) / 3_600_000);
  return t(out, 'feedAgeHours').replace('{n}', String(h));
}

async function withStore<T>(
  fn: (s: ReturnType<typeof openStore>, c: ReturnType<typeof loadConfig>) => Promise<T>,
) {
  const config = loadConfig();
  const store = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(store);
    return await fn(store, config);
  } finally {
    await store.close();
  }
}

/** `shinrai advisories feed list`: each source with its last result, the age of its data and its error. */
export async function advisoriesFeedListCommand(out: Out): Promise<number> {
  return withStore(async (store) => {
    const now = new Date();
    const rows = await listFeedSources(store.db);
    if (rows.length === 0) out.line(t(out, 'feedNone'));
    for (const r of rows) {
      const error = feedErrorView(r.last_error);
      out.line(
        [
          r.name,
          r.kind,
          r.ecosystem,
          r.enabled === 1 ? (r.schedule ?? '-') : t(out, 'feedDisabled'),
          r.last_result ?? '-',
          age(out, r, now),
          error ? `${error.message[out.lang]} (${error.detail})` : '',
        ].join('\t'),
      );
    }
    return 0;
  });
}

/**
 * `shinrai advisories feed run [--source NAME]`: runs one source, or every enabled one, now (on this
 * machine, with the same lease as the server's jobs: a source already running elsewhere is skipped).
 * Exit code 0 when every run succeeded, 1 when one failed, 2 for an unknown source.
 */
export async function advisoriesFeedRunCommand(out: Out, sourceName?: string): Promise<number> {
  return withStore(async (store, config) => {
    const deps = { store, files: openFileStore(store, config.dataDir), config, now: () => new Date() };
    let rows: FeedSourceRow[];
    if (sourceName !== undefined) {
      const one = await findFeedSourceByName(store.db, sourceName);
      if (!one) return out.fail('feedUnknownSource', sourceName);
      rows = [one];
    } else {
      rows = (await listFeedSources(store.db)).filter((r) => r.enabled === 1);
    }
    if (rows.length === 0) out.line(t(out, 'feedNone'));
    let failed = false;
    for (const r of rows) {
      const result = await runFeedSource(deps, r.id, { jobId: `cli-${randomUUID()}`, trigger: 'cli' });
      let line = `${r.name}: ${result.outcome}`;
      if ('counts' in result && result.counts) {
        const c = result.counts;
        line += ` (${c.processed}/${c.added}/${c.updated}/${c.unchanged})`;
      }
      if ('error' in result && result.error) {
        failed = true;
        const e = feedErrorView(JSON.stringify(result.error));
        line += ` — ${e?.message[out.lang] ?? ''} (${result.error.detail})`;
      }
      out.line(line);
    }
    return failed ? 1 : 0;
  });
}
