/** Warming at start: the opening view every explorer asks for first is laid out before the first visitor asks. */
import type { Driver } from 'neo4j-driver';
import { findOverview } from '../../../db/repositories/overview.ts';
import { OVERVIEW_DEFAULTS } from '../arguments.ts';
import type { LayoutService } from './positions.ts';

/**
 * Lays out the opening view every explorer asks for first (the schema's default sizes, no filter), so the first
 * visitor after a start does not wait for it. Resolves with how long it took; never rejects.
 */
export async function warmOpeningView(driver: Driver, layouts: LayoutService): Promise<number | null> {
  const started = performance.now();
  try {
    const view = await findOverview(driver, {
      ...OVERVIEW_DEFAULTS,
      filter: { fromDay: null, toDay: null, voices: null, maxRank: null },
    });
    await layouts.positions(view.nodes, view.edges);
    return performance.now() - started;
  } catch {
    return null;
  }
}
