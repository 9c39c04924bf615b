import { createHash } from 'node:crypto';
import type { IndicatorType, Tlp } from './vocab.ts';

// STIX 2.1 export of a published report. Ids are deterministic (UUIDv5): exporting the same publication twice
// gives the same objects, so a consumer de-duplicates by id and `modified`.

/**
 * The TLP 2.0 marking definitions of the OASIS extension (extension-definition--60a3c5c5…, cti-stix-common-objects):
 * their ids are fixed by OASIS, so a consumer recognizes them without reading the objects (TLP:CLEAR and
 * AMBER+STRICT do not exist in STIX 2.1's built-in TLP 1.0 markings).
 */
export const TLP_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';
export const TLP_MARKINGS: Record<Tlp, string> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};
/** The identity OASIS published the TLP 2.0 markings under, and their creation time (as published). */
const TLP_CREATED_BY = 'identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01';
const TLP_CREATED = '2022-10-01T00:00:00.000Z';

/** STIX's namespace for cyber-observable ids (STIX 2.1 §2.9). */
const SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';
/** Shinrai's namespace for the ids of the objects it exports. */
const SHINRAI_NAMESPACE = '099e8624-22cb-4354-937d-169e96acd800';

export function uuidv5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(ns).update(name, 'utf8').digest();
  h[6] = ((h[6] as number) & 0x0f) | 0x50;
  h[8] = ((h[8] as number) & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

export interface StixInput {
  report: {
    id: string;
    title: string;
    text: string;
    lang: 'ja' | 'en';
    attackType: string;
    attackLabel: string;
    occurredOn: string;
    publishedAt: string;
    tlp: Tlp;
    indicators: { type: IndicatorType; value: string }[];
  };
  hub: { id: string; name: string };
}

type Obj = Record<string, unknown> & { type: string; id: string };

const quote = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const HASH_KEY: Partial<Record<IndicatorType, string>> = { md5: 'MD5', sha1: 'SHA-1', sha256: 'SHA-256' };

/** The observable an indicator value is, with its STIX id, and the pattern that matches it. */
function observable(type: IndicatorType, value: string): { sco: Obj; pattern: string } | null {
  const sco = (t: string, props: Record<string, unknown>): Obj => ({
    type: t,
    spec_version: '2.1',
    id: `${t}--${uuidv5(JSON.stringify(props), SCO_NAMESPACE)}`,
    ...props,
  });
  switch (type) {
    case 'ipv4':
      return { sco: sco('ipv4-addr', { value }), pattern: `[ipv4-addr:value = ${quote(value)}]` };
    case 'ipv6':
      return { sco: sco('ipv6-addr', { value }), pattern: `[ipv6-addr:value = ${quote(value)}]` };
    case 'domain':
      return { sco: sco('domain-name', { value }), pattern: `[domain-name:value = ${quote(value)}]` };
    case 'url':
      return { sco: sco('url', { value }), pattern: `[url:value = ${quote(value)}]` };
    case 'email':
      return { sco: sco('email-addr', { value }), pattern: `[email-addr:value = ${quote(value)}]` };
    case 'md5':
    case 'sha1':
    case 'sha256': {
      const key = HASH_KEY[type] as string;
      const path = key === 'MD5' ? 'MD5' : `'${key}'`;
      return {
        sco: sco('file', { hashes: { [key]: value } }),
        pattern: `[file:hashes.${path} = ${quote(value)}]`,
      };
    }
    default:
      return null;
  }
}

/**
 * The bundle of a published report: the hub's identity (the author), the TLP 2.0 marking, the report, an
 * attack-pattern for its attack type, per indicator an indicator with its STIX pattern, the observable and an
 * observed-data, `based-on` and `indicates` relationships, and a vulnerability per CVE. Sample hashes also make a
 * malware instance (`is_family: false`, the files as `sample_refs`) that their indicators indicate and that uses the
 * attack-pattern. The reporter appears nowhere.
 */
export function stixBundle({ report, hub }: StixInput): { type: 'bundle'; id: string; objects: Obj[] } {
  const at = new Date(report.publishedAt).toISOString();
  const sid = (type: string, name: string) => `${type}--${uuidv5(`${report.id}/${name}`, SHINRAI_NAMESPACE)}`;
  const marking = TLP_MARKINGS[report.tlp];
  const identity: Obj = {
    type: 'identity',
    spec_version: '2.1',
    id: `identity--${uuidv5(hub.id, SHINRAI_NAMESPACE)}`,
    created: at,
    modified: at,
    name: hub.name,
    identity_class: 'organization',
  };
  const common = {
    spec_version: '2.1',
    created: at,
    modified: at,
    created_by_ref: identity.id,
    object_marking_refs: [marking],
  };
  const tlp: Obj = {
    type: 'marking-definition',
    spec_version: '2.1',
    id: marking,
    created: TLP_CREATED,
    created_by_ref: TLP_CREATED_BY,
    name: `TLP:${report.tlp.toUpperCase()}`,
    extensions: { [TLP_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: report.tlp } },
  };
  const attack: Obj = {
    type: 'attack-pattern',
    id: sid('attack-pattern', report.attackType),
    ...common,
    name: report.attackLabel,
  };
  const objects: Obj[] = [identity, tlp, attack];
  const refs: string[] = [attack.id];
  const samples = report.indicators.filter((i) => HASH_KEY[i.type] !== undefined);
  // Consumers that key malware by name (OpenCTI) need one; an instance has no family name, so the report's title.
  const malware: Obj | null =
    samples.length === 0
      ? null
      : {
          type: 'malware',
          id: sid('malware', 'samples'),
          ...common,
          name: report.lang === 'ja' ? `${report.title}（検体）` : `${report.title} (samples)`,
          is_family: false,
          malware_types: [report.attackType === 'ransomware' ? 'ransomware' : 'unknown'],
          sample_refs: samples.map((i) => observable(i.type, i.value)?.sco.id as string),
        };
  if (malware) {
    const uses: Obj = {
      type: 'relationship',
      id: sid('relationship', 'uses:malware'),
      ...common,
      relationship_type: 'uses',
      source_ref: malware.id,
      target_ref: attack.id,
    };
    objects.push(malware, uses);
    refs.push(malware.id, uses.id);
  }
  for (const i of report.indicators) {
    if (i.type === 'cve') {
      const v: Obj = {
        type: 'vulnerability',
        id: sid('vulnerability', i.value),
        ...common,
        name: i.value,
        external_references: [{ source_name: 'cve', external_id: i.value }],
      };
      objects.push(v);
      refs.push(v.id);
      continue;
    }
    const o = observable(i.type, i.value);
    if (!o) continue;
    const ind: Obj = {
      type: 'indicator',
      id: sid('indicator', `${i.type}:${i.value}`),
      ...common,
      name: i.value,
      indicator_types: ['malicious-activity'],
      pattern: o.pattern,
      pattern_type: 'stix',
      valid_from: at,
    };
    const seen: Obj = {
      type: 'observed-data',
      id: sid('observed-data', `${i.type}:${i.value}`),
      ...common,
      first_observed: `${report.occurredOn}T00:00:00Z`,
      last_observed: `${report.occurredOn}T00:00:00Z`,
      number_observed: 1,
      object_refs: [o.sco.id],
    };
    const basedOn: Obj = {
      type: 'relationship',
      id: sid('relationship', `based-on:${i.type}:${i.value}`),
      ...common,
      relationship_type: 'based-on',
      source_ref: ind.id,
      target_ref: seen.id,
    };
    const indicates: Obj = {
      type: 'relationship',
      id: sid('relationship', `indicates:${i.type}:${i.value}`),
      ...common,
      relationship_type: 'indicates',
      source_ref: ind.id,
      target_ref: attack.id,
    };
    objects.push(o.sco, ind, seen, basedOn, indicates);
    refs.push(o.sco.id, ind.id, seen.id, basedOn.id, indicates.id);
    if (malware && HASH_KEY[i.type] !== undefined) {
      const sample: Obj = {
        type: 'relationship',
        id: sid('relationship', `indicates-malware:${i.type}:${i.value}`),
        ...common,
        relationship_type: 'indicates',
        source_ref: ind.id,
        target_ref: malware.id,
      };
      objects.push(sample);
      refs.push(sample.id);
    }
  }
  const rep: Obj = {
    type: 'report',
    id: sid('report', 'report'),
    ...common,
    name: report.title,
    description: report.text,
    lang: report.lang,
    report_types: ['threat-report'],
    published: at,
    object_refs: refs,
  };
  objects.push(rep);
  return { type: 'bundle', id: `bundle--${uuidv5(`${report.id}/bundle/${at}`, SHINRAI_NAMESPACE)}`, objects };
}
