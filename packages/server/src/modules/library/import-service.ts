import type { CatalogPack, Locale, Provenance } from '@shinrai/core';
import {
  findCatalogForOrg,
  findCatalogVersion,
  findOrganization,
  insertCatalog,
  type Database,
} from '@shinrai/store';
import type { Transaction } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { Deps } from '../../platform/deps.ts';
import type { Actor } from '../../platform/services/audit-trail.ts';
import { audit } from '../../platform/services/audit-trail.ts';
import {
  buildPackFromTable,
  diffPacks,
  EXPORT_COLUMNS,
  type ColumnMapping,
  type PackChanges,
  type PackHeader,
} from './catalog-import.ts';
import type { ImportProblem } from '@shinrai/formats/sheets';
import { checkPack } from './pack-loader.ts';
import type { ReadResult } from '@shinrai/formats/sheets';
import { readTableOffThread } from '../../platform/workers/sheets.ts';
import { headerFromMeta, META_JSON_SHEET, META_SHEET } from './xlsx-export.ts';

export interface ImportOptions {
  sheet?: string;
  mapping?: ColumnMapping;
  /** For a new catalog: its URN, version and titles. Taken from a `meta` sheet when absent. */
  header?: {
    id: string;
    version: string;
    title: { ja: string; en: string };
    publisher?: { ja: string; en: string };
  };
  /** Extend this catalog (a new version of it is made). */
  baseCatalogId?: string;
  defaultProvenance?: Provenance;
}

export type ImportOutcome =
  | {
      ok: true;
      pack: CatalogPack;
      checksum: string;
      changes: PackChanges;
      itemCount: number;
      sheets: string[];
    }
  | { ok: false; problems: ImportProblem[]; sheets: string[] };

/** One sheet of the upload (.xlsx or .csv), read and checked in a parse worker. */
export function readTable(file: Buffer, filename: string, sheet?: string): Promise<ReadResult> {
  return readTableOffThread(file, filename, sheet);
}

const bumpMinor = (v: string) => {
  const [maj = '1', min = '0'] = v.split('.');
  return `${maj}.${Number(min) + 1}.0`;
};

/** Reads a sheet and turns it into a validated pack, with the changes against what it extends. Writes nothing. */
export async function prepareImport(
  deps: Deps,
  orgId: string,
  file: Buffer,
  filename: string,
  o: ImportOptions,
): Promise<ImportOutcome> {
  const read = await readTable(file, filename, o.sheet);
  if (!read.ok) return { ok: false, problems: read.problems, sheets: read.sheets };
  let header: PackHeader | undefined;
  let base: CatalogPack | undefined;
  if (o.baseCatalogId !== undefined) {
    const row = await findCatalogForOrg(deps.store.db, orgId, o.baseCatalogId);
    if (!row)
      return {
        ok: false,
        problems: [{ code: 'bad_meta', params: { detail: 'baseCatalogId' } }],
        sheets: read.sheets,
      };
    base = JSON.parse(row.pack) as CatalogPack;
    const { nodes: _n, ...h } = base;
    header = { ...h, version: o.header?.version ?? bumpMinor(h.version) };
  } else if (o.header !== undefined) {
    // Without a publisher the catalog is the importing organization's own (not named after itself).
    const org = o.header.publisher ? undefined : await findOrganization(deps.store.db, orgId);
    header = {
      id: o.header.id,
      version: o.header.version,
      title: o.header.title,
      publisher: o.header.publisher ?? { ja: org?.name ?? '', en: org?.name ?? '' },
      sources: [{ title: filename, url: 'urn:shinrai:import' }],
      answerModels: {},
    };
  } else if (
    !/\.csv$/i.test(filename) &&
    (read.sheets.includes(META_JSON_SHEET) || read.sheets.includes(META_SHEET))
  ) {
    // Shinrai's exports carry the exact header in the hidden `meta_json` sheet; older ones in `meta`.
    const sheet = read.sheets.includes(META_JSON_SHEET) ? META_JSON_SHEET : META_SHEET;
    const meta = await readTableOffThread(file, filename, sheet);
    const parsed = meta.ok ? headerFromMeta(meta.table.rows) : 'meta';
    if (typeof parsed === 'string')
      return {
        ok: false,
        problems: [{ code: 'bad_meta', sheet, params: { detail: parsed } }],
        sheets: read.sheets,
      };
    header = parsed;
  }
  if (header === undefined)
    return { ok: false, problems: [{ code: 'bad_meta', params: { detail: 'header' } }], sheets: read.sheets };
  const built = buildPackFromTable(read.table, o.mapping ?? EXPORT_COLUMNS, {
    header,
    base: base?.nodes,
    defaultProvenance: o.defaultProvenance ?? 'own',
  });
  if (!built.ok) return { ok: false, problems: built.problems, sheets: read.sheets };
  const checked = checkPack(built.pack, filename);
  if (!checked.ok) {
    return {
      ok: false,
      problems: checked.errors.map((e) => ({
        code: 'bad_meta' as const,
        params: { detail: `${e.pointer}: ${e.message}` },
      })),
      sheets: read.sheets,
    };
  }
  const changes = diffPacks(base?.nodes ?? [], checked.pack.nodes);
  const itemCount = countItems(checked.pack);
  return {
    ok: true,
    pack: checked.pack,
    checksum: checked.checksum,
    changes,
    itemCount,
    sheets: read.sheets,
  };
}

function countItems(pack: CatalogPack): number {
  let n = 0;
  const walk = (list: CatalogPack['nodes']) => {
    for (const x of list) {
      if (x.answerModel !== undefined) n++;
      if (x.children) walk(x.children);
    }
  };
  walk(pack.nodes);
  return n;
}

/** Stores a prepared import as the organization's catalog version, all or nothing, audited. */
export async function applyImport(
  deps: Deps,
  trx: Transaction<Database>,
  actor: Actor,
  orgId: string,
  prepared: { pack: CatalogPack; checksum: string; itemCount: number },
): Promise<{ id: string } | { conflict: true }> {
  if (await findCatalogVersion(trx, orgId, prepared.pack.id, prepared.pack.version))
    return { conflict: true };
  const id = randomUUID();
  await insertCatalog(trx, {
    id,
    scope: orgId,
    pack: prepared.pack,
    checksum: prepared.checksum,
    now: deps.now().toISOString(),
  });
  await audit(
    deps,
    trx,
    actor,
    orgId,
    'catalog.import',
    { type: 'catalog', id },
    { urn: prepared.pack.id, version: prepared.pack.version, items: prepared.itemCount },
  );
  return { id };
}

export type { Locale };
