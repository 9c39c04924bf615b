import type { Text } from '../catalog/pack.ts';
import type { Component, Layer, ThingKind } from './model.ts';

/** 第1層〜第3層: short names for messages and tables. */
export const LAYER_LABELS: Record<Layer, Text> = {
  1: { ja: '第1層（企業間のつながり）', en: 'Layer 1 (between organizations)' },
  2: { ja: '第2層（フィジカルとサイバーの境界）', en: 'Layer 2 (cyber–physical boundary)' },
  3: { ja: '第3層（サイバー空間のつながり）', en: 'Layer 3 (within cyberspace)' },
};

/** The six components in the seed's katakana (ソシキ, ヒト, モノ, データ, プロシージャ, システム). */
export const COMPONENT_LABELS: Record<Component, Text> = {
  organization: { ja: 'ソシキ', en: 'Organization' },
  people: { ja: 'ヒト', en: 'People' },
  thing: { ja: 'モノ', en: 'Thing' },
  data: { ja: 'データ', en: 'Data' },
  procedure: { ja: 'プロシージャ', en: 'Procedure' },
  system: { ja: 'システム', en: 'System' },
};

export const THING_KIND_LABELS: Record<ThingKind, Text> = {
  hardware: { ja: 'ハードウェア', en: 'hardware' },
  software: { ja: 'ソフトウェア', en: 'software' },
  iot_device: { ja: 'IoT機器', en: 'IoT device' },
};

/** How an element is named in a message: 「name」(id). */
export function elementLabel(el: { id: string; name: string } | undefined, id: string): Text {
  if (!el) return { ja: `「${id}」`, en: `"${id}"` };
  return el.name && el.name !== el.id
    ? { ja: `「${el.name}」(${el.id})`, en: `"${el.name}" (${el.id})` }
    : { ja: `「${el.id}」`, en: `"${el.id}"` };
}
