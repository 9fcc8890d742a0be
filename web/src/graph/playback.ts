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
