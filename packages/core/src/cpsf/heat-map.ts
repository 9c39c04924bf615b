import type { DerivedElement } from './derive.ts';
import { COMPONENTS, LAYERS, type Component, type Layer, type Model } from './model.ts';

export interface HeatCell {
  layer: Layer;
  component: Component;
  elements: number;
  /** Element × requirement pairs that apply (status 'na' excluded). */
  required: number;
  met: number;
  /** required − met: partial, unmet and unassessed. */
  gaps: number;
}

export type RequirementStatusFn = (
  elementId: string,
  requirementRef: string,
) => 'met' | 'partial' | 'unmet' | 'na' | null;

/** The layer × component grid (18 cells, layer-major in LAYERS × COMPONENTS order). */
export function heatMap(
  model: Model,
  derived: readonly DerivedElement[],
  status: RequirementStatusFn,
): HeatCell[] {
  const cells: HeatCell[] = [];
  const at = new Map<string, HeatCell>();
  for (const layer of LAYERS)
    for (const component of COMPONENTS) {
      const cell: HeatCell = { layer, component, elements: 0, required: 0, met: 0, gaps: 0 };
      cells.push(cell);
      at.set(`${layer}/${component}`, cell);
    }
  const cellOf = new Map<string, HeatCell>();
  for (const el of model.elements) {
    if (cellOf.has(el.id)) continue;
    const cell = at.get(`${el.layer}/${el.component}`);
    if (!cell) continue;
    cellOf.set(el.id, cell);
    cell.elements++;
  }
  for (const d of derived) {
    const cell = cellOf.get(d.elementId);
    if (!cell) continue;
    for (const q of d.requirements) {
      const s = status(d.elementId, q.ref);
      if (s === 'na') continue;
      cell.required++;
      if (s === 'met') cell.met++;
      else cell.gaps++;
    }
  }
  return cells;
}
