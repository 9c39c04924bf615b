import { encodePurlPart } from './encoding.ts';
import type { PackageUrl } from './purl.ts';

function encodePath(path: string): string {
  return path.split('/').map(encodePurlPart).join('/');
}

/** The canonical string of a normalized purl. */
export function formatPurl(p: PackageUrl): string {
  let s = `pkg:${p.type}/`;
  if (p.namespace !== null) s += encodePath(p.namespace) + '/';
  s += p.name.includes('/') ? encodePath(p.name) : encodePurlPart(p.name);
  if (p.version !== null) s += '@' + encodePurlPart(p.version);
  if (p.qualifiers !== null) {
    const pairs = Object.keys(p.qualifiers)
      .sort()
      .map((k) => `${k}=${encodePurlPart(p.qualifiers?.[k] ?? '')}`);
    if (pairs.length > 0) s += '?' + pairs.join('&');
  }
  if (p.subpath !== null) s += '#' + encodePath(p.subpath);
  return s;
}

/**
 * The identity of a package without version, qualifiers or subpath (`pkg:npm/%40angular/core`),
 * used to index components and advisories: two purls of the same package share it.
 */
export function purlKey(p: PackageUrl): string {
  let s = `pkg:${p.type}/`;
  if (p.namespace !== null) s += encodePath(p.namespace) + '/';
  return s + (p.name.includes('/') ? encodePath(p.name) : encodePurlPart(p.name));
}
