import type { NavEntry } from '../types';
import { LARGER_SIZES } from '../visibility';
import { SoftwareNavIcon } from './components/nav-icon';

export const nav: readonly NavEntry[] = [
  { section: 'software', label: 'software', icon: SoftwareNavIcon, order: 50, sizes: LARGER_SIZES },
];
