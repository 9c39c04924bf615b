// Starting counts for the building wizard's devices, from the building's size (floors, total floor area).
// These are our own modest rules of thumb so that a first model is not empty, not figures from the
// guideline: one of each central device, controllers for every two floors, a panel and a wiring-closet
// switch on every floor, a few sensors and end devices by floor area (grouped: one element stands for
// the sensors of an area, not for every sensor). The user corrects them in the wizard.
import type { Text } from '../../catalog/pack.ts';

export interface BuildingSize {
  /** Floors above ground (1–200). */
  floors: number;
  /** Total floor area in m² (延床面積), 0 when unknown. */
  floorArea: number;
}

export interface SuggestedCount {
  count: number;
  /** Why this count, shown next to the field. */
  reason: Text;
}

const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, Math.round(n)));

const RULES: Record<string, (s: BuildingSize) => SuggestedCount> = {
  'BLD-DEV-SRV': () => ({ count: 1, reason: { ja: '1棟に1台', en: 'one per building' } }),
  'BLD-DEV-HMI': () => ({ count: 1, reason: { ja: '1棟に1台', en: 'one per building' } }),
  'BLD-DEV-CORESW': () => ({ count: 1, reason: { ja: '1棟に1式', en: 'one set per building' } }),
  'BLD-DEV-EXTFW': () => ({ count: 1, reason: { ja: '外部接続に1式', en: 'one set for outside links' } }),
  'BLD-DEV-PC': () => ({ count: 1, reason: { ja: '管理事務所に1台', en: 'one in the management office' } }),
  'BLD-DEV-MPC': () => ({ count: 1, reason: { ja: '保守業者ごとに1台', en: 'one per maintenance firm' } }),
  'BLD-DEV-MRSW': () => ({ count: 1, reason: { ja: '機械室に1式', en: 'one set in the plant room' } }),
  'BLD-DEV-GW': () => ({ count: 1, reason: { ja: '1棟に1台', en: 'one per building' } }),
  'BLD-DEV-WEB': () => ({
    count: 0,
    reason: { ja: 'クラウドを使うときに追加', en: 'add when a cloud is used' },
  }),
  'BLD-DEV-LINK': (s) => ({
    count: s.floors >= 3 ? 1 : 0,
    reason: { ja: '3階以上：昇降機など1', en: '3 floors or more: lifts and others, 1' },
  }),
  'BLD-DEV-DDC': (s) => ({
    count: clamp(s.floors / 2, 1, 20),
    reason: { ja: '2フロアに1台', en: 'one per two floors' },
  }),
  'BLD-DEV-PNL': (s) => ({ count: clamp(s.floors, 1, 20), reason: { ja: '各階に1面', en: 'one per floor' } }),
  'BLD-DEV-RACKSW': (s) => ({
    count: clamp(s.floors, 1, 20),
    reason: { ja: '各階に1台', en: 'one per floor' },
  }),
  'BLD-DEV-SNS': (s) => ({
    count: clamp(Math.max(s.floors, s.floorArea / 1000), 1, 30),
    reason: { ja: '1,000m²ごとに1（各階1以上）', en: 'one per 1,000 m² (at least one per floor)' },
  }),
  'BLD-DEV-ACT': (s) => ({
    count: clamp(s.floorArea / 2000, 1, 20),
    reason: { ja: '2,000m²ごとに1', en: 'one per 2,000 m²' },
  }),
};

/** The suggested count of each device the rules know (others are left out: the wizard starts them at 0). */
export function suggestedDeviceCounts(size: BuildingSize): Map<string, SuggestedCount> {
  const s: BuildingSize = {
    floors: clamp(Number.isFinite(size.floors) ? size.floors : 1, 1, 200),
    floorArea: Math.max(0, Number.isFinite(size.floorArea) ? size.floorArea : 0),
  };
  return new Map(Object.entries(RULES).map(([ref, rule]) => [ref, rule(s)]));
}
