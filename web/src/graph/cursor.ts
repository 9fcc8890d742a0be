/**
 * The graph's keyboard cursor: where the arrow keys move it, to the neighbour lying most in the arrow's direction on
 * screen (the selection, or the best connected node, when there is no cursor yet).
 */
import type { Core } from 'cytoscape';

export type CursorMove = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

const DIRECTIONS: Record<CursorMove, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** The id the cursor moves to from `cursor` (null: nothing visible); `key` null only places a missing cursor. */
export function nextCursor(cy: Core, cursor: string | null, key: CursorMove | null): string | null {
  const visible = cy.nodes(':visible');
  if (visible.empty()) return null;
  const current = cursor ? cy.getElementById(cursor) : cy.collection();
  if (current.empty() || !current.visible()) {
    const selected = cy.nodes(':selected:visible');
    const start = selected.nonempty()
      ? selected.first()
      : visible.max((n) => (n.data('degree') as number) * 1000 - n.id().length).ele;
    return start.id();
  }
  if (key === null) return cursor;
  const [dx, dy] = DIRECTIONS[key];
  const from = current.renderedPosition();
  let best: { id: string; score: number } | null = null;
  for (const n of current.neighborhood('node:visible')) {
    const p = n.renderedPosition();
    const vx = p.x - from.x;
    const vy = p.y - from.y;
    const distance = Math.hypot(vx, vy) || 1;
    const along = (vx * dx + vy * dy) / distance;
    if (along <= 0.2) continue;
    const score = along * 2 - distance / 1000;
    if (!best || score > best.score) best = { id: n.id(), score };
  }
  return best ? best.id : cursor;
}
