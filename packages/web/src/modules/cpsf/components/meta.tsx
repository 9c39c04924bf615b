// How the six components, four edge kinds and three measure levels look (colour and icon), and the
// bilingual-text helper of the CPSF pages.
import type { Component, EdgeKind, MeasureLevel, Titled } from '../../../api/cpsf';
import type { Locale } from '../../../api/types';

export const COMPONENT_COLOR: Record<Component, string> = {
  organization: 'indigo',
  people: 'grape',
  thing: 'orange',
  data: 'teal',
  procedure: 'yellow',
  system: 'blue',
};

export const EDGE_COLOR: Record<EdgeKind, string> = {
  data_flow: '#0ca678',
  physical_control: '#e8590c',
  network: '#1c7ed6',
  contract: '#5f3dc4',
};

export const LEVEL_COLOR: Record<MeasureLevel, string> = {
  basic: 'gray',
  advanced: 'yellow',
  high_advanced: 'red',
};

export function txt(text: Titled | null | undefined, lang: Locale): string {
  if (!text) return '';
  if (typeof text === 'string') return text;
  return text[lang] || text[lang === 'ja' ? 'en' : 'ja'] || '';
}

const base = {
  width: 16,
  height: 16,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
} as const;

const PATHS: Record<Component, string[]> = {
  organization: ['M4 21V5l8-2v18M12 9h8v12M4 21h16M8 8v.01M8 12v.01M8 16v.01M16 13v.01M16 17v.01'],
  people: ['M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M4 21c1-4 4.2-6 8-6s7 2 8 6'],
  thing: ['M7 7h10v10H7z', 'M9 3v4M15 3v4M9 17v4M15 17v4M3 9h4M3 15h4M17 9h4M17 15h4'],
  data: [
    'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3z',
    'M4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  ],
  procedure: ['M9 4h6v3H9z', 'M7 5H5v16h14V5h-2M8 11h8M8 15h5'],
  system: ['M3 4h18v12H3z', 'M8 20h8M12 16v4'],
};

export function ComponentIcon({ component, size = 16 }: { component: Component; size?: number }) {
  return (
    <svg {...base} width={size} height={size}>
      {PATHS[component].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}

/** Navigation icon of the CPSF section: three stacked layers. */
export function CpsfNavIcon() {
  return (
    <svg {...base} width={18} height={18}>
      <path d="m12 3 9 4.5-9 4.5-9-4.5z" />
      <path d="m3 12 9 4.5 9-4.5M3 16.5 12 21l9-4.5" />
    </svg>
  );
}
