// Deep imports, not the @shinrai/core barrel: `sbom scan` loads this file (start-up time).
import { formatPurl } from '@shinrai/core/software/purl';
import { buildPurl } from '@shinrai/core/software/purl';
import { isObj, str, type Obj } from './fields.ts';
import { pointerToken, type SbomProblem } from './problems.ts';
import type { NormalizedSbom, SbomComponent, SbomDependency } from './types.ts';

/** bomRef of the project itself (its `packages` key is the empty string). */
export const LOCK_ROOT_REF = '.';

const SRI_ALG: Record<string, string> = {
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha384: 'SHA-384',
  sha512: 'SHA-512',
};

/** `sha512-<base64>` (possibly several, space-separated) → CycloneDX-style hashes in hex. */
export function integrityHashes(integrity: unknown): { alg: string; value: string }[] {
  if (typeof integrity !== 'string') return [];
  return integrity.split(/\s+/).flatMap((sri) => {
    const m = /^(sha1|sha256|sha384|sha512)-([A-Za-z0-9+/=]+)$/.exec(sri);
    const alg = m?.[1] ? SRI_ALG[m[1]] : undefined;
    if (!m?.[2] || !alg) return [];
    return [{ alg, value: Buffer.from(m[2], 'base64').toString('hex') }];
  });
}

/** Package name from a lockfile path: the part after the last `node_modules/`. */
export function nameFromPath(path: string): string {
  const i = path.lastIndexOf('node_modules/');
  return i >= 0 ? path.slice(i + 'node_modules/'.length) : (path.split('/').pop() ?? path);
}

function npmPurl(name: string, version: string | null): string | null {
  const scoped = name.startsWith('@') && name.includes('/');
  const r = buildPurl({
    type: 'npm',
    namespace: scoped ? name.slice(0, name.indexOf('/')) : null,
    name: scoped ? name.slice(name.indexOf('/') + 1) : name,
    version,
  });
  return r.ok ? formatPurl(r.purl) : null;
}

function depNames(entry: Obj, withDev: boolean): string[] {
  const fields = [
    'dependencies',
    'optionalDependencies',
    'peerDependencies',
    ...(withDev ? ['devDependencies'] : []),
  ];
  const names = new Set<string>();
  for (const f of fields) if (isObj(entry[f])) for (const n of Object.keys(entry[f])) names.add(n);
  return [...names];
}

/** Structural check of a lockfile v2/v3 (there is no official JSON schema for it). */
export function checkNpmLock(doc: Obj): SbomProblem[] {
  const problems: SbomProblem[] = [];
  if (!isObj(doc.packages)) {
    problems.push({ code: 'schema_required', pointer: '', params: { property: 'packages' } });
    return problems;
  }
  for (const [path, entry] of Object.entries(doc.packages)) {
    const pointer = `/packages/${pointerToken(path)}`;
    if (!isObj(entry)) problems.push({ code: 'schema_type', pointer, params: { expected: 'object' } });
    else if (entry.version !== undefined && typeof entry.version !== 'string') {
      problems.push({ code: 'schema_type', pointer: `${pointer}/version`, params: { expected: 'string' } });
    }
    if (problems.length >= 100) break;
  }
  return problems;
}

/**
 * An npm package-lock.json (v2/v3 `packages` map) → NormalizedSbom. Edges follow Node's module
 * resolution: a dependency is looked up in the dependent's own node_modules, then each parent's.
 */
export function normalizeNpmLock(doc: Obj): NormalizedSbom {
  const packages = doc.packages as Record<string, Obj>;
  const links = new Map<string, string>();
  const components: SbomComponent[] = [];
  for (const [path, entry] of Object.entries(packages)) {
    if (path === '') continue;
    if (entry.link === true && typeof entry.resolved === 'string') {
      links.set(path, entry.resolved);
      continue;
    }
    const name = str(entry.name) ?? nameFromPath(path);
    const version = str(entry.version);
    components.push({
      bomRef: path,
      name,
      version,
      purl: npmPurl(name, version),
      type: 'library',
      supplier: null,
      licenses: str(entry.license),
      hashes: integrityHashes(entry.integrity),
      scope: entry.optional === true ? 'optional' : 'required',
      dev: entry.dev === true,
    });
  }

  const resolve = (from: string, dep: string): string | null => {
    let base = from;
    for (;;) {
      const candidate = `${base === '' ? '' : `${base}/`}node_modules/${dep}`;
      if (Object.hasOwn(packages, candidate)) return links.get(candidate) ?? candidate;
      if (base === '') return null;
      const i = base.lastIndexOf('node_modules/');
      base = i <= 0 ? '' : base.slice(0, i - 1);
    }
  };

  const dependencies: SbomDependency[] = [];
  for (const [path, entry] of Object.entries(packages)) {
    if (links.has(path)) continue;
    const own = !path.includes('node_modules/');
    const to = depNames(entry, own).flatMap((d) => {
      const target = resolve(path, d);
      return target === null ? [] : [target === '' ? LOCK_ROOT_REF : target];
    });
    if (to.length > 0) dependencies.push({ from: path === '' ? LOCK_ROOT_REF : path, to });
  }

  const root = packages[''];
  return {
    format: 'npm-lock',
    specVersion: String(doc.lockfileVersion),
    name: str(root?.name) ?? str(doc.name),
    version: str(root?.version) ?? str(doc.version),
    components,
    dependencies,
    rootRefs: [LOCK_ROOT_REF],
  };
}
