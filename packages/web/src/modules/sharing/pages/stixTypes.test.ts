import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import ja from '../i18n/ja.json';

// Every STIX 2.1 object type (the OASIS schemas kept for the conformance run: SDOs, SROs, SCOs and the meta
// objects) has a name in both languages, so the intake table never falls back to a re-cased "Ipv4 Addr".
const SCHEMAS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../../../test/conformance/data/stix2/schemas',
);
const typesIn = (dir: string) =>
  readdirSync(path.join(SCHEMAS, dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));
const STIX_TYPES = [
  ...typesIn('sdos'),
  ...typesIn('sros'),
  ...typesIn('observables'),
  'marking-definition',
  'extension-definition',
  'language-content',
];

describe('STIX type names', () => {
  it('reads the 42 STIX 2.1 object types from the schemas', () => {
    expect(STIX_TYPES).toHaveLength(42);
    expect(STIX_TYPES).toContain('ipv4-addr');
  });

  it.each([
    ['ja', ja.sharing.intake.stixType],
    ['en', en.sharing.intake.stixType],
  ] as const)('names every type in %s', (_lang, names) => {
    const missing = STIX_TYPES.filter((type) => !(names as Record<string, string>)[type]?.trim());
    expect(missing).toEqual([]);
  });

  it('keeps the usual casing of abbreviations', () => {
    expect(ja.sharing.intake.stixType['ipv4-addr']).toBe('IPv4 アドレス');
    expect(en.sharing.intake.stixType['ipv4-addr']).toBe('IPv4 address');
    expect(en.sharing.intake.stixType['x509-certificate']).toBe('X.509 certificate');
  });
});
