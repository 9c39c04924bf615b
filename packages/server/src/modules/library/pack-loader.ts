import { checkPackReferences, type CatalogPack, type MappingEntry } from '@shinrai/core';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

export const CATALOG_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../../catalogs',
);
const SCHEMA_FILE = path.join(CATALOG_DIR, 'schema/pack.schema.json');

export interface PackError {
  file: string;
  /** JSON pointer into the pack, or the YAML line:column for a syntax error. */
  pointer: string;
  message: string;
}

export type PackResult =
  { ok: true; pack: CatalogPack; checksum: string } | { ok: false; errors: PackError[] };

// ajv-formats is published as CommonJS with a default export.
const addFormats =
  (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

const MAPPING_SCHEMA_FILE = path.join(CATALOG_DIR, 'schema/mapping.schema.json');
let ajv: Ajv2020 | undefined;
function schemas(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, strict: true });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    ajv.addSchema(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object, 'pack.schema.json');
    ajv.addSchema(JSON.parse(readFileSync(MAPPING_SCHEMA_FILE, 'utf8')) as object, 'mapping.schema.json');
  }
  return ajv;
}

function validate(data: unknown, schema = 'pack.schema.json'): ErrorObject[] {
  const v = schemas().getSchema(schema);
  if (!v) throw new Error(`schema ${schema} missing`);
  return v(data) ? [] : (v.errors ?? []);
}

/** JSON with object keys sorted, so equal content always serializes the same way. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Stable checksum of a pack's content (what changes when a text or rule changes, not key order). */
export function packChecksum(pack: CatalogPack): string {
  return createHash('sha256').update(canonicalJson(pack)).digest('hex');
}

/** Validates an object against the pack JSON Schema and the reference rules. */
export function checkPack(data: unknown, file: string): PackResult {
  const schemaErrors = validate(data);
  if (schemaErrors.length > 0) {
    return {
      ok: false,
      errors: schemaErrors.map((e) => ({
        file,
        pointer: e.instancePath || '/',
        message: `${e.message ?? e.keyword}${e.params && 'additionalProperty' in e.params ? `: ${String(e.params.additionalProperty)}` : ''}`,
      })),
    };
  }
  const pack = data as CatalogPack;
  const refProblems = checkPackReferences(pack);
  if (refProblems.length > 0) {
    return {
      ok: false,
      errors: refProblems.map((p) => ({ file, pointer: p.pointer, message: `${p.problem}: ${p.value}` })),
    };
  }
  return { ok: true, pack, checksum: packChecksum(pack) };
}

function parseYaml(
  text: string,
  file: string,
): { ok: true; data: unknown } | { ok: false; errors: PackError[] } {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({
        file,
        pointer: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '/',
        message: e.message,
      })),
    };
  }
  return { ok: true, data: doc.toJS() as unknown };
}

/** Parses and validates a YAML pack; syntax errors carry line and column. */
export function parsePackYaml(text: string, file: string): PackResult {
  const parsed = parseYaml(text, file);
  return parsed.ok ? checkPack(parsed.data, file) : parsed;
}

export interface MappingSet {
  id: string;
  version: string;
  title: { ja: string; en: string };
  source: string;
  target: string;
  provenance: 'official' | 'own';
  entries: MappingEntry[];
}

export type MappingResult =
  { ok: true; mapping: MappingSet; checksum: string } | { ok: false; errors: PackError[] };

/** Parses and validates a YAML mapping set against its JSON Schema. */
export function parseMappingYaml(text: string, file: string): MappingResult {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return parsed;
  const errors = validate(parsed.data, 'mapping.schema.json');
  if (errors.length > 0) {
    return {
      ok: false,
      errors: errors.map((e) => ({ file, pointer: e.instancePath || '/', message: e.message ?? e.keyword })),
    };
  }
  const mapping = parsed.data as MappingSet;
  return { ok: true, mapping, checksum: createHash('sha256').update(canonicalJson(mapping)).digest('hex') };
}
