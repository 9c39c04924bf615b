import { normalizeCycloneDx } from './cyclonedx.ts';
import { readCycloneDxXml, xmlPath } from './cyclonedx-xml.ts';
import { isObj, str, type Obj } from './fields.ts';
import { MAX_DEPTH, deeperThan, parseJsonText } from './json-text.ts';
import { checkNpmLock, normalizeNpmLock } from './npm-lock.ts';
import type { SbomProblem } from './problems.ts';
import { schemaProblems, validatorFor, type SchemaId } from './schema-validator.ts';
import { normalizeSpdx } from './spdx.ts';
import type { NormalizedSbom, ParseSbomOptions, ParseSbomResult } from './types.ts';

export const DEFAULT_MAX_SBOM_BYTES = 100 * 1024 * 1024;
export const CYCLONEDX_VERSIONS = ['1.4', '1.5', '1.6'] as const;
const MAX_PROBLEMS = 100;

function fail(...problems: SbomProblem[]): ParseSbomResult {
  return { ok: false, problems };
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

function cycloneDx(doc: Obj, mapPointer?: (p: string) => string): ParseSbomResult {
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
  const problems = validate(`cyclonedx-${version}` as SchemaId, doc, mapPointer);
  if (problems.length > 0) return { ok: false, problems };
  const warnings: SbomProblem[] = [];
  const sbom = normalizeCycloneDx(doc, version, warnings);
  if (mapPointer) for (const w of warnings) if (w.pointer !== undefined) w.pointer = mapPointer(w.pointer);
  return { ok: true, sbom, warnings };
}

function spdx(doc: Obj): ParseSbomResult {
  const version = str(doc.spdxVersion);
  if (version !== 'SPDX-2.3') {
    return fail({
      code: 'unsupported_version',
      pointer: '/spdxVersion',
      params: { value: version ?? '', supported: 'SPDX-2.3' },
    });
  }
  const problems = validate('spdx-2.3', doc);
  if (problems.length > 0) return { ok: false, problems };
  const warnings: SbomProblem[] = [];
  return { ok: true, sbom: normalizeSpdx(doc, warnings), warnings };
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

function fromJson(text: string): ParseSbomResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return fail(parsed.problem);
  const doc = parsed.value;
  if (!isObj(doc)) return fail({ code: 'unknown_format', pointer: '' });
  if (deeperThan(doc, MAX_DEPTH)) return fail({ code: 'too_deep', params: { limit: MAX_DEPTH } });
  if (doc.spdxVersion !== undefined) return spdx(doc);
  if (doc.lockfileVersion !== undefined) return npmLock(doc);
  const schemaUrl = str(doc.$schema) ?? '';
  if (doc.bomFormat !== undefined || schemaUrl.includes('cyclonedx') || doc.specVersion !== undefined) {
    return cycloneDx(doc);
  }
  return fail({ code: 'unknown_format', pointer: '' });
}

function fromXml(text: string): ParseSbomResult {
  const read = readCycloneDxXml(text, CYCLONEDX_VERSIONS);
  if (!read.ok) return { ok: false, problems: read.problems };
  return cycloneDx(read.doc, xmlPath);
}

/**
 * Detects and reads an SBOM: CycloneDX 1.4–1.6 JSON or XML, SPDX 2.3 JSON, or an npm
 * package-lock.json v2/v3. Validates against the official schema (compiled once per process) and
 * returns located problems; never throws. Invalid purls do not reject the BOM: the component keeps
 * `purl: null` and a located warning is returned.
 */
export function parseSbom(bytes: Buffer, filename?: string, options: ParseSbomOptions = {}): ParseSbomResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_SBOM_BYTES;
  if (bytes.length > maxBytes) {
    return fail({ code: 'too_large', params: { limit: Math.round((maxBytes / 1024 / 1024) * 10) / 10 } });
  }
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const start = text.trimStart();
    if (start === '') return fail({ code: 'empty' });
    const xml =
      start.startsWith('<') || (filename?.toLowerCase().endsWith('.xml') === true && !start.startsWith('{'));
    return xml ? fromXml(text) : fromJson(text);
  } catch (e) {
    if (e instanceof TypeError && /encoded data was not valid/i.test(e.message))
      return fail({ code: 'not_utf8' });
    return fail({ code: 'internal', params: { detail: e instanceof Error ? e.message : String(e) } });
  }
}

export type { NormalizedSbom };
