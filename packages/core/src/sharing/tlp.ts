import type { Tlp } from './vocab.ts';

/**
 * Who a recipient passes an item on to, widest last: within its own organization, to its clients (an
 * SME service desk's customers), to its community (peers and partners), or to anyone.
 */
export const TLP_AUDIENCES = ['organization', 'clients', 'community', 'public'] as const;
export type TlpAudience = (typeof TLP_AUDIENCES)[number];

/**
 * Whether TLP 2.0 (FIRST, 2022) lets a recipient pass an item to `audience`: CLEAR to anyone; GREEN within
 * the community, not publicly; AMBER within the organization and to its clients on a need-to-know basis;
 * AMBER+STRICT within the organization only; RED to no one (individual recipients only).
 */
export function tlpAllows(tlp: Tlp, audience: TlpAudience): boolean {
  switch (tlp) {
    case 'clear':
      return true;
    case 'green':
      return audience !== 'public';
    case 'amber':
      return audience === 'organization' || audience === 'clients';
    case 'amber+strict':
      return audience === 'organization';
    case 'red':
      return false;
  }
}
