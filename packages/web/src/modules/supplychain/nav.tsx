import type { NavEntry } from '../types';
import { LARGER_SIZES } from '../visibility';

function SupplychainNavIcon() {
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
      <rect x="9" y="3" width="6" height="5" rx="1" />
      <rect x="3" y="16" width="6" height="5" rx="1" />
      <rect x="15" y="16" width="6" height="5" rx="1" />
      <path d="M12 8v4M6 16v-4h12v4" strokeLinejoin="round" />
    </svg>
  );
}

export const nav: readonly NavEntry[] = [
  {
    section: 'suppliers',
    label: { ja: 'サプライヤー', en: 'Suppliers' },
    icon: SupplychainNavIcon,
    order: 55,
    sizes: LARGER_SIZES,
  },
];
