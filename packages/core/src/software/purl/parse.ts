import { decodePurlPart } from './encoding.ts';
import { decodeSegments, normalizeRawPurl, pathSegments, type NormalizeOptions } from './normalize.ts';
import { purlFail, type PurlComponents, type PurlResult } from './purl.ts';

/** Longer strings are rejected before any work (a purl in the wild is well under 1 KB). */
export const MAX_PURL_LENGTH = 4096;

/**
 * Parses and normalizes a purl string (ECMA-427 parsing steps, then the type's rules).
 * Qualifier keys in upper case are lowercased unless `strict` is set.
 */
export function parsePurl(input: unknown, options: NormalizeOptions = {}): PurlResult {
  if (typeof input !== 'string') return purlFail('not_a_string');
  if (input.length > MAX_PURL_LENGTH) return purlFail('too_long');
  let rest = input.trim();

  let subpathSegments: string[] = [];
  const hash = rest.lastIndexOf('#');
  if (hash >= 0) {
    const decoded = decodeSegments(pathSegments(rest.slice(hash + 1), true));
    if (decoded === null) return purlFail('bad_encoding', 'subpath');
    subpathSegments = decoded;
    rest = rest.slice(0, hash);
  }

  const qualifiers: [string, string][] = [];
  const question = rest.lastIndexOf('?');
  if (question >= 0) {
    for (const pair of rest.slice(question + 1).split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      if (eq <= 0) return purlFail('bad_qualifier', pair);
      const value = decodePurlPart(pair.slice(eq + 1));
      if (value === null) return purlFail('bad_encoding', 'qualifiers');
      qualifiers.push([pair.slice(0, eq), value]);
    }
    rest = rest.slice(0, question);
  }

  const colon = rest.indexOf(':');
  if (colon < 0 || rest.slice(0, colon).toLowerCase() !== 'pkg') return purlFail('bad_scheme');
  rest = rest
    .slice(colon + 1)
    .replace(/^\/+/, '')
    .replace(/\/+$/, '');

  const slash = rest.indexOf('/');
  if (slash < 0) return purlFail(rest === '' ? 'bad_type' : 'missing_name');
  const type = rest.slice(0, slash);
  rest = rest.slice(slash + 1);

  // The version separator is the last `@` after the last `/` (an npm scope also starts with `@`).
  let version: string | null = null;
  const at = rest.lastIndexOf('@');
  if (at > rest.lastIndexOf('/')) {
    version = decodePurlPart(rest.slice(at + 1));
    if (version === null) return purlFail('bad_encoding', 'version');
    rest = rest.slice(0, at);
  }

  const lastSlash = rest.lastIndexOf('/');
  const name = decodePurlPart(rest.slice(lastSlash + 1));
  if (name === null) return purlFail('bad_encoding', 'name');
  if (name === '') return purlFail('missing_name');
  const segments = decodeSegments(pathSegments(lastSlash >= 0 ? rest.slice(0, lastSlash) : '', false));
  if (segments === null) return purlFail('bad_encoding', 'namespace');

  return normalizeRawPurl(
    { type, namespaceSegments: segments, name, version, qualifiers, subpathSegments },
    options,
  );
}

/** Validates and normalizes purl components given one by one (the purl-spec "build" operation). */
export function buildPurl(c: PurlComponents): PurlResult {
  const qualifiers: [string, string][] = [];
  for (const [k, v] of Object.entries(c.qualifiers ?? {})) {
    if (v !== null && v !== undefined) qualifiers.push([k, v]);
  }
  return normalizeRawPurl({
    type: c.type ?? null,
    namespaceSegments: c.namespace ? pathSegments(c.namespace, false) : [],
    name: c.name ?? null,
    version: c.version ?? null,
    qualifiers,
    subpathSegments: c.subpath ? pathSegments(c.subpath, true) : [],
  });
}
