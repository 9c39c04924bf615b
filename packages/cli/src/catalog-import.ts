import { applyImport, describeProblems, prepareImport, type ImportOptions } from '@shinrai/server';
import { listCatalogsForOrg } from '@shinrai/store';
import path from 'node:path';
import { withOrgFile } from './org-file.ts';
import { t, type Out } from './output.ts';

export interface CatalogImportFlags {
  org: string;
  sheet?: string;
  map?: string;
  urn?: string;
  packVersion?: string;
  titleJa?: string;
  titleEn?: string;
  base?: string;
  official?: boolean;
  dryRun?: boolean;
}

/** `--map ref=ID,parent=親ID,titleJa=項目名` → a column mapping. */
function parseMap(spec: string): Record<string, string> {
  return Object.fromEntries(
    spec
      .split(',')
      .map((kv) => kv.split('='))
      .filter((kv): kv is [string, string] => kv.length === 2 && kv[0] !== '' && kv[1] !== ''),
  );
}

/** `shinrai catalog import FILE`: the same all-or-nothing import as the web app, from a terminal. */
export async function catalogImportCommand(out: Out, file: string, f: CatalogImportFlags): Promise<number> {
  return withOrgFile(out, file, f.org, async ({ data, store, org, deps }) => {
    const options: ImportOptions = { defaultProvenance: f.official ? 'official' : 'own' };
    if (f.sheet) options.sheet = f.sheet;
    if (f.map) options.mapping = parseMap(f.map) as unknown as NonNullable<ImportOptions['mapping']>;
    if (f.urn && f.packVersion)
      options.header = {
        id: f.urn,
        version: f.packVersion,
        title: { ja: f.titleJa ?? f.titleEn ?? f.urn, en: f.titleEn ?? f.titleJa ?? f.urn },
      };
    if (f.base) {
      const [urn, version] = f.base.split('@');
      const base = (await listCatalogsForOrg(store.db, org.id)).find(
        (c) => c.urn === urn && (version === undefined || c.version === version),
      );
      if (!base) return out.fail('catalogUnknown', f.base);
      options.baseCatalogId = base.id;
    }
    const prepared = await prepareImport(deps, org.id, data, path.basename(file), options);
    if (!prepared.ok) {
      for (const p of describeProblems(prepared.problems, out.lang)) {
        const where = [
          p.sheet,
          p.row !== undefined ? `${t(out, 'row')} ${p.row}` : undefined,
          p.column !== undefined ? `${t(out, 'column')} ${p.column}` : undefined,
        ]
          .filter(Boolean)
          .join(' / ');
        process.stderr.write(`${path.basename(file)}${where ? ` (${where})` : ''}: ${p.message}\n`);
      }
      return out.fail('importInvalid');
    }
    const c = prepared.changes;
    out.line(
      `${prepared.pack.id}@${prepared.pack.version}: ${prepared.itemCount} ${t(out, 'items')} (+${c.added.length} ~${c.changed.length} -${c.removed.length})`,
    );
    if (f.dryRun) {
      out.line(t(out, 'dryRun'));
      return 0;
    }
    const result = await store.db
      .transaction()
      .execute((trx) =>
        applyImport(deps, trx, { userId: null, tokenId: null, requestId: 'cli' }, org.id, prepared),
      );
    if ('conflict' in result)
      return out.fail('versionExists', `${prepared.pack.id}@${prepared.pack.version}`);
    out.line(`${t(out, 'imported')}: ${result.id}`);
    return 0;
  });
}
