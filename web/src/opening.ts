/**
 * The opening view's request, sent by the page's first small script while the explorer's own code is still loading:
 * the answer and the code arrive side by side instead of one after the other.
 */
import { fetchOverview, type Overview } from './api.ts';
import { stateFromQuery } from './state.ts';
import type { TimeWindow } from './ui-types.ts';

let early: { window: TimeWindow | null; answer: Promise<Overview> } | null = null;

export function requestOpeningEarly(): void {
  const window = stateFromQuery(location.search).window;
  const answer = fetchOverview(window);
  // Whoever takes it handles a failure; until then it must not count as unhandled.
  answer.catch(() => {});
  early = { window, answer };
}

/** The early request when it was for this window, once; later loads ask again. */
export function takeEarlyOpening(window: TimeWindow | null): Promise<Overview> | null {
  const taken = early;
  early = null;
  return taken && taken.window?.from === window?.from && taken.window?.to === window?.to ? taken.answer : null;
}
