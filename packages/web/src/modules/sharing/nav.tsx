import type { NavEntry } from '../types';

function SharingNavIcon() {
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
      <circle cx="12" cy="5" r="2.5" />
      <circle cx="5" cy="18" r="2.5" />
      <circle cx="19" cy="18" r="2.5" />
      <path d="M10.8 7.2 6.3 15.8M13.2 7.2l4.5 8.6M7.5 18h9" strokeLinecap="round" />
    </svg>
  );
}

// Hubs and larger members work here; a small company finds it under その他.
export const nav: readonly NavEntry[] = [
  {
    section: 'sharing',
    label: { ja: '攻撃情報の共有', en: 'Threat sharing' },
    icon: SharingNavIcon,
    order: 27,
    kinds: ['hub', 'enterprise', 'provider'],
  },
];
