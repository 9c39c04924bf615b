import { NavIcons } from '../../components/icons';
import type { NavEntry } from '../types';
import { LARGER_SIZES } from '../visibility';

export const nav: readonly NavEntry[] = [
  { section: 'catalogs', label: 'catalogs', icon: NavIcons.catalogs, order: 70, sizes: LARGER_SIZES },
];
