import type { CatalogPack, PackNode, Text } from '../../catalog/pack.ts';
import {
  BUILDING_PHASES,
  deviceIdPrefix,
  deviceShape,
  isBuildingPhase,
  isUsablePrefix,
  measureLines,
  tagValues,
  type BuildingPhase,
} from './profile.ts';

export interface BuildingProblem {
  /** JSON pointer into the pack (or, for the wizard, into its input). */
  pointer: string;
  message: Text;
}

const list = (phases: Iterable<BuildingPhase>) => [...phases].sort().join(', ') || '—';

/**
 * Checks that a pack has the shape of a building-systems profile (what the JSON Schema cannot say): every
 * location has device types, every device type has a valid element shape, a unique id prefix and at least one
 * requirement, and every requirement has at least one phase tag and exactly one measure line per tagged phase
 * in both languages.
 */
export function checkBuildingPack(pack: CatalogPack): BuildingProblem[] {
  const problems: BuildingProblem[] = [];
  const prefixes = new Map<string, string>();
  pack.nodes.forEach((loc, i) => {
    const locPtr = `/nodes/${i}`;
    const devices = (loc.children ?? [])
      .map((d, j) => ({ d, j }))
      .filter(({ d }) => tagValues(d, 'component').length > 0);
    if (devices.length === 0)
      problems.push({
        pointer: `${locPtr}/children`,
        message: {
          ja: `場所「${loc.ref}」に機器の種類（component タグのあるグループ）がありません。`,
          en: `Location "${loc.ref}" has no device type (a group tagged component:…).`,
        },
      });
    for (const { d, j } of devices) {
      const ptr = `${locPtr}/children/${j}`;
      if (deviceShape(d) === null)
        problems.push({
          pointer: `${ptr}/tags`,
          message: {
            ja: `機器「${d.ref}」のタグから要素の形が決まりません。component・layer と、モノなら thing のタグを1つずつ付けてください。`,
            en: `Device "${d.ref}" does not get an element shape from its tags. Give it one component and one layer tag, and a thing tag if it is a thing.`,
          },
        });
      const prefix = deviceIdPrefix(d.ref);
      const clash = prefixes.get(prefix);
      if (clash !== undefined || !isUsablePrefix(prefix))
        problems.push({
          pointer: `${ptr}/ref`,
          message: {
            ja: `機器「${d.ref}」の要素IDの接頭辞「${prefix}」は${clash ? `「${clash}」と重なります` : '使えません（英大文字と数字で16文字まで、ORG・SYS など予約されたものは不可）'}。参照IDの最後の部分を変えてください。`,
            en: `Device "${d.ref}" gives the element id prefix "${prefix}", which ${clash ? `clashes with "${clash}"` : 'is not allowed (up to 16 upper-case letters and digits, not a reserved one such as ORG or SYS)'}. Change the last part of its ref.`,
          },
        });
      else prefixes.set(prefix, d.ref);
      problems.push(...checkRequirements(d, ptr));
    }
  });
  return problems;
}

function checkRequirements(device: PackNode, devicePtr: string): BuildingProblem[] {
  const problems: BuildingProblem[] = [];
  let count = 0;
  const walk = (nodes: readonly PackNode[], base: string) =>
    nodes.forEach((n, k) => {
      const ptr = `${base}/${k}`;
      if (n.answerModel === undefined) {
        walk(n.children ?? [], `${ptr}/children`);
        return;
      }
      count += 1;
      const tagged = new Set(tagValues(n, 'phase').filter(isBuildingPhase));
      if (tagged.size === 0)
        problems.push({
          pointer: `${ptr}/tags`,
          message: {
            ja: `要件「${n.ref}」にフェーズのタグ（phase:…）がありません。`,
            en: `Requirement "${n.ref}" has no phase tag (phase:…).`,
          },
        });
      for (const lang of ['ja', 'en'] as const) {
        const lines = new Set(measureLines(n.guidance?.[lang], lang).keys());
        const same =
          lines.size === tagged.size && BUILDING_PHASES.every((p) => lines.has(p) === tagged.has(p));
        if (!same)
          problems.push({
            pointer: `${ptr}/guidance/${lang}`,
            message: {
              ja: `要件「${n.ref}」の対策の行（${list(lines)}）がフェーズのタグ（${list(tagged)}）と合いません。`,
              en: `Requirement "${n.ref}" has measure lines for ${list(lines)} but phase tags for ${list(tagged)}.`,
            },
          });
      }
    });
  walk(device.children ?? [], `${devicePtr}/children`);
  if (count === 0)
    problems.push({
      pointer: `${devicePtr}/children`,
      message: {
        ja: `機器「${device.ref}」に対策要件（回答のある項目）がありません。`,
        en: `Device "${device.ref}" has no requirement (an item with an answer model).`,
      },
    });
  return problems;
}
