/**
 * Which node labels the graph draws: as many as fit without touching another label or another node, the most
 * important first (the selection, the keyboard cursor, a shown path, the selection's neighbours, then the best
 * connected). The rest are read in the hover tooltip and the panel. Pure geometry here; view.ts measures and applies.
 */

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface LabelCandidate {
  id: string;
  /** Higher first. */
  priority: number;
  /** Where the label can go, in order of preference (below the node, above, beside). */
  boxes: Box[];
  /** May cover other nodes (never other labels): the hubs and the selection are always named. */
  overNodes?: boolean;
}

/** The label positions view.ts offers, in the order of a candidate's boxes. */
export const LABEL_SPOTS = ['below', 'above', 'right', 'left'] as const;
export type LabelSpot = (typeof LABEL_SPOTS)[number];

const GAP = 2;

export function overlaps(a: Box, b: Box, gap = GAP): boolean {
  return a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;
}

function inside(box: Box, pane: Box): boolean {
  return box.x1 >= pane.x1 && box.x2 <= pane.x2 && box.y1 >= pane.y1 && box.y2 <= pane.y2;
}

/**
 * Greedy choice: candidates in priority order (ties by id, so the choice is the same every time), each at the first
 * of its spots that lies inside `pane` (a name cut by the pane's edge is not drawn there) and overlaps no kept label
 * and no node but its own. Returns the chosen spot's index by node id; a node missing from the map gets no label.
 */
export function chooseLabels(
  candidates: readonly LabelCandidate[],
  obstacles: ReadonlyMap<string, Box>,
  pane?: Box,
): Map<string, number> {
  const kept = new Map<string, number>();
  const placed: Box[] = [];
  const order = [...candidates].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const c of order) {
    const spot = c.boxes.findIndex((box) => {
      if (pane && !inside(box, pane)) return false;
      if (placed.some((p) => overlaps(p, box))) return false;
      if (c.overNodes) return true;
      for (const [id, body] of obstacles) if (id !== c.id && overlaps(body, box, 0)) return false;
      return true;
    });
    if (spot < 0) continue;
    kept.set(c.id, spot);
    placed.push(c.boxes[spot] as Box);
  }
  return kept;
}
