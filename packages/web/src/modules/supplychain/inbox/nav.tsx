import type { NavEntry } from '../../types';
import { inboxApi } from './api';

function InboxNavIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      aria-hidden
    >
      <path d="M3 13l3-8h12l3 8v6H3z" strokeLinejoin="round" />
      <path d="M3 13h5l1 2h6l1-2h5" strokeLinejoin="round" />
    </svg>
  );
}

/** The supplier's inbox: every size (suppliers are often small), with the number of open requests. */
export const inboxNav: readonly NavEntry[] = [
  {
    section: 'inbox',
    label: { ja: '回答依頼（受信）', en: 'Requests' },
    icon: InboxNavIcon,
    order: 57,
    badge: async (orgId) => (await inboxApi.list(orgId)).open,
  },
];
