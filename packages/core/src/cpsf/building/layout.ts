import type { Element, Layer } from '../model.ts';

/**
 * Swimlane layout for a generated model. Positions are relative to the top of the element's own lane (as the
 * editor stores them: layer 1 is the top lane, 2 the middle, 3 the bottom), below the lane's title band
 * (LANE_TOP). Inside a lane, elements fill columns of ROWS_PER_LANE rows from left to right, so that a node up to
 * COLUMN_STEP − 10 wide and ROW_STEP − 10 tall never overlaps another or leaves its LANE_HEIGHT-tall lane.
 */
export const LANE_TOP = 60;
export const LANE_HEIGHT = 440;
export const COLUMN_STEP = 230;
export const ROW_STEP = 90;
export const ROWS_PER_LANE = 4;
export const LANE_PADDING = 20;

export function lanePosition(_layer: Layer, index: number): { x: number; y: number } {
  const column = Math.floor(index / ROWS_PER_LANE);
  const row = index % ROWS_PER_LANE;
  return {
    x: LANE_PADDING + column * COLUMN_STEP,
    y: LANE_TOP + row * ROW_STEP,
  };
}

/** Returns the elements with positions set, in the same order; the n-th element of a layer gets slot n. */
export function layoutInLanes(elements: readonly Element[]): Element[] {
  const next: Record<Layer, number> = { 1: 0, 2: 0, 3: 0 };
  return elements.map((el) => {
    const index = next[el.layer];
    next[el.layer] = index + 1;
    return { ...el, position: lanePosition(el.layer, index) };
  });
}
