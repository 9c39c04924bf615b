import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// medallion's reference data (data/taxii/, NOTE.md) and its filter rules, for test/conformance/taxii-server.test.ts:
// `reference()` transcribes medallion/filters/basic_filter.py (match[type], match[id], added_after,
// match[spec_version], match[version], in that order) so that expected answers come from the data.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA = JSON.parse(
  readFileSync(path.join(ROOT, 'test/conformance/data/taxii/medallion-default-data.json'), 'utf8'),
) as Record<string, Record<string, unknown>>;
export const TAXII = 'application/taxii+json;version=2.1';
export const STIX21 = 'application/stix+json;version=2.1';

interface RefCollection {
  id: string;
  title: string;
  description?: string;
  can_read: boolean;
  can_write: boolean;
  media_types: string[];
  objects: Record<string, unknown>[];
  manifest: { id: string; date_added: string; version: string; media_type: string }[];
}
export const refCollections = (DATA.trustgroup1 as { collections: RefCollection[] }).collections;
export const populated = refCollections.find((c) => c.objects.length > 0) as RefCollection;

export interface Entry {
  id: string;
  type: string;
  spec: string;
  version: string;
  dateAdded: string;
  object: Record<string, unknown>;
}
/** The version of an object as TAXII counts it: modified, else created (medallion's find_att). */
export const versionOf = (o: Record<string, unknown>) => String(o.modified ?? o.created);
/** medallion keeps microseconds; every reference timestamp ends in 000, so milliseconds lose nothing. */
export const ms = (t: string) => new Date(t).toISOString();

// Each object version with its manifest entry (date_added, media type), in date_added order.
export const all: Entry[] = populated.objects
  .map((o) => {
    const m = populated.manifest.find((x) => x.id === o.id && x.version === versionOf(o));
    if (!m) throw new Error(`no manifest entry for ${String(o.id)}`);
    return {
      id: String(o.id),
      type: String(o.type),
      spec: m.media_type.split('version=')[1] ?? '',
      version: versionOf(o),
      dateAdded: m.date_added,
      object: o,
    };
  })
  .sort((a, b) => Date.parse(a.dateAdded) - Date.parse(b.dateAdded));
// We serve STIX 2.1 only: the one STIX 2.0 version in the data (a malware object) is not loaded (NOTE.md).
export const served = all.filter((e) => e.spec === '2.1');

export type Query = Record<string, string>;
/** medallion's BasicFilter.process_filter on the served entries, limit aside. */
export function reference(q: Query, entries = served): Entry[] {
  let r = entries;
  if (q['match[type]']) r = r.filter((e) => q['match[type]']!.split(',').includes(e.type));
  if (q['match[id]']) r = r.filter((e) => q['match[id]']!.split(',').includes(e.id));
  if (q.added_after) r = r.filter((e) => Date.parse(e.dateAdded) > Date.parse(q.added_after!));
  if (q['match[spec_version]']) r = r.filter((e) => q['match[spec_version]']!.split(',').includes(e.spec));
  const wanted = (q['match[version]'] ?? 'last').split(',');
  if (!wanted.includes('all')) {
    const pick = new Set<Entry>();
    const dates = wanted.filter((w) => w !== 'first' && w !== 'last').map((w) => Date.parse(w));
    for (const e of r) if (dates.includes(Date.parse(e.version))) pick.add(e);
    for (const [kind, better] of [
      ['first', (a: Entry, b: Entry) => a.version < b.version],
      ['last', (a: Entry, b: Entry) => a.version > b.version],
    ] as const) {
      if (!wanted.includes(kind)) continue;
      const best = new Map<string, Entry>();
      for (const e of r) if (!best.has(e.id) || better(e, best.get(e.id)!)) best.set(e.id, e);
      for (const e of best.values()) pick.add(e);
    }
    r = r.filter((e) => pick.has(e));
  }
  return r;
}
