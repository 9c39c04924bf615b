import { NavIcons } from '../../components/icons';
import type { NavEntry } from '../types';
import { LARGER_SIZES } from '../visibility';

export const nav: readonly NavEntry[] = [
  { section: 'governance', label: 'governance', icon: NavIcons.governance, order: 30, sizes: LARGER_SIZES },
];
