import { NavIcons } from '../../components/icons';
import type { NavEntry } from '../types';

export const nav: readonly NavEntry[] = [{ section: 'sme', label: 'sme', icon: NavIcons.sme, order: 20 }];
