import type { TaxiiVersionMatch } from '@shinrai/store';
import { taxiiFail } from './http.ts';

/** Page size when none is asked for, and the most a page holds (larger requests get this many). */
export const TAXII_DEFAULT_LIMIT = 100;
export const TAXII_MAX_LIMIT = 1000;

/** The TAXII endpoints that page objects. */
export type Endpoint = 'objects' | 'manifest' | 'versions';

export interface Filters {
  addedAfter?: string;
  ids?: string[];
  types?: string[];
  versions: TaxiiVersionMatch[];
  limit: number;
  next?: string;
  /** match[spec_version] names no version served (only 2.1 is): the answer is empty, not an error. */
  nothing?: boolean;
}

const STIX_ID = /^[a-z0-9-]{1,250}--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const STIX_TYPE = /^[a-z0-9-]{1,250}$/;

function bad(name: string, why: string): never {
  return taxiiFail(400, 'Bad Request', `${name}: ${why}`);
}

/** One query parameter's values: repeated and comma-separated values alike (at most 100). */
function values(raw: Record<string, unknown>, name: string): string[] | undefined {
  const v = raw[name];
  if (v === undefined) return undefined;
  const list = (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(',')).map((x) => x.trim());
  if (list.length > 100 || list.some((x) => x === '')) bad(name, 'at most 100 non-empty values');
  return list;
}

function timestamp(name: string, s: string): string {
  const d = new Date(s);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(s) || Number.isNaN(d.getTime()))
    bad(name, 'an RFC 3339 UTC timestamp (…Z) is expected');
  return d.toISOString();
}

/** The TAXII filters of a query string (added_after, match[id|type|version], limit, next), checked. */
export function parseFilters(raw: Record<string, unknown>, endpoint: Endpoint, objectId?: string): Filters {
  const known = new Set([
    'added_after',
    'limit',
    'next',
    'match[id]',
    'match[type]',
    'match[version]',
    'match[spec_version]',
  ]);
  const unknown = Object.keys(raw).find((k) => !known.has(k));
  if (unknown !== undefined) bad(unknown, 'unknown parameter');
  const one = (name: string) => {
    const v = values(raw, name);
    if (v && v.length !== 1) bad(name, 'one value expected');
    return v?.[0];
  };
  const after = one('added_after');
  const limitText = one('limit');
  let limit = TAXII_DEFAULT_LIMIT;
  if (limitText !== undefined) {
    if (!/^\d{1,9}$/.test(limitText) || Number(limitText) < 1) bad('limit', 'a positive integer is expected');
    limit = Math.min(Number(limitText), TAXII_MAX_LIMIT);
  }
  const ids = objectId !== undefined ? [objectId] : values(raw, 'match[id]');
  if (ids?.some((id) => !STIX_ID.test(id)))
    bad(objectId ? 'object-id' : 'match[id]', 'a STIX id is expected');
  const types = values(raw, 'match[type]');
  if (types?.some((t) => !STIX_TYPE.test(t))) bad('match[type]', 'a STIX type is expected');
  const specs = values(raw, 'match[spec_version]');
  if (specs?.some((s) => !/^\d{1,3}\.\d{1,3}$/.test(s)))
    bad('match[spec_version]', 'a STIX version (2.1) is expected');
  const versionText = values(raw, 'match[version]') ?? [endpoint === 'versions' ? 'all' : 'last'];
  const at = versionText
    .filter((v) => !['last', 'first', 'all'].includes(v))
    .map((v) => timestamp('match[version]', v));
  const versions: TaxiiVersionMatch[] = [
    ...(['last', 'first', 'all'] as const).filter((k) => versionText.includes(k)).map((kind) => ({ kind })),
    ...(at.length ? [{ kind: 'at' as const, at }] : []),
  ];
  return {
    ...(after === undefined ? {} : { addedAfter: timestamp('added_after', after) }),
    ...(ids ? { ids } : {}),
    ...(types ? { types } : {}),
    versions,
    limit,
    ...(one('next') === undefined ? {} : { next: one('next') }),
    ...(specs && !specs.includes('2.1') ? { nothing: true } : {}),
  };
}
