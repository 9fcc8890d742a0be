/**
 * The opening view's request, sent by the page's first small script while the explorer's own code is still loading:
 * the answer and the code arrive side by side instead of one after the other.
 */
import { fetchOverview, type Overview } from './api.ts';

let early: Promise<Overview> | null = null;

/** Asks for the opening view with no time window (a window in the link is applied once the answer says how). */
export function requestOpeningEarly(): void {
  early = fetchOverview(null);
  // Whoever takes it handles a failure; until then it must not count as unhandled.
  early.catch(() => {});
}

/** The early request, once; later loads ask again. */
export function takeEarlyOpening(): Promise<Overview> | null {
  const taken = early;
  early = null;
  return taken;
}
