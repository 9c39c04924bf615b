import { api } from '../../api/client';
import { NavIcons } from '../../components/icons';
import type { NavEntry } from '../types';
import { LARGER_SIZES, rolesWith } from '../visibility';

export const nav: readonly NavEntry[] = [
  { section: 'overview', label: 'overview', icon: NavIcons.overview, order: 10 },
  { section: 'members', label: 'members', icon: NavIcons.members, order: 80 },
  {
    section: 'invitations',
    label: 'invitations',
    icon: NavIcons.invitations,
    order: 90,
    sizes: LARGER_SIZES,
  },
  {
    section: 'relationships',
    label: 'relationships',
    icon: NavIcons.relationships,
    order: 100,
    sizes: LARGER_SIZES,
    badge: async (orgId) => (await api.relationshipsPending(orgId)).incoming,
  },
  {
    section: 'tokens',
    label: 'tokens',
    icon: NavIcons.tokens,
    order: 120,
    sizes: LARGER_SIZES,
    roles: rolesWith('tokens.manage'),
  },
  {
    section: 'audit',
    label: 'audit',
    icon: NavIcons.audit,
    order: 130,
    sizes: LARGER_SIZES,
    roles: rolesWith('audit.read'),
  },
  { section: 'account', label: 'account', icon: NavIcons.account, order: 140, global: true },
];
