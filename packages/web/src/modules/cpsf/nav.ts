import type { NavEntry } from '../types';
import { LARGER_SIZES } from '../visibility';
import { CpsfNavIcon } from './components/meta';

export const nav: readonly NavEntry[] = [
  { section: 'cpsf', label: 'cpsf', icon: CpsfNavIcon, order: 40, sizes: LARGER_SIZES },
];
