import type * as AjvModule from 'ajv';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import type * as Ajv2019Module from 'ajv/dist/2019.js';
import type { Ajv2019 } from 'ajv/dist/2019.js';
import type addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pointerToken, type SbomProblem } from './problems.ts';

const SCHEMA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schemas');

/**
 * Ajv and ajv-formats (CommonJS) are required on first validation, not imported: a lockfile needs no
 * JSON Schema, and `sbom scan` start-up should not pay for loading them.
 */
const require = createRequire(import.meta.url);
function ajvModules() {
  const formats = require('ajv-formats') as { default?: typeof addFormatsModule } & typeof addFormatsModule;
  return {
    Ajv: (require('ajv') as typeof AjvModule).Ajv,
    Ajv2019: (require('ajv/dist/2019.js') as typeof Ajv2019Module).Ajv2019,
    // ajv-formats is published as CommonJS with a default export.
    addFormats: (formats.default ?? formats) as unknown as (a: Ajv | Ajv2019) => void,
  };
}

export type SchemaId =
  | 'cyclonedx-1.2'
  | 'cyclonedx-1.3'
  | 'cyclonedx-1.4'
  | 'cyclonedx-1.5'
  | 'cyclonedx-1.6'
  | 'cyclonedx-1.7'
  | 'spdx-2.3';

const FILES: Record<SchemaId, string> = {
  'cyclonedx-1.2': 'bom-1.2.schema.json',
  'cyclonedx-1.3': 'bom-1.3.schema.json',
  'cyclonedx-1.4': 'bom-1.4.schema.json',
  'cyclonedx-1.5': 'bom-1.5.schema.json',
  'cyclonedx-1.6': 'bom-1.6.schema.json',
  'cyclonedx-1.7': 'bom-1.7.schema.json',
  'spdx-2.3': 'spdx-2.3-schema.json',
};

function readSchema(file: string): Record<string, unknown> {
  const schema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), 'utf8')) as Record<string, unknown>;
  renameUniqueItems(schema);
  return schema;
}

/**
 * Ajv checks `uniqueItems` by comparing every pair of items: 10,000 components take minutes. The
 * schemas are loaded with that keyword renamed to `uniqueItemsFast`, which gives the same answer
 * (JSON equality, key order ignored) in one pass with a set of canonical serializations.
 */
function renameUniqueItems(node: unknown): void {
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (n === null || typeof n !== 'object') continue;
    if (!Array.isArray(n)) {
      const o = n as Record<string, unknown>;
      if (o.uniqueItems === true && (o.type === 'array' || 'items' in o)) {
        delete o.uniqueItems;
        o.uniqueItemsFast = true;
      }
    }
    for (const v of Object.values(n)) stack.push(v);
  }
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * A cheap fingerprint that equal items always share: the values of a few identifying fields that
 * BOM list items usually carry. Only items with the same fingerprint are compared in full.
 */
function fingerprint(item: unknown): string {
  if (typeof item === 'string') return item;
  if (item === null || typeof item !== 'object') return `${typeof item}:${String(item)}`;
  if (Array.isArray(item)) return `array:${item.length}`;
  const o = item as Record<string, unknown>;
  // Components and services carry a bom-ref, dependencies a ref: alone, they already tell items apart.
  const ref = o['bom-ref'] ?? o.ref;
  if (typeof ref === 'string') return ref;
  return `${String(o['bom-ref'])}|${String(o.name)}|${String(o.version)}|${String(o.ref)}|${String(o.content)}|${String(o.url)}`;
}

function allUnique(data: unknown): boolean {
  if (!Array.isArray(data) || data.length < 2) return true;
  const buckets = new Map<string, unknown[]>();
  for (const item of data) {
    const fp = fingerprint(item);
    const bucket = buckets.get(fp);
    if (!bucket) {
      buckets.set(fp, [item]);
      continue;
    }
    // Fingerprints may collide across kinds (a string and a bom-ref): compare in full.
    if (item === null || typeof item !== 'object') {
      if (bucket.includes(item)) return false;
      bucket.push(item);
      continue;
    }
    const key = canonical(item);
    if (bucket.some((other) => canonical(other) === key)) return false;
    bucket.push(item);
  }
  return true;
}

function addFastUnique(ajv: Ajv | Ajv2019): void {
  ajv.addKeyword({
    keyword: 'uniqueItemsFast',
    schemaType: 'boolean',
    validate: (schema: boolean, data: unknown) => !schema || allUnique(data),
    errors: false,
  });
}

/** Formats the schemas use that ajv-formats does not define; checked loosely (no spaces, not empty). */
function addLooseFormats(ajv: Ajv | Ajv2019): void {
  for (const f of ['iri-reference', 'iri', 'idn-email', 'idn-hostname']) ajv.addFormat(f, /^\S+$/u);
}

// The CycloneDX schemas are draft-07 and reference spdx.schema.json, jsf-0.82.schema.json and (1.7)
// cryptography-defs.schema.json by
// relative id; SPDX 2.3 is draft 2019-09. One Ajv instance per draft, each schema compiled once.
let draft07: Ajv | undefined;
let draft2019: Ajv2019 | undefined;
const compiled = new Map<SchemaId, ValidateFunction>();

function instance(id: SchemaId): Ajv | Ajv2019 {
  const { Ajv, Ajv2019, addFormats } = ajvModules();
  if (id === 'spdx-2.3') {
    if (!draft2019) {
      draft2019 = new Ajv2019({ allErrors: true, strict: false, unicodeRegExp: false });
      addFormats(draft2019);
      addLooseFormats(draft2019);
      addFastUnique(draft2019);
    }
    return draft2019;
  }
  if (!draft07) {
    draft07 = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(draft07);
    addLooseFormats(draft07);
    addFastUnique(draft07);
    draft07.addSchema(readSchema('spdx.schema.json'), 'spdx.schema.json');
    draft07.addSchema(readSchema('jsf-0.82.schema.json'), 'jsf-0.82.schema.json');
    draft07.addSchema(readSchema('cryptography-defs.schema.json'), 'cryptography-defs.schema.json');
  }
  return draft07;
}

/** The compiled validator of a schema (compiled on first use, then cached for the process). */
export function validatorFor(id: SchemaId): ValidateFunction {
  let v = compiled.get(id);
  if (!v) {
    const schema = readSchema(FILES[id]);
    delete schema.$schema;
    v = instance(id).compile(schema);
    compiled.set(id, v);
  }
  return v;
}

/** Most useful problems first: an `anyOf`/`oneOf` summary repeats what its branches said. */
export function schemaProblems(errors: readonly ErrorObject[], limit: number, doc: unknown): SbomProblem[] {
  const seen = new Set<string>();
  const out: SbomProblem[] = [];
  for (const e of errors) {
    const p = toProblem(e);
    if (p.code === 'schema_enum') p.params = { value: shortValue(valueAt(doc, e.instancePath)) };
    const key = `${p.code}|${p.pointer ?? ''}|${JSON.stringify(p.params ?? {})}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
    if (out.length >= limit) break;
  }
  return out;
}

function toProblem(e: ErrorObject): SbomProblem {
  const pointer = e.instancePath === '' ? '' : e.instancePath;
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return {
        code: 'schema_required',
        pointer,
        params: { property: String(params.missingProperty) },
      };
    case 'type':
      return { code: 'schema_type', pointer, params: { expected: String(params.type) } };
    case 'enum':
    case 'const':
      return { code: 'schema_enum', pointer, params: { value: '' } };
    case 'format':
      return { code: 'schema_format', pointer, params: { format: String(params.format) } };
    case 'pattern':
      return { code: 'schema_pattern', pointer };
    case 'additionalProperties':
      return {
        code: 'schema_additional',
        pointer: `${pointer}/${pointerToken(String(params.additionalProperty))}`,
        params: { property: String(params.additionalProperty) },
      };
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
      return { code: 'schema_length', pointer };
    case 'uniqueItems':
    case 'uniqueItemsFast':
      return { code: 'schema_unique', pointer };
    case 'oneOf':
    case 'anyOf':
    case 'not':
    case 'if':
      return { code: 'schema_choice', pointer };
    default:
      return { code: 'schema_other', pointer, params: { detail: `${e.keyword}: ${e.message ?? ''}` } };
  }
}

/** The value at a JSON pointer, or undefined. */
export function valueAt(doc: unknown, pointer: string): unknown {
  let v = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[token];
  }
  return v;
}

function shortValue(v: unknown): string {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
