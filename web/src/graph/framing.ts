/**
 * Framing: the zoom and pan that fit a box of the graph into the room the pane's overlays leave (legend, controls,
 * bars), with space for the names under the lowest nodes. One rule for a graph already drawn (its bounding box) and
 * for a fresh graph framed before its elements arrive (its positions).
 */
import type { Position } from 'cytoscape';
import type { Box } from './labels.ts';
import { LABEL_PX } from './style.ts';

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

/** Space kept around the framed graph inside the room, px. */
const PAD = 24;
/** Room for the labels under the lowest nodes, px. */
export const LABEL_ROOM = LABEL_PX + 8;

export interface FrameOptions {
  insets?: Insets;
  maxZoom?: number;
  labelRoom?: number;
}

/**
 * The zoom and pan that put `box` (model coordinates) in the middle of a `width` × `height` pane minus `insets`,
 * within the zoom bounds and never past `maxZoom`: Cytoscape's own fit pads evenly and would put nodes under the legend.
 */
export function frameBox(
  box: Box,
  width: number,
  height: number,
  zoomBounds: { min: number; max: number },
  { insets = NO_INSETS, maxZoom = 2, labelRoom = LABEL_ROOM }: FrameOptions = {},
): { zoom: number; pan: Position } {
  const room = {
    x1: insets.left + PAD,
    y1: insets.top + PAD,
    x2: width - insets.right - PAD,
    y2: height - insets.bottom - PAD,
  };
  const roomW = Math.max(40, room.x2 - room.x1);
  const roomH = Math.max(40, room.y2 - room.y1);
  const w = Math.max(box.x2 - box.x1, 1);
  const h = Math.max(box.y2 - box.y1, 1);
  const zoom = Math.max(zoomBounds.min, Math.min(maxZoom, zoomBounds.max, roomW / w, (roomH - labelRoom) / h));
  return {
    zoom,
    pan: {
      x: (room.x1 + room.x2) / 2 - ((box.x1 + box.x2) / 2) * zoom,
      y: (room.y1 + room.y2 - labelRoom) / 2 - ((box.y1 + box.y2) / 2) * zoom,
    },
  };
}

/** The box around points, each with its own half-size (`r`) or `margin`: a graph's bounds before it is drawn. */
export function boxAround(points: ReadonlyArray<Position & { r?: number }>, margin = 12): Box {
  if (points.length === 0) return { x1: 0, y1: 0, x2: 0, y2: 0 };
  const box = {
    x1: Number.POSITIVE_INFINITY,
    y1: Number.POSITIVE_INFINITY,
    x2: Number.NEGATIVE_INFINITY,
    y2: Number.NEGATIVE_INFINITY,
  };
  for (const p of points) {
    const r = p.r ?? margin;
    box.x1 = Math.min(box.x1, p.x - r);
    box.x2 = Math.max(box.x2, p.x + r);
    box.y1 = Math.min(box.y1, p.y - r);
    box.y2 = Math.max(box.y2, p.y + r);
  }
  return box;
}

/** Nodes spread on a sunflower spiral around a point: an instant, even first placement before the layout. */
export function spiralPosition(index: number, origin = { x: 0, y: 0 }, spacing = 40): { x: number; y: number } {
  const radius = spacing * Math.sqrt(index + 0.5);
  const angle = index * 2.399963229728653;
  return { x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) };
}
