import { NavIcons } from '../../components/icons';
import type { NavEntry } from '../types';
import { LARGER_SIZES } from '../visibility';

export const nav: readonly NavEntry[] = [
  {
    section: 'assessments',
    label: 'assessments',
    icon: NavIcons.assessments,
    order: 60,
    sizes: LARGER_SIZES,
  },
  { section: 'shared', label: 'shared', icon: NavIcons.shared, order: 110 },
];
