/**
 * Keeps a half-loaded graph from being served: while a streamed load's job is open (running, or interrupted
 * and waiting for a rerun), /ready says "loading" and GraphQL operations fail with DATA_LOADING. The check is
 * one small query, cached for a second and shared by concurrent requests. It has a deadline of its own: a database
 * too slow or hung to answer it within LOAD_CHECK_DEADLINE_MS is treated like one that cannot be asked, so the
 * operation goes on (and fails on its own deadline) instead of being held as long as the database stalls.
 *
 * The same query reads the graph stamp (db/graph-stamp.ts), which every response of the server names
 * (`x-graph-stamp`) and /ready reports: a server learns of a completed load at most LOAD_CHECK_TTL_MS after it.
 * The check runs in the process's bookmark chain (db/access.ts), so once it has seen a load completed, no later
 * read of this process, on any cluster member, starts from an older graph.
 */
import type { Plugin } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import { DatabaseUnavailableError, DataLoadingError } from '../../db/errors.ts';
import type { GraphStamp } from '../../db/graph-stamp.ts';
import { type LoadJob, loadState } from '../../db/load-jobs.ts';

export const LOAD_CHECK_TTL_MS = 1000;
/** Longest the check may take; without it a stalled database held every request as long as it stalled. */
export const LOAD_CHECK_DEADLINE_MS = 500;
export const GRAPH_STAMP_HEADER = 'x-graph-stamp';

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseUnavailableError()), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

export interface LoadingState {
  jobs: Array<Pick<LoadJob, 'id' | 'datasets' | 'batchesDone' | 'totalBatches' | 'startedAt'>>;
}

interface CheckedState {
  loading: LoadingState | null;
  stamp: GraphStamp | null;
}

const UNKNOWN: CheckedState = { loading: null, stamp: null };

export class LoadGuard {
  private cached: { at: number; state: Promise<CheckedState> } | undefined;

  constructor(
    private readonly driver: Driver,
    private readonly ttlMs = LOAD_CHECK_TTL_MS,
    private readonly deadlineMs = LOAD_CHECK_DEADLINE_MS,
  ) {}

  private check(): Promise<CheckedState> {
    const now = performance.now();
    if (this.cached && now - this.cached.at < this.ttlMs) return this.cached.state;
    const state = withDeadline(loadState(this.driver), this.deadlineMs).then(
      ({ jobs, stamp }): CheckedState => ({
        stamp,
        loading:
          jobs.length === 0
            ? null
            : {
                jobs: jobs.map(({ id, datasets, batchesDone, totalBatches, startedAt }) => ({
                  id,
                  datasets,
                  batchesDone,
                  totalBatches,
                  startedAt,
                })),
              },
      }),
      () => UNKNOWN,
    );
    this.cached = { at: now, state };
    return state;
  }

  /** The open load jobs, or null when none is open or the database cannot be asked in time (reported elsewhere). */
  async current(): Promise<LoadingState | null> {
    return (await this.check()).loading;
  }

  /** The graph stamp as last checked; null when the graph has none yet or the database cannot be asked. */
  async stamp(): Promise<GraphStamp | null> {
    return (await this.check()).stamp;
  }
}

/**
 * Stops every GraphQL operation with DATA_LOADING while a load job is open, and names the graph stamp the response
 * was served under (checked before the operation ran) in the `x-graph-stamp` header.
 */
export function refuseWhileLoading(guard: LoadGuard): Plugin<{ request: Request }> {
  const servedUnder = new WeakMap<Request, string>();
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const [loading, stamp] = await Promise.all([guard.current(), guard.stamp()]);
      if (stamp) servedUnder.set(args.contextValue.request, stamp.stamp);
      if (loading) setResultAndStopExecution({ errors: [new DataLoadingError()] });
    },
    onResponse({ request, response }) {
      const stamp = servedUnder.get(request);
      if (stamp) response.headers.set(GRAPH_STAMP_HEADER, stamp);
    },
  };
}
