import { ROLES, can, type OrgKind, type OrgSize, type Permission, type Role } from '@shinrai/core/browser';

/** For whom a navigation entry shows. Every field left out means "everyone". */
export interface NavRule {
  /** Roles that may open the entry at all; others neither see it nor open its pages. */
  roles?: readonly Role[];
  /** Organization kinds that see the entry in the main menu; other kinds find it under "more" (その他). */
  kinds?: readonly OrgKind[];
  /** Organization sizes that see the entry in the main menu; other sizes find it under "more" (その他). */
  sizes?: readonly OrgSize[];
}

export interface OrgProfile {
  kind: OrgKind;
  /** Unknown until the organization records it; an unknown size sees the full menu. */
  size: OrgSize | null;
  role: Role;
}

/** Medium and large organizations: what the essentials-only menu of a small company leaves under "more". */
export const LARGER_SIZES: readonly OrgSize[] = ['medium', 'large'];

/** The roles holding a permission of @shinrai/core (the server checks the same permission). */
export const rolesWith = (permission: Permission): readonly Role[] =>
  ROLES.filter((role) => can(role, permission));

/** Whether the role may open the entry (and its pages). */
export function navAllowed(rule: NavRule, role: Role): boolean {
  return !rule.roles || rule.roles.includes(role);
}

export type NavPlacement = 'main' | 'more' | 'hidden';

/**
 * Where an entry shows for an organization: hidden when the role may not open it, under "more"
 * when it is not meant for the organization's kind or size, in the main menu otherwise.
 */
export function navPlacement(rule: NavRule, org: OrgProfile): NavPlacement {
  if (!navAllowed(rule, org.role)) return 'hidden';
  if (rule.kinds && !rule.kinds.includes(org.kind)) return 'more';
  if (rule.sizes && org.size !== null && !rule.sizes.includes(org.size)) return 'more';
  return 'main';
}

/** Splits entries (sorted by `order`) into the main menu and the "more" group for an organization. */
export function arrangeNav<T extends NavRule & { order: number }>(
  entries: readonly T[],
  org: OrgProfile,
): { main: T[]; more: T[] } {
  const main: T[] = [];
  const more: T[] = [];
  for (const entry of [...entries].sort((a, b) => a.order - b.order)) {
    const placement = navPlacement(entry, org);
    if (placement === 'main') main.push(entry);
    else if (placement === 'more') more.push(entry);
  }
  return { main, more };
}
