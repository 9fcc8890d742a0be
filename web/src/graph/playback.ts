/**
 * The time bar's steps: the days on which events and agreements enter the graph (as of a day, by the rule of
 * time-respecting paths: `earliest`, or `latest` when the start is unknown), each with what enters on it. Pure.
 */
import type { NodeFieldsFragment } from '../generated/graphql.ts';
import { entryDay } from './elements.ts';

export interface PlaybackStep {
  day: string;
  /** Events and agreements that enter on this day, by id (in id order). */
  entering: string[];
}

type Dated = Pick<NodeFieldsFragment, 'id'> & { date?: { earliest: string | null; latest: string | null } | null };

/** The steps, in time order; undated nodes never enter (they have no place on the time bar). */
export function playbackSteps(nodes: readonly Dated[]): PlaybackStep[] {
  const byDay = new Map<string, string[]>();
  for (const node of nodes) {
    if (!node.date) continue;
    const day = entryDay(node.date.earliest, node.date.latest);
    if (day === null) continue;
    const list = byDay.get(day) ?? [];
    list.push(node.id);
    byDay.set(day, list);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, entering]) => ({ day, entering: entering.sort() }));
}

/** The index of the last step on or before `day` (-1 before the first). */
export function stepAt(steps: readonly PlaybackStep[], day: string): number {
  let found = -1;
  for (const [i, step] of steps.entries()) {
    if (step.day > day) break;
    found = i;
  }
  return found;
}

/** Milliseconds between steps at a speed (1 = one step a second). */
export const SPEEDS = [0.5, 1, 2, 4] as const;
export const stepInterval = (speed: number): number => Math.round(1000 / speed);

interface CitedEdge {
  id: string;
  source: string;
  target: string;
  earliest?: string | null;
  latest?: string | null;
  citations: ReadonlyArray<{ quote: string }>;
}

/**
 * The sentence that brought a node in at a step: the quote of a relationship of the node that has one, preferring a
 * relationship that itself enters on `day`, then the edge id order (the same quote every time). Null when no
 * relationship of the node carries a quote.
 */
export function enteringQuote(id: string, day: string, edges: readonly CitedEdge[]): string | null {
  let best: { edge: CitedEdge; sameDay: boolean } | null = null;
  for (const edge of edges) {
    if (edge.source !== id && edge.target !== id) continue;
    if (!edge.citations.some((c) => c.quote.trim() !== '')) continue;
    const sameDay = entryDay(edge.earliest ?? null, edge.latest ?? null) === day;
    if (!best || (sameDay && !best.sameDay) || (sameDay === best.sameDay && edge.id < best.edge.id))
      best = { edge, sameDay };
  }
  return best?.edge.citations.find((c) => c.quote.trim() !== '')?.quote ?? null;
}
