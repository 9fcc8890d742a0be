/**
 * The PNG export: the whole visible graph (not just the viewport), under a title, a caption saying what is shown
 * (the filters) and from which source, and over a legend of the style rule's colours and the line styles. Drawn on a canvas; text is drawn
 * as text, never parsed as HTML.
 */
import type { Core } from 'cytoscape';
import type { Direction } from '../ui-types.ts';

export interface PngCaption {
  title: string;
  /** "Shown: …" and "Source: …" lines, and the counts. */
  lines: string[];
  /** The colour legend of the style rule in force: a colour and what it stands for. */
  marks: Array<{ colour: string; name: string }>;
  edges: string;
  dir: Direction;
}

const FONT = '"Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans", sans-serif';
const SCALE = 2;
const MARGIN = 24;

/** Wraps a text into lines no wider than `width`. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The part of Cytoscape's full image that holds what is shown: elements hidden by a filter are drawn as nothing but
 * still count in the bounds the full image covers (style.ts, `.hidden`).
 */
async function shownPart(cy: Core, full: Blob): Promise<ImageBitmap> {
  const image = await createImageBitmap(full);
  const all = cy.elements().boundingBox();
  const shown = cy.elements(':visible').boundingBox();
  if (shown.w <= 0 || shown.h <= 0 || all.w <= 0) return image;
  // Cytoscape draws the bounds at ceil(width) × its scale (SCALE and the pixel ratio).
  const k = image.width / Math.ceil(all.w);
  const x = Math.max(0, Math.floor((shown.x1 - all.x1) * k));
  const y = Math.max(0, Math.floor((shown.y1 - all.y1) * k));
  const width = Math.min(image.width - x, Math.round(Math.ceil(shown.w) * k));
  const height = Math.min(image.height - y, Math.round(Math.ceil(shown.h) * k));
  if (x === 0 && y === 0 && width === image.width && height === image.height) return image;
  const cropped = await createImageBitmap(image, x, y, width, height);
  image.close();
  return cropped;
}

/** The visible graph at `SCALE`×, framed by the caption above and the legend below. */
export async function graphPng(cy: Core, caption: PngCaption): Promise<Blob> {
  const graph = (await cy.png({ output: 'blob-promise', bg: '#ffffff', full: true, scale: SCALE })) as Blob;
  const image = await shownPart(cy, graph);
  const width = Math.max(image.width + 2 * MARGIN * SCALE, 900 * SCALE);
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) return graph;
  measure.font = `${13 * SCALE}px ${FONT}`;
  const textWidth = width - 2 * MARGIN * SCALE;
  const lines = caption.lines.flatMap((l) => wrap(measure, l, textWidth));
  const headerHeight = (MARGIN + 26 + lines.length * 19 + 12) * SCALE;
  const legendHeight = 56 * SCALE;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = headerHeight + image.height + legendHeight;
  const ctx = canvas.getContext('2d');
  if (!ctx) return graph;
  ctx.direction = caption.dir;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const rtl = caption.dir === 'rtl';
  const x = rtl ? width - MARGIN * SCALE : MARGIN * SCALE;
  ctx.textAlign = 'start';
  ctx.fillStyle = '#111827';
  ctx.font = `bold ${18 * SCALE}px ${FONT}`;
  ctx.fillText(caption.title, x, (MARGIN + 16) * SCALE);
  ctx.font = `${13 * SCALE}px ${FONT}`;
  ctx.fillStyle = '#374151';
  lines.forEach((line, i) => {
    ctx.fillText(line, x, (MARGIN + 40 + i * 19) * SCALE);
  });
  ctx.drawImage(image, (width - image.width) / 2, headerHeight);
  // Legend: the colours of the style rule in force (kinds by default), then the line styles.
  const legendTop = headerHeight + image.height + 22 * SCALE;
  let cursor = x;
  ctx.font = `${12 * SCALE}px ${FONT}`;
  caption.marks.forEach(({ colour, name }) => {
    const mark = 10 * SCALE;
    const left = rtl ? cursor - mark : cursor;
    ctx.fillStyle = colour;
    ctx.fillRect(left, legendTop - mark + 2 * SCALE, mark, mark);
    ctx.fillStyle = '#111827';
    const textX = rtl ? left - 6 * SCALE : left + mark + 6 * SCALE;
    ctx.fillText(name, textX, legendTop);
    const step = mark + 12 * SCALE + ctx.measureText(name).width + 16 * SCALE;
    cursor += rtl ? -step : step;
  });
  ctx.fillStyle = '#4b5563';
  ctx.fillText(caption.edges, x, legendTop + 22 * SCALE);
  image.close();
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob ?? graph), 'image/png'));
}
