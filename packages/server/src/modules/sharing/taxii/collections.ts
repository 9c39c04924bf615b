import { TLP_LEVELS, uuidv5, type Tlp } from '@shinrai/core/sharing';

/** The TLP levels a TAXII collection can carry: TLP:RED goes to no member, so it has none. */
export const TAXII_TLPS = TLP_LEVELS.filter((t): t is Exclude<Tlp, 'red'> => t !== 'red');
export type TaxiiTlp = (typeof TAXII_TLPS)[number];

/** Audience of a collection: every member of the hub, or one sector group. */
export type Audience = { kind: 'all' } | { kind: 'group'; groupId: string; name: string };

const NAMESPACE = '6f1d3c1e-3a53-5c55-9b43-2f0d5a8e7c10';

/** The stored key of a collection: `all/<tlp>` or `<groupId>/<tlp>`. */
export function collectionKey(audience: Audience, tlp: TaxiiTlp): string {
  return `${audience.kind === 'all' ? 'all' : audience.groupId}/${tlp}`;
}

/** The collection's TAXII id: a UUID derived from the hub and the key (stable, nothing to store). */
export function collectionId(hubOrgId: string, key: string): string {
  return uuidv5(`${hubOrgId}/${key}`, NAMESPACE);
}

/** The collections a published report goes to: its sector groups (or all members) at its TLP; none for RED. */
export function collectionKeysOf(tlp: Tlp, groupIds: string[]): string[] {
  if (tlp === 'red') return [];
  return groupIds.length === 0 ? [`all/${tlp}`] : [...new Set(groupIds)].map((g) => `${g}/${tlp}`);
}
