import { versContains } from '../vers/contains.ts';
import type { VersRange } from '../vers/parse.ts';

/**
 * Whether a component at `componentVersion` answers a where-used question: the exact version the
 * purl names (when it names one) and a version inside the vers range (when one is given). A
 * component without a version never falls in a range; a version the range cannot compare does not either.
 */
export function usedAtVersion(
  componentVersion: string | null,
  want: { version: string | null; range: VersRange | null },
): boolean {
  if (want.version !== null && componentVersion !== want.version) return false;
  if (want.range !== null) {
    if (componentVersion === null) return false;
    const inRange = versContains(want.range, componentVersion);
    if (!inRange.ok || !inRange.contains) return false;
  }
  return true;
}
