/**
 * Measures the drawn graph for labels.ts: each visible node's body and the four spots its name could take, each
 * highlighted link's relation word, on screen; labels.ts chooses which fit inside the pane. view.ts applies the choice.
 */
import type { Core, EdgeSingular } from 'cytoscape';
import { type Box, chooseLabels, type LabelCandidate } from './labels.ts';
import { EDGE_LABEL_PX, LABEL_PX } from './style.ts';

/** How many of the best connected nodes are always named. */
const HUBS = 6;

/**
 * The names to draw (node id → spot in LABEL_SPOTS) and the relation words (edge ids), the selection, the cursor, a
 * path and the selection's neighbours first; `ctx` measures text (an estimate without it).
 */
export function placeLabels(
  cy: Core,
  ctx: CanvasRenderingContext2D | null,
): { shown: Map<string, number>; edgeLabels: Map<string, number> } {
  if (ctx) ctx.font = `${LABEL_PX}px "Noto Sans", "Noto Sans Arabic", sans-serif`;
  const obstacles = new Map<string, Box>();
  const candidates: LabelCandidate[] = [];
  // The best connected few are named even where their label covers a smaller node.
  const hubs = new Set(
    cy
      .nodes(':visible')
      .sort((a, b) => (b.data('degree') as number) - (a.data('degree') as number) || (a.id() < b.id() ? -1 : 1))
      .slice(0, HUBS)
      .map((n) => n.id()),
  );
  cy.nodes(':visible').forEach((node) => {
    const body = node.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
    obstacles.set(node.id(), body);
    const text = node.data('label') as string;
    const width = ctx ? ctx.measureText(text).width : text.length * 7;
    const p = node.renderedPosition();
    const h = LABEL_PX + 4;
    const half = width / 2 + 2;
    const priority = node.selected()
      ? 5000
      : node.hasClass('kb-cursor')
        ? 4500
        : node.hasClass('path')
          ? 4000
          : node.hasClass('highlighted')
            ? 3000
            : (node.data('degree') as number);
    // The spots of LABEL_SPOTS: below, above, right and left of the node.
    candidates.push({
      id: node.id(),
      priority: hubs.has(node.id()) ? priority + 1000 : priority,
      overNodes: priority >= 4000 || hubs.has(node.id()),
      boxes: [
        { x1: p.x - half, x2: p.x + half, y1: body.y2 + 2, y2: body.y2 + 2 + h },
        { x1: p.x - half, x2: p.x + half, y1: body.y1 - 2 - h, y2: body.y1 - 2 },
        { x1: body.x2 + 3, x2: body.x2 + 3 + 2 * half, y1: p.y - h / 2, y2: p.y + h / 2 },
        { x1: body.x1 - 3 - 2 * half, x2: body.x1 - 3, y1: p.y - h / 2, y2: p.y + h / 2 },
      ],
    });
  });
  const pane: Box = { x1: 0, y1: 0, x2: cy.width(), y2: cy.height() };
  const shown = chooseLabels(candidates, obstacles, pane);
  // Relation words on the selection's links, where they fit among the names and each other.
  const taken = new Map(obstacles);
  for (const c of candidates) {
    const spot = shown.get(c.id);
    if (spot !== undefined) taken.set(`label:${c.id}`, c.boxes[spot] as Box);
  }
  if (ctx) ctx.font = `${EDGE_LABEL_PX}px "Noto Sans", "Noto Sans Arabic", sans-serif`;
  const edgeCandidates: LabelCandidate[] = cy
    .edges('.highlighted:visible')
    .filter((edge) => !edge.selected() && !edge.hasClass('path'))
    .map((edge) => {
      const text = edge.data('label') as string;
      const half = (ctx ? ctx.measureText(text).width : text.length * 6) / 2 + 4;
      const m = (edge as unknown as EdgeSingular).renderedMidpoint();
      const h = EDGE_LABEL_PX / 2 + 3;
      return { id: edge.id(), priority: 0, boxes: [{ x1: m.x - half, x2: m.x + half, y1: m.y - h, y2: m.y + h }] };
    });
  return { shown, edgeLabels: chooseLabels(edgeCandidates, taken, pane) };
}
