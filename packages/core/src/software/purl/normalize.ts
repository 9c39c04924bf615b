import { decodePurlPart } from './encoding.ts';
import { purlFail, type PackageUrl, type PurlResult } from './purl.ts';
import { PURL_TYPE_RULES } from './type-rules.ts';

const TYPE = /^[A-Za-z][A-Za-z0-9.-]*$/;
const QUALIFIER_KEY = /^[a-z][a-z0-9._-]*$/;

/** Decoded components before the generic and type rules are applied. */
export interface RawPurl {
  type: string | null;
  namespaceSegments: string[];
  name: string | null;
  version: string | null;
  qualifiers: [string, string][];
  subpathSegments: string[];
}

export interface NormalizeOptions {
  /** Reject qualifier keys that are not already lowercase instead of lowercasing them. */
  strict?: boolean;
}

/** Splits a path on `/`, drops empty segments and, for subpaths, `.` and `..`. */
export function pathSegments(path: string, subpath: boolean): string[] {
  return path.split('/').filter((s) => s !== '' && (!subpath || (s !== '.' && s !== '..')));
}

export function decodeSegments(segments: string[]): string[] | null {
  const out: string[] = [];
  for (const s of segments) {
    const d = decodePurlPart(s);
    if (d === null) return null;
    out.push(d);
  }
  return out;
}

/** Applies the generic purl rules and the rules of the purl's type. */
export function normalizeRawPurl(raw: RawPurl, options: NormalizeOptions = {}): PurlResult {
  if (raw.type === null || !TYPE.test(raw.type)) return purlFail('bad_type', raw.type ?? undefined);
  const type = raw.type.toLowerCase();
  const rule = PURL_TYPE_RULES[type] ?? {};

  let nsSegments = raw.namespaceSegments;
  let name = raw.name ?? '';
  if (rule.hostNamespace && nsSegments.length > 1) {
    name = [...nsSegments.slice(1), name].join('/');
    nsSegments = nsSegments.slice(0, 1);
  }
  if (name === '') return purlFail('missing_name');
  if (!rule.hostNamespace && name.includes('/')) return purlFail('bad_name', name);
  if (nsSegments.some((s) => s.includes('/') || s === '')) return purlFail('bad_namespace');

  let namespace = nsSegments.length > 0 ? nsSegments.join('/') : null;
  if (rule.namespace === 'required' && namespace === null) return purlFail('bad_namespace');
  if (rule.namespace === 'prohibited' && namespace !== null) return purlFail('bad_namespace', namespace);
  if (namespace !== null && rule.lowercaseNamespace) namespace = namespace.toLowerCase();
  if (rule.lowercaseName) name = name.toLowerCase();
  if (rule.dashName) name = name.replaceAll('_', '-');
  if (rule.namePattern && !rule.namePattern.test(name)) return purlFail('bad_name', name);

  let version = raw.version === '' ? null : raw.version;
  if (version !== null && rule.lowercaseVersion) version = version.toLowerCase();
  if (version !== null && rule.versionPattern && !rule.versionPattern.test(version)) {
    return purlFail('bad_version', version);
  }

  const qualifiers: Record<string, string> = {};
  for (const [rawKey, value] of raw.qualifiers) {
    const key = rawKey.toLowerCase();
    if (options.strict && key !== rawKey) return purlFail('bad_qualifier', rawKey);
    if (!QUALIFIER_KEY.test(key)) return purlFail('bad_qualifier', rawKey);
    if (Object.hasOwn(qualifiers, key)) return purlFail('bad_qualifier', rawKey);
    if (value === '') continue;
    qualifiers[key] = value;
  }
  for (const q of rule.requiredQualifiers ?? []) {
    if (!Object.hasOwn(qualifiers, q)) return purlFail('missing_qualifier', q);
  }
  if (rule.lowercaseNameWhen?.(qualifiers)) name = name.toLowerCase();
  const keys = Object.keys(qualifiers).sort();
  const sorted = keys.length > 0 ? Object.fromEntries(keys.map((k) => [k, qualifiers[k] ?? ''])) : null;

  const subSegments = raw.subpathSegments.filter((s) => s !== '' && s !== '.' && s !== '..');
  if (subSegments.some((s) => s.includes('/'))) return purlFail('bad_subpath');
  const subpath = subSegments.length > 0 ? subSegments.join('/') : null;

  const purl: PackageUrl = { type, namespace, name, version, qualifiers: sorted, subpath };
  return { ok: true, purl };
}
