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
  box: Box;
}

const GAP = 2;

export function overlaps(a: Box, b: Box, gap = GAP): boolean {
  return a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;
}

/**
 * Greedy choice: candidates in priority order (ties by id, so the choice is the same every time), each kept when its
 * box is inside `bounds` (when given) and overlaps no kept label and no obstacle but its own node's body.
 */
export function chooseLabels(
  candidates: readonly LabelCandidate[],
  obstacles: ReadonlyMap<string, Box>,
  bounds?: Box,
): Set<string> {
  const kept = new Set<string>();
  const placed: Box[] = [];
  const order = [...candidates].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const c of order) {
    if (bounds && (c.box.x1 < bounds.x1 || c.box.x2 > bounds.x2 || c.box.y1 < bounds.y1 || c.box.y2 > bounds.y2))
      continue;
    if (placed.some((p) => overlaps(p, c.box))) continue;
    let blocked = false;
    for (const [id, body] of obstacles)
      if (id !== c.id && overlaps(body, c.box, 0)) {
        blocked = true;
        break;
      }
    if (blocked) continue;
    kept.add(c.id);
    placed.push(c.box);
  }
  return kept;
}
