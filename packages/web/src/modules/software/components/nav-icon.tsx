// The menu icon of the software section, apart from the page helpers: the menu (and the module registry)
// loads it with the app shell, before any of the module's strings.
const base = {
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

/** A box of packages: the navigation icon of the software section. */
export const SoftwareNavIcon = () => (
  <svg {...base}>
    <path d="M12 3 4 7v10l8 4 8-4V7z" />
    <path d="m4 7 8 4 8-4M12 11v10" />
  </svg>
);
