import { TLP_EXTENSION, TLP_MARKINGS } from './stix.ts';
import { TLP_LEVELS, type Tlp } from './vocab.ts';

// Reading STIX 2.1 bundles from other tools (MISP's misp-stix, OpenCTI, TAXII collections): limits checked
// before parsing, every problem located by JSON pointer, objects put in dependency order, TLP recognised.

export interface StixReadLimits {
  maxBytes: number;
  maxObjects: number;
  /** Nesting of arrays and objects, the bundle itself being depth 1. */
  maxDepth: number;
}

export const DEFAULT_STIX_READ_LIMITS: StixReadLimits = {
  maxBytes: 16 * 1024 * 1024,
  maxObjects: 50_000,
  maxDepth: 32,
};

export type StixReadCode =
  | 'too_large'
  | 'too_deep'
  | 'too_many_objects'
  | 'not_utf8'
  | 'not_json'
  | 'not_bundle'
  | 'not_object'
  | 'missing'
  | 'bad_type'
  | 'bad_id'
  | 'bad_timestamp'
  | 'bad_spec_version'
  /** The reading worker ran out of its memory limit (the server reads bundles off the event loop). */
  | 'out_of_memory';

export interface StixProblem {
  pointer: string;
  code: StixReadCode;
  params?: Record<string, string | number>;
}

/** Who wrote the bundle, as far as its content tells. */
export type StixProducer = 'misp' | 'opencti' | 'stix';

export interface StixReadObject {
  id: string;
  type: string;
  /** `modified`, else `created`, else '' (objects without versions: SCOs, TLP 1.0 markings). */
  version: string;
  /** Where the object is in the bundle, e.g. `/objects/17`. */
  pointer: string;
  /** 0 markings and extension definitions, 1 identities, 2 other SDOs and SCOs, 3 reports and groupings, 4 relationships and sightings. */
  rank: number;
  tlp: Tlp | null;
  object: Record<string, unknown>;
}

export type StixReadResult =
  { ok: true; producer: StixProducer; objects: StixReadObject[] } | { ok: false; problems: StixProblem[] };

/** The STIX 2.1 TLP 1.0 marking definitions (STIX 2.1 §7.2.1.4); WHITE is TLP 2.0's CLEAR. */
export const TLP1_MARKINGS: Record<string, Tlp> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'clear',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'green',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'amber',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'red',
};

const TLP2_BY_ID: Record<string, Tlp> = Object.fromEntries(
  Object.entries(TLP_MARKINGS).map(([tlp, id]) => [id, tlp as Tlp]),
);

const TYPE_RE = /^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TS_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const SCO_TYPES = new Set([
  'artifact',
  'autonomous-system',
  'directory',
  'domain-name',
  'email-addr',
  'email-message',
  'file',
  'ipv4-addr',
  'ipv6-addr',
  'mac-addr',
  'mutex',
  'network-traffic',
  'process',
  'software',
  'url',
  'user-account',
  'windows-registry-key',
  'x509-certificate',
]);
const RANK: Record<string, number> = {
  'marking-definition': 0,
  'extension-definition': 0,
  'language-content': 3,
  identity: 1,
  report: 3,
  grouping: 3,
  note: 3,
  opinion: 3,
  'observed-data': 3,
  relationship: 4,
  sighting: 4,
};

/** The TLP level a `tlp:` tag names (MISP tags and labels, TLP 1.0 WHITE read as CLEAR), or null. */
export function tlpFromLabel(label: string): Tlp | null {
  const m = /^\s*tlp\s*:\s*([a-z+-]+)\s*$/i.exec(label);
  if (!m?.[1]) return null;
  const v = m[1].toLowerCase().replace('-strict', '+strict');
  if (v === 'white') return 'clear';
  return (TLP_LEVELS as readonly string[]).includes(v) ? (v as Tlp) : null;
}

/** The narrower of two TLP levels (RED narrowest). */
function narrower(a: Tlp | null, b: Tlp | null): Tlp | null {
  if (a === null) return b;
  if (b === null) return a;
  return TLP_LEVELS.indexOf(a) >= TLP_LEVELS.indexOf(b) ? a : b;
}

/** The TLP a marking-definition object expresses: the OASIS TLP 2.0 extension, TLP 1.0, or a `tlp:` statement. */
export function tlpOfMarking(o: Record<string, unknown>): Tlp | null {
  const id = typeof o.id === 'string' ? o.id : '';
  const known = TLP2_BY_ID[id] ?? TLP1_MARKINGS[id];
  if (known) return known;
  const ext = (o.extensions as Record<string, { tlp_2_0?: unknown }> | undefined)?.[TLP_EXTENSION];
  if (typeof ext?.tlp_2_0 === 'string') return tlpFromLabel(`tlp:${ext.tlp_2_0}`);
  const def = o.definition as { tlp?: unknown; statement?: unknown } | undefined;
  if (o.definition_type === 'tlp' && typeof def?.tlp === 'string') return tlpFromLabel(`tlp:${def.tlp}`);
  for (const text of [o.name, def?.statement])
    if (typeof text === 'string') {
      const t = tlpFromLabel(text);
      if (t) return t;
    }
  return null;
}

/** Depth of nesting, found by one pass over the text (strings skipped) before anything is parsed. */
function depthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkObject(o: Record<string, unknown>, p: string, out: StixProblem[]): void {
  const type = o.type;
  if (typeof type !== 'string') {
    out.push({ pointer: `${p}/type`, code: type === undefined ? 'missing' : 'bad_type' });
    return;
  }
  if (!TYPE_RE.test(type)) out.push({ pointer: `${p}/type`, code: 'bad_type' });
  const id = o.id;
  const [idType, uuid] = typeof id === 'string' ? id.split('--') : [];
  if (id === undefined) out.push({ pointer: `${p}/id`, code: 'missing' });
  else if (idType !== type || !uuid || !UUID_RE.test(uuid)) out.push({ pointer: `${p}/id`, code: 'bad_id' });
  const sco = SCO_TYPES.has(type);
  if (o.spec_version !== undefined && o.spec_version !== '2.1')
    out.push({ pointer: `${p}/spec_version`, code: 'bad_spec_version' });
  if (!sco && o.spec_version === undefined && type !== 'marking-definition')
    out.push({ pointer: `${p}/spec_version`, code: 'missing' });
  for (const key of ['created', 'modified'] as const) {
    const v = o[key];
    if (v === undefined) {
      if (!sco && (key === 'created' || type !== 'marking-definition'))
        out.push({ pointer: `${p}/${key}`, code: 'missing' });
    } else if (typeof v !== 'string' || !TS_RE.test(v) || Number.isNaN(Date.parse(v)))
      out.push({ pointer: `${p}/${key}`, code: 'bad_timestamp' });
  }
  const required: Record<string, string[]> = {
    indicator: ['pattern', 'pattern_type', 'valid_from'],
    relationship: ['relationship_type', 'source_ref', 'target_ref'],
    sighting: ['sighting_of_ref'],
    report: ['name', 'published', 'object_refs'],
    'observed-data': ['first_observed', 'last_observed', 'number_observed'],
  };
  for (const key of required[type] ?? []) {
    if (o[key] === undefined) out.push({ pointer: `${p}/${key}`, code: 'missing' });
    else if (
      key === 'object_refs'
        ? !Array.isArray(o[key])
        : key === 'number_observed'
          ? false
          : typeof o[key] !== 'string'
    )
      out.push({ pointer: `${p}/${key}`, code: 'bad_type' });
  }
  for (const key of [
    'valid_from',
    'valid_until',
    'first_seen',
    'last_seen',
    'published',
    'first_observed',
    'last_observed',
  ])
    if (typeof o[key] === 'string' && (!TS_RE.test(o[key]) || Number.isNaN(Date.parse(o[key]))))
      out.push({ pointer: `${p}/${key}`, code: 'bad_timestamp' });
}

function producerOf(objects: Record<string, unknown>[]): StixProducer {
  let misp = false;
  for (const o of objects) {
    if (Object.keys(o).some((k) => k.startsWith('x_opencti_'))) return 'opencti';
    const ext = o.extensions;
    if (
      isObj(ext) &&
      Object.values(ext).some((e) => isObj(e) && Object.keys(e).some((k) => k.startsWith('x_opencti_')))
    )
      return 'opencti';
    if (o.type === 'extension-definition' && typeof o.name === 'string' && /opencti/i.test(o.name))
      return 'opencti';
    const labels = Array.isArray(o.labels) ? o.labels : [];
    if (labels.some((l) => typeof l === 'string' && l.startsWith('misp:'))) misp = true;
    if (o.type === 'identity' && o.name === 'MISP') misp = true;
  }
  return misp ? 'misp' : 'stix';
}

const TLP_DEFAULT_NONE: Tlp | null = null;

/**
 * Reads a STIX 2.1 bundle: size, depth and object count are checked before parsing or walking, then every
 * object's envelope (type, id, spec_version, timestamps, required properties of indicators, relationships,
 * sightings, reports, observed-data). Any problem refuses the whole bundle, located by JSON pointer.
 * Accepted objects come back in dependency order with the TLP their markings or `tlp:` labels give.
 */
export function readStixBundle(
  input: string | Uint8Array,
  limits = DEFAULT_STIX_READ_LIMITS,
): StixReadResult {
  const bytes = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  if (bytes > limits.maxBytes)
    return { ok: false, problems: [{ pointer: '', code: 'too_large', params: { limit: limits.maxBytes } }] };
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return { ok: false, problems: [{ pointer: '', code: 'not_utf8' }] };
    }
  }
  if (depthExceeds(text, limits.maxDepth))
    return { ok: false, problems: [{ pointer: '', code: 'too_deep', params: { limit: limits.maxDepth } }] };
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return {
      ok: false,
      problems: [{ pointer: '', code: 'not_json', params: { detail: (err as Error).message.slice(0, 200) } }],
    };
  }
  if (!isObj(doc) || doc.type !== 'bundle')
    return { ok: false, problems: [{ pointer: '/type', code: 'not_bundle' }] };
  const list = doc.objects ?? [];
  if (!Array.isArray(list)) return { ok: false, problems: [{ pointer: '/objects', code: 'bad_type' }] };
  return readStixObjects(list, limits);
}

/**
 * Checks and orders a list of STIX objects (a bundle's `objects`, or the objects of TAXII envelopes), located
 * as `/objects/N`.
 */
export function readStixObjects(list: unknown[], limits = DEFAULT_STIX_READ_LIMITS): StixReadResult {
  if (list.length > limits.maxObjects)
    return {
      ok: false,
      problems: [{ pointer: '/objects', code: 'too_many_objects', params: { limit: limits.maxObjects } }],
    };
  const problems: StixProblem[] = [];
  list.forEach((o, i) => {
    if (!isObj(o)) problems.push({ pointer: `/objects/${i}`, code: 'not_object' });
    else checkObject(o, `/objects/${i}`, problems);
  });
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, 200) };
  const objects = list as Record<string, unknown>[];
  // Markings of the bundle (besides the well-known ids) and what each id resolves to.
  const markingTlp = new Map<string, Tlp>();
  for (const o of objects)
    if (o.type === 'marking-definition') {
      const t = tlpOfMarking(o);
      if (t) markingTlp.set(o.id as string, t);
    }
  const tlpOf = (o: Record<string, unknown>): Tlp | null => {
    if (o.type === 'marking-definition') return tlpOfMarking(o);
    let tlp = TLP_DEFAULT_NONE;
    const refs = Array.isArray(o.object_marking_refs) ? o.object_marking_refs : [];
    for (const r of refs)
      if (typeof r === 'string')
        tlp = narrower(tlp, markingTlp.get(r) ?? TLP2_BY_ID[r] ?? TLP1_MARKINGS[r] ?? null);
    const labels = Array.isArray(o.labels) ? o.labels : [];
    for (const l of labels) if (typeof l === 'string') tlp = narrower(tlp, tlpFromLabel(l));
    return tlp;
  };
  const read: StixReadObject[] = objects.map((o, i) => {
    const type = o.type as string;
    return {
      id: o.id as string,
      type,
      version: typeof o.modified === 'string' ? o.modified : typeof o.created === 'string' ? o.created : '',
      pointer: `/objects/${i}`,
      rank: RANK[type] ?? 2,
      tlp: tlpOf(o),
      object: o,
    };
  });
  read.sort((a, b) => a.rank - b.rank || cmpVersion(a.version, b.version) || indexOf(a) - indexOf(b));
  return { ok: true, producer: producerOf(objects), objects: read };
}

const indexOf = (o: StixReadObject) => Number(o.pointer.slice('/objects/'.length));

/** Compares two STIX timestamps by the instant (fractions of any length; `…00Z` equals `…00.000Z`). */
export function cmpVersion(a: string, b: string): number {
  if (a === b) return 0;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta - tb;
  const fa = /\.(\d+)Z$/.exec(a)?.[1] ?? '';
  const fb = /\.(\d+)Z$/.exec(b)?.[1] ?? '';
  const n = Math.max(fa.length, fb.length);
  return fa.padEnd(n, '0').localeCompare(fb.padEnd(n, '0'));
}

/** The ids an object refers to that must exist for it to mean anything (relationship ends, sighting target). */
export function requiredRefs(o: Record<string, unknown>): { pointer: string; id: string }[] {
  const out: { pointer: string; id: string }[] = [];
  for (const key of ['source_ref', 'target_ref', 'sighting_of_ref'])
    if (typeof o[key] === 'string') out.push({ pointer: `/${key}`, id: o[key] });
  return out;
}

/** What a person reads of an imported object: a name and a value (pattern, observable value), first and last seen. */
export function stixSummary(o: Record<string, unknown>): {
  name: string | null;
  value: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
} {
  const str = (k: string) => (typeof o[k] === 'string' ? o[k] : null);
  return {
    name: str('name'),
    value: str('pattern') ?? str('value') ?? str('description')?.slice(0, 500) ?? null,
    firstSeen: str('valid_from') ?? str('first_seen') ?? str('first_observed') ?? str('published'),
    lastSeen: str('valid_until') ?? str('last_seen') ?? str('last_observed'),
  };
}
