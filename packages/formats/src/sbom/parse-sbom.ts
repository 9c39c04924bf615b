import { normalizeCycloneDx } from './cyclonedx.ts';
import { readCycloneDxXml, xmlPath } from './cyclonedx-xml.ts';
import { isObj, str, type Obj } from './fields.ts';
import { MAX_DEPTH, deeperThan, parseJsonText } from './json-text.ts';
import { checkNpmLock, normalizeNpmLock } from './npm-lock.ts';
import type { SbomProblem } from './problems.ts';
import { schemaProblems, validatorFor, type SchemaId } from './schema-validator.ts';
import { normalizeSpdx } from './spdx.ts';
import { readSpdxTagValue } from './spdx-tag-value.ts';
import { isSpdx3, readSpdx3 } from './spdx3.ts';
import { applyConventions } from './conventions.ts';
import { valueAt } from './schema-validator.ts';
import type { NormalizedSbom, ParseSbomOptions, ParseSbomResult } from './types.ts';

export const DEFAULT_MAX_SBOM_BYTES = 100 * 1024 * 1024;
export const CYCLONEDX_VERSIONS = ['1.0', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7'] as const;
export const SPDX_VERSIONS = ['SPDX-2.2', 'SPDX-2.3'] as const;
const MAX_PROBLEMS = 100;

function fail(...problems: SbomProblem[]): ParseSbomResult {
  return { ok: false, problems };
}

/** CycloneDX 1.0 and 1.1 were XML only: after conversion they are checked with the first JSON schema (1.2). */
function cdxSchema(version: string): SchemaId {
  return version === '1.0' || version === '1.1' ? 'cyclonedx-1.2' : (`cyclonedx-${version}` as SchemaId);
}

/**
 * The core structure a BOM cannot be read without: the document itself and its list of components
 * (packages). A schema problem there refuses the file even when lenient; anything deeper (a license,
 * an enum value, a URL of one component) is a field-level problem.
 */
function isCore(p: SbomProblem, lists: readonly string[]): boolean {
  const ptr = p.pointer ?? '';
  if (ptr === '') return p.code === 'schema_type';
  return lists.includes(ptr) && (p.code === 'schema_type' || p.code === 'schema_choice');
}

/** The component a pointer lies in (`/components/3/licenses/0` → that component's name@version). */
function componentAt(doc: unknown, pointer: string): string | undefined {
  const m = /^(.*\/(?:components|packages)\/\d+)(?:\/|$)/u.exec(pointer);
  if (!m?.[1]) return undefined;
  const c = valueAt(doc, m[1]);
  if (c === null || typeof c !== 'object') return undefined;
  const o = c as Record<string, unknown>;
  const name = typeof o.name === 'string' ? o.name : '';
  const version =
    typeof o.version === 'string' ? o.version : typeof o.versionInfo === 'string' ? o.versionInfo : '';
  return name === '' ? undefined : version === '' ? name : `${name}@${version}`;
}

/**
 * Strict: any schema problem refuses the file (the behaviour before issue 12). Lenient (default):
 * only core-structure problems refuse it; the rest become warnings located on their component.
 */
function screen(
  problems: SbomProblem[],
  doc: unknown,
  options: ParseSbomOptions,
  lists: readonly string[],
): { refuse: SbomProblem[]; warnings: SbomProblem[] } {
  if (options.strict === true) return { refuse: problems, warnings: [] };
  const refuse = problems.filter((p) => isCore(p, lists));
  if (refuse.length > 0) return { refuse, warnings: [] };
  const warnings = problems.map((p) => {
    const component = p.pointer === undefined ? undefined : componentAt(doc, p.pointer);
    return component === undefined ? p : { ...p, component };
  });
  return { refuse: [], warnings };
}

/** Ajv validation with a capped, located problem list. */
function validate(id: SchemaId, doc: unknown, mapPointer?: (p: string) => string): SbomProblem[] {
  const v = validatorFor(id);
  if (v(doc)) return [];
  const problems = schemaProblems(v.errors ?? [], MAX_PROBLEMS, doc);
  if (mapPointer) for (const p of problems) if (p.pointer !== undefined) p.pointer = mapPointer(p.pointer);
  if ((v.errors?.length ?? 0) > problems.length && problems.length >= MAX_PROBLEMS) {
    problems.push({ code: 'too_many_problems', params: { limit: MAX_PROBLEMS } });
  }
  return problems;
}

function cycloneDx(doc: Obj, options: ParseSbomOptions, mapPointer?: (p: string) => string): ParseSbomResult {
  const spec = doc.specVersion;
  if (spec === undefined) {
    return fail({ code: 'missing_spec_version', pointer: '/specVersion', params: { field: 'specVersion' } });
  }
  const version = typeof spec === 'string' ? spec : JSON.stringify(spec);
  if (!(CYCLONEDX_VERSIONS as readonly string[]).includes(version)) {
    return fail({
      code: 'unsupported_version',
      pointer: '/specVersion',
      params: { value: version, supported: CYCLONEDX_VERSIONS.join(', ') },
    });
  }
  const t0 = performance.now();
  const screened = screen(validate(cdxSchema(version), doc), doc, options, [
    '/components',
    '/metadata',
    '/dependencies',
  ]);
  if (options.timings) options.timings.validate = performance.now() - t0;
  if (mapPointer)
    for (const p of screened.refuse) if (p.pointer !== undefined) p.pointer = mapPointer(p.pointer);
  if (screened.refuse.length > 0) return { ok: false, problems: screened.refuse };
  const warnings: SbomProblem[] = [];
  const sbom = normalizeCycloneDx(doc, version, warnings);
  warnings.unshift(...screened.warnings);
  if (mapPointer) for (const w of warnings) if (w.pointer !== undefined) w.pointer = mapPointer(w.pointer);
  return { ok: true, sbom, warnings };
}

function spdx(doc: Obj, options: ParseSbomOptions, lines?: Map<string, number>): ParseSbomResult {
  const version = str(doc.spdxVersion);
  if (!(SPDX_VERSIONS as readonly (string | null)[]).includes(version)) {
    return fail({
      code: 'unsupported_version',
      pointer: '/spdxVersion',
      params: { value: version ?? '', supported: SPDX_VERSIONS.join(', ') },
    });
  }
  // No SPDX 2.2 JSON schema is bundled: 2.3 only relaxed 2.2 (schemas/README.md).
  const t0 = performance.now();
  const screened = screen(validate('spdx-2.3', doc), doc, options, ['/packages', '/relationships']);
  if (options.timings) options.timings.validate = performance.now() - t0;
  if (screened.refuse.length > 0) return { ok: false, problems: screened.refuse };
  const warnings: SbomProblem[] = [];
  const sbom = normalizeSpdx(doc, warnings);
  warnings.unshift(...screened.warnings);
  if (lines) {
    // Tag-value: pointers into the converted document become lines of the file.
    for (const w of warnings) {
      const m = w.pointer === undefined ? null : /^\/(?:packages|relationships)\/\d+/u.exec(w.pointer);
      const line = m ? lines.get(m[0]) : undefined;
      if (line !== undefined) w.line = line;
    }
  }
  return { ok: true, sbom, warnings };
}

function npmLock(doc: Obj): ParseSbomResult {
  const v = doc.lockfileVersion;
  if (v !== 2 && v !== 3) {
    return fail({
      code: 'unsupported_version',
      pointer: '/lockfileVersion',
      params: { value: String(v), supported: '2, 3' },
    });
  }
  const problems = checkNpmLock(doc);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, sbom: normalizeNpmLock(doc), warnings: [] };
}

function fromJson(text: string, options: ParseSbomOptions): ParseSbomResult {
  const t0 = performance.now();
  const parsed = parseJsonText(text);
  if (!parsed.ok) return fail(parsed.problem);
  const doc = parsed.value;
  if (!isObj(doc)) return fail({ code: 'unknown_format', pointer: '' });
  if (deeperThan(doc, MAX_DEPTH)) return fail({ code: 'too_deep', params: { limit: MAX_DEPTH } });
  if (options.timings) options.timings.parse = (options.timings.parse ?? 0) + performance.now() - t0;
  if (doc.spdxVersion !== undefined) return spdx(doc, options);
  if (isSpdx3(doc)) {
    const warnings: SbomProblem[] = [];
    const sbom = readSpdx3(doc, warnings);
    return 'code' in sbom ? fail(sbom) : { ok: true, sbom, warnings };
  }
  if (doc.lockfileVersion !== undefined) return npmLock(doc);
  const schemaUrl = str(doc.$schema) ?? '';
  if (doc.bomFormat !== undefined || schemaUrl.includes('cyclonedx') || doc.specVersion !== undefined) {
    return cycloneDx(doc, options);
  }
  return fail({ code: 'unknown_format', pointer: '' });
}

function fromXml(text: string, options: ParseSbomOptions): ParseSbomResult {
  const read = readCycloneDxXml(text, CYCLONEDX_VERSIONS);
  if (!read.ok) return { ok: false, problems: read.problems };
  return cycloneDx(read.doc, options, xmlPath);
}

function fromTagValue(text: string, options: ParseSbomOptions): ParseSbomResult {
  const read = readSpdxTagValue(text);
  if (!read.ok) return { ok: false, problems: read.problems };
  return spdx(read.doc, options, read.lines);
}

/**
 * Detects and reads an SBOM: CycloneDX 1.0–1.7 JSON or XML, SPDX 2.2/2.3 JSON or tag-value, SPDX 3.0
 * JSON-LD (read structurally: no SPDX 3 schema is bundled, so `strict` checks nothing more there), or
 * an npm package-lock.json v2/v3. Validates against the official schema (compiled once per process) and
 * returns located problems; never throws. Lenient by default: a field-level schema problem (an odd
 * license, an unknown enum value, a bad URL) is a warning located on its component, and only an
 * unreadable document or a broken core structure refuses the file; `options.strict` refuses on any
 * schema problem. Invalid purls never refuse the BOM: the component keeps `purl: null` and a located
 * warning is returned, as are components that cannot be matched (no purl, no advisory database for
 * the type, no or an unreadable version). Generator conventions are normalised (`conventions.ts`).
 */
export function parseSbom(bytes: Buffer, filename?: string, options: ParseSbomOptions = {}): ParseSbomResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_SBOM_BYTES;
  if (bytes.length > maxBytes) {
    return fail({ code: 'too_large', params: { limit: Math.round((maxBytes / 1024 / 1024) * 10) / 10 } });
  }
  const t0 = performance.now();
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const start = text.trimStart();
    if (start === '') return fail({ code: 'empty' });
    if (options.timings) options.timings.parse = performance.now() - t0;
    const xml =
      start.startsWith('<') || (filename?.toLowerCase().endsWith('.xml') === true && !start.startsWith('{'));
    const result = xml
      ? fromXml(text, options)
      : /^SPDXVersion\s*:/u.test(start)
        ? fromTagValue(text, options)
        : fromJson(text, options);
    if (result.ok && result.sbom.format !== 'npm-lock') applyConventions(result.sbom, result.warnings);
    const t = options.timings;
    if (t) t.normalise = performance.now() - t0 - (t.parse ?? 0) - (t.validate ?? 0);
    return result;
  } catch (e) {
    if (e instanceof TypeError && /encoded data was not valid/i.test(e.message))
      return fail({ code: 'not_utf8' });
    return fail({ code: 'internal', params: { detail: e instanceof Error ? e.message : String(e) } });
  }
}

export type { NormalizedSbom };
