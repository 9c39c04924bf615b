import type { NavEntry } from '../types';

function ThreatsNavIcon() {
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
      <path d="M12 3 2.5 20h19L12 3Z" strokeLinejoin="round" />
      <path d="M12 10v4.5M12 17.2v.3" strokeLinecap="round" />
    </svg>
  );
}

// Every organization sees the yearly threats, small companies included: it says what to prepare for.
export const nav: readonly NavEntry[] = [
  {
    section: 'threats',
    label: { ja: '10大脅威', en: 'Top 10 threats' },
    icon: ThreatsNavIcon,
    order: 25,
  },
];
