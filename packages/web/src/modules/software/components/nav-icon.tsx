// The menu icon of the software section, apart from the page helpers: the menu (and the module registry)
// loads it with the app shell, before any of the module's strings.
import { ICON_PROPS } from '../../../components/icons';

/** A box of packages: the navigation icon of the software section. */
export const SoftwareNavIcon = () => (
  <svg {...ICON_PROPS}>
    <path d="M12 3 4 7v10l8 4 8-4V7z" />
    <path d="m4 7 8 4 8-4M12 11v10" />
  </svg>
);
