// Tiny inline SVG icons (decorative: hidden from assistive technology); modules draw theirs with ICON_PROPS.
export const ICON_PROPS = {
  width: 18,
  height: 18,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
} as const;

export const PlusIcon = () => (
  <svg {...ICON_PROPS}>
    <path d="M12 5v14M5 12h14" />
  </svg>
);

export const ChevronDownIcon = () => (
  <svg {...ICON_PROPS} width={14} height={14}>
    <path d="m6 9 6 6 6-6" />
  </svg>
);

export const ShieldIcon = ({ size = 24 }: { size?: number }) => (
  <svg {...ICON_PROPS} width={size} height={size}>
    <path d="M12 3 4 6v6c0 5 3.5 8.5 8 9 4.5-.5 8-4 8-9V6z" />
    <path d="m9 12 2 2 4-4" />
  </svg>
);

export const NavIcons = {
  overview: () => (
    <svg {...ICON_PROPS}>
      <path d="M3 21h18M5 21V7l7-4 7 4v14M9 21v-6h6v6" />
    </svg>
  ),
  assessments: () => (
    <svg {...ICON_PROPS}>
      <rect x="5" y="3" width="14" height="18" rx="2" />
      <path d="M9 3v2h6V3M9 11l1.5 1.5L13 10M9 16.5l1.5 1.5 2.5-2.5" />
    </svg>
  ),
  catalogs: () => (
    <svg {...ICON_PROPS}>
      <path d="M4 5a2 2 0 0 1 2-2h13v15H6a2 2 0 0 0-2 2z" />
      <path d="M4 20a2 2 0 0 0 2 2h13v-4M9 8h6M9 12h4" />
    </svg>
  ),
  members: () => (
    <svg {...ICON_PROPS}>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2.5 20c.8-3.5 3.4-5.5 6.5-5.5s5.7 2 6.5 5.5M16 4.8a3.5 3.5 0 0 1 0 6.4M18 14.8c1.8.8 3 2.6 3.5 5.2" />
    </svg>
  ),
  invitations: () => (
    <svg {...ICON_PROPS}>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="m3 7 9 6 9-6" />
    </svg>
  ),
  relationships: () => (
    <svg {...ICON_PROPS}>
      <circle cx="6" cy="12" r="3" />
      <circle cx="18" cy="6" r="3" />
      <circle cx="18" cy="18" r="3" />
      <path d="m8.7 10.7 6.6-3.4M8.7 13.3l6.6 3.4" />
    </svg>
  ),
  tokens: () => (
    <svg {...ICON_PROPS}>
      <circle cx="8" cy="15" r="4" />
      <path d="m10.8 12.2 9.2-9.2M17 6l3 3M14 9l2 2" />
    </svg>
  ),
  audit: () => (
    <svg {...ICON_PROPS}>
      <path d="M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9z" />
      <path d="M14 3v6h6M8 13h8M8 17h5" />
    </svg>
  ),
  sme: () => (
    <svg {...ICON_PROPS}>
      <path d="M12 3 4 6v6c0 5 3.5 8.5 8 9 4.5-.5 8-4 8-9V6z" />
      <path d="m12 8 1.2 2.5 2.8.4-2 2 .5 2.8-2.5-1.3-2.5 1.3.5-2.8-2-2 2.8-.4z" />
    </svg>
  ),
  governance: () => (
    <svg {...ICON_PROPS}>
      <path d="M12 3 21 9l-9 6-9-6z" />
      <path d="M12 3v12M3 9l9 3 9-3M7 20h10M12 15v5" />
    </svg>
  ),
  shared: () => (
    <svg {...ICON_PROPS}>
      <path d="M4 12v7a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-7" />
      <path d="M12 15V3M8 7l4-4 4 4" />
    </svg>
  ),
  account: () => (
    <svg {...ICON_PROPS}>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c1-4 4.2-6 8-6s7 2 8 6" />
    </svg>
  ),
  more: () => (
    <svg {...ICON_PROPS}>
      <circle cx="5" cy="12" r="1" />
      <circle cx="12" cy="12" r="1" />
      <circle cx="19" cy="12" r="1" />
    </svg>
  ),
};

export const DownloadIcon = () => (
  <svg {...ICON_PROPS}>
    <path d="M12 4v11M7 10l5 5 5-5M5 20h14" />
  </svg>
);

export const UploadIcon = () => (
  <svg {...ICON_PROPS}>
    <path d="M12 20V9M7 13l5-5 5 5M5 4h14" />
  </svg>
);

export const SearchIcon = () => (
  <svg {...ICON_PROPS} width={16} height={16}>
    <circle cx="11" cy="11" r="7" />
    <path d="m20 20-4-4" />
  </svg>
);

export const KeyboardIcon = () => (
  <svg {...ICON_PROPS}>
    <rect x="2" y="6" width="20" height="12" rx="2" />
    <path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10" />
  </svg>
);

export const ChevronRightIcon = () => (
  <svg {...ICON_PROPS} width={14} height={14}>
    <path d="m9 6 6 6-6 6" />
  </svg>
);
