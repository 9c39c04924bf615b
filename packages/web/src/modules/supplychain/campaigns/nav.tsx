import type { NavEntry } from '../../types';
import { LARGER_SIZES } from '../../visibility';

function CampaignNavIcon() {
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
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="M3 7l9 6 9-6" strokeLinejoin="round" />
    </svg>
  );
}

export const campaignNav: readonly NavEntry[] = [
  {
    section: 'campaigns',
    label: { ja: '回答依頼', en: 'Questionnaires' },
    icon: CampaignNavIcon,
    order: 56,
    sizes: LARGER_SIZES,
  },
];
