import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { arr, isObj, str, type Obj } from './fields.ts';
import { MAX_DEPTH } from './json-text.ts';
import type { SbomProblem } from './problems.ts';

/**
 * CycloneDX XML (1.4–1.6) is read into the same shape as CycloneDX JSON, limited to the parts
 * Shinrai uses (metadata component, components with hashes/licenses/purl/scope/supplier, nested
 * components, dependencies). That object is then checked against the official JSON schema of the
 * same version. This is structural validation: the XSD itself is not evaluated (no maintained
 * pure-JS XSD validator), so elements Shinrai does not read are not checked.
 */
export type XmlRead = { ok: true; doc: Obj; specVersion: string } | { ok: false; problems: SbomProblem[] };

const NS = /^http:\/\/cyclonedx\.org\/schema\/bom\/(\d+\.\d+)$/;
const LISTS = new Set(['component', 'hash', 'license', 'expression', 'dependency', 'tool', 'property']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: false,
  maxNestedTags: MAX_DEPTH,
  isArray: (name) => LISTS.has(name),
});

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (isObj(v) && typeof v['#text'] === 'string') return v['#text'];
  return undefined;
}

function put(target: Obj, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

function convertComponent(x: Obj): Obj {
  const c: Obj = {};
  put(c, 'type', x['@_type']);
  put(c, 'bom-ref', x['@_bom-ref']);
  for (const k of [
    'name',
    'version',
    'group',
    'publisher',
    'author',
    'purl',
    'scope',
    'description',
    'cpe',
  ]) {
    put(c, k, text(x[k]));
  }
  if (isObj(x.supplier)) c.supplier = { name: text(x.supplier.name) };
  if (isObj(x.hashes)) {
    c.hashes = arr(x.hashes.hash).map((h) => ({ alg: isObj(h) ? h['@_alg'] : undefined, content: text(h) }));
  }
  if (isObj(x.licenses)) {
    const list: Obj[] = arr(x.licenses.license).map((l) => {
      const license: Obj = {};
      if (isObj(l)) {
        put(license, 'id', text(l.id));
        put(license, 'name', text(l.name));
      }
      return { license };
    });
    for (const e of arr(x.licenses.expression)) list.push({ expression: text(e) });
    c.licenses = list;
  }
  if (isObj(x.components))
    c.components = arr(x.components.component).map((n) => convertComponent(isObj(n) ? n : {}));
  return c;
}

function convertBom(bom: Obj, specVersion: string): Obj {
  const doc: Obj = { bomFormat: 'CycloneDX', specVersion };
  put(doc, 'serialNumber', bom['@_serialNumber']);
  const version = bom['@_version'];
  if (typeof version === 'string' && /^\d+$/.test(version)) doc.version = Number(version);
  if (isObj(bom.metadata)) {
    const metadata: Obj = {};
    put(metadata, 'timestamp', text(bom.metadata.timestamp));
    const root = arr(bom.metadata.component)[0];
    if (isObj(root)) metadata.component = convertComponent(root);
    doc.metadata = metadata;
  }
  if (isObj(bom.components)) {
    doc.components = arr(bom.components.component).map((n) => convertComponent(isObj(n) ? n : {}));
  } else if (bom.components !== undefined) doc.components = [];
  if (isObj(bom.dependencies)) {
    doc.dependencies = arr(bom.dependencies.dependency).map((d) => {
      const dep: Obj = {};
      if (isObj(d)) {
        put(dep, 'ref', d['@_ref']);
        dep.dependsOn = arr(d.dependency).flatMap((t) => (isObj(t) && str(t['@_ref']) ? [t['@_ref']] : []));
      }
      return dep;
    });
  }
  return doc;
}

/** Reads CycloneDX XML text; syntax problems carry line and column. */
export function readCycloneDxXml(xml: string, supported: readonly string[]): XmlRead {
  if (/<!DOCTYPE/i.test(xml)) return { ok: false, problems: [{ code: 'xml_doctype' }] };
  const check = XMLValidator.validate(xml);
  if (check !== true) {
    return {
      ok: false,
      problems: [
        {
          code: 'xml_syntax',
          line: check.err.line,
          column: check.err.col,
          params: { detail: check.err.msg },
        },
      ],
    };
  }
  let tree: Obj;
  try {
    tree = parser.parse(xml) as Obj;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/nested/i.test(message))
      return { ok: false, problems: [{ code: 'too_deep', params: { limit: MAX_DEPTH } }] };
    return { ok: false, problems: [{ code: 'xml_syntax', params: { detail: message } }] };
  }
  const bom = tree.bom;
  if (!isObj(bom)) return { ok: false, problems: [{ code: 'unknown_format' }] };
  // The namespace attribute is read from the text: the parser drops xmlns attributes with prefixes.
  const ns = /<(?:[\w.-]+:)?bom\b[^>]*?\sxmlns(?::[\w.-]+)?\s*=\s*["']([^"']+)["']/.exec(xml)?.[1];
  const m = ns === undefined ? null : NS.exec(ns);
  if (!m?.[1]) {
    return {
      ok: false,
      problems: [{ code: 'missing_spec_version', pointer: '/bom', params: { field: 'xmlns' } }],
    };
  }
  if (!supported.includes(m[1])) {
    return {
      ok: false,
      problems: [
        {
          code: 'unsupported_version',
          pointer: '/bom',
          params: { value: m[1], supported: supported.join(', ') },
        },
      ],
    };
  }
  return { ok: true, doc: convertBom(bom, m[1]), specVersion: m[1] };
}

const ELEMENT: Record<string, string> = {
  components: 'component',
  hashes: 'hash',
  licenses: 'license',
  dependencies: 'dependency',
  dependsOn: 'dependency',
};

/** A JSON pointer into the converted object → the XML element path (`/bom/components/component[2]`). */
export function xmlPath(pointer: string): string {
  const tokens = pointer.split('/').slice(1);
  let out = '/bom';
  let list: string | undefined;
  for (const t of tokens) {
    if (list !== undefined && /^\d+$/.test(t)) {
      out += `/${ELEMENT[list] ?? list}[${Number(t) + 1}]`;
      list = undefined;
      continue;
    }
    list = t in ELEMENT ? t : undefined;
    if (t === 'content') continue;
    if (t === 'bom-ref' || t === 'type' || t === 'alg' || t === 'ref') out += `/@${t}`;
    else if (t !== 'dependsOn') out += `/${t}`;
  }
  return out;
}
