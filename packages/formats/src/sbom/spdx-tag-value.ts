import type { Obj } from './fields.ts';
import type { SbomProblem } from './problems.ts';

/**
 * SPDX 2.2/2.3 tag-value (`Tag: value` lines, `<text>…</text>` spanning lines) read into the SPDX JSON
 * shape, limited to what Shinrai uses: document fields, packages (name, SPDXID, version, supplier,
 * originator, licenses, checksums, external refs, purpose) and relationships. Files and snippets end
 * the current package. Lines are kept for located problems.
 */
export type TagValueRead =
  { ok: true; doc: Obj; lines: Map<string, number> } | { ok: false; problems: SbomProblem[] };

const PACKAGE_FIELDS: Readonly<Record<string, string>> = {
  SPDXID: 'SPDXID',
  PackageVersion: 'versionInfo',
  PackageSupplier: 'supplier',
  PackageOriginator: 'originator',
  PackageDownloadLocation: 'downloadLocation',
  PackageLicenseConcluded: 'licenseConcluded',
  PackageLicenseDeclared: 'licenseDeclared',
  PackageCopyrightText: 'copyrightText',
  PrimaryPackagePurpose: 'primaryPackagePurpose',
  FilesAnalyzed: 'filesAnalyzed',
};

export function readSpdxTagValue(text: string): TagValueRead {
  const lines = text.split(/\r?\n/u);
  const doc: Obj = { packages: [], relationships: [] };
  const packages = doc.packages as Obj[];
  const relationships = doc.relationships as Obj[];
  const lineOf = new Map<string, number>();
  let current: Obj | null = null;
  let section: 'document' | 'package' | 'other' = 'document';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) {
      return {
        ok: false,
        problems: [{ code: 'bad_structure', line: i + 1, column: 1, params: { detail: 'Tag: value' } }],
      };
    }
    const tag = line.slice(0, colon).trim();
    let value = line.slice(colon + 1).trim();
    const start = i;
    if (value.startsWith('<text>')) {
      value = value.slice('<text>'.length);
      while (!value.includes('</text>') && i + 1 < lines.length) value += `\n${lines[++i]}`;
      if (!value.includes('</text>'))
        return {
          ok: false,
          problems: [
            { code: 'bad_structure', line: start + 1, params: { detail: '<text> without </text>' } },
          ],
        };
      value = value.slice(0, value.indexOf('</text>'));
    }
    if (tag === 'PackageName') {
      current = { name: value };
      packages.push(current);
      section = 'package';
      lineOf.set(`/packages/${packages.length - 1}`, start + 1);
      continue;
    }
    if (tag === 'FileName' || tag === 'SnippetSPDXID' || tag === 'LicenseID') {
      section = 'other';
      current = null;
      continue;
    }
    if (tag === 'Relationship') {
      const [a, type, b] = value.split(/\s+/u);
      if (a && type && b) {
        relationships.push({ spdxElementId: a, relationshipType: type, relatedSpdxElement: b });
        lineOf.set(`/relationships/${relationships.length - 1}`, start + 1);
      }
      continue;
    }
    if (section === 'package' && current) {
      if (tag === 'ExternalRef') {
        const [category, type, ...locator] = value.split(/\s+/u);
        const refs = (current.externalRefs ??= []) as Obj[];
        refs.push({ referenceCategory: category, referenceType: type, referenceLocator: locator.join(' ') });
        continue;
      }
      if (tag === 'PackageChecksum') {
        const m = /^([\w-]+):\s*(\S+)$/u.exec(value);
        if (m) ((current.checksums ??= []) as Obj[]).push({ algorithm: m[1], checksumValue: m[2] });
        continue;
      }
      const field = PACKAGE_FIELDS[tag];
      if (field) current[field] = field === 'filesAnalyzed' ? value.toLowerCase() === 'true' : value;
      continue;
    }
    if (section === 'document') {
      if (tag === 'SPDXVersion') doc.spdxVersion = value;
      else if (tag === 'DataLicense') doc.dataLicense = value;
      else if (tag === 'SPDXID') doc.SPDXID = value;
      else if (tag === 'DocumentName') doc.name = value;
      else if (tag === 'DocumentNamespace') doc.documentNamespace = value;
      else if (tag === 'Creator') {
        const info = (doc.creationInfo ??= { creators: [] }) as Obj;
        (info.creators as string[]).push(value);
      } else if (tag === 'Created') ((doc.creationInfo ??= { creators: [] }) as Obj).created = value;
    }
  }
  return { ok: true, doc, lines: lineOf };
}
