/**
 * Keeps a half-loaded graph from being served: while a streamed load's job is open (running, or interrupted
 * and waiting for a rerun), /ready says "loading" and GraphQL operations fail with DATA_LOADING. The check is
 * one small query, cached for a second and shared by concurrent requests. It has a deadline of its own: a database
 * too slow or hung to answer it within LOAD_CHECK_DEADLINE_MS is treated like one that cannot be asked, so the
 * operation goes on (and fails on its own deadline) instead of being held as long as the database stalls.
 */
import type { Plugin } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import { DatabaseUnavailableError, DataLoadingError } from '../../db/errors.ts';
import { type LoadJob, openLoadJobs } from '../../db/load-jobs.ts';

export const LOAD_CHECK_TTL_MS = 1000;
/** Longest the check may take; without it a stalled database held every request as long as it stalled. */
export const LOAD_CHECK_DEADLINE_MS = 500;

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

export class LoadGuard {
  private cached: { at: number; state: Promise<LoadingState | null> } | undefined;

  constructor(
    private readonly driver: Driver,
    private readonly ttlMs = LOAD_CHECK_TTL_MS,
    private readonly deadlineMs = LOAD_CHECK_DEADLINE_MS,
  ) {}

  /** The open load jobs, or null when none is open or the database cannot be asked in time (reported elsewhere). */
  current(): Promise<LoadingState | null> {
    const now = performance.now();
    if (this.cached && now - this.cached.at < this.ttlMs) return this.cached.state;
    const state = withDeadline(openLoadJobs(this.driver), this.deadlineMs).then(
      (jobs) =>
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
      () => null,
    );
    this.cached = { at: now, state };
    return state;
  }
}

/** Stops every GraphQL operation with DATA_LOADING while a load job is open. */
export function refuseWhileLoading(guard: LoadGuard): Plugin {
  return {
    async onExecute({ setResultAndStopExecution }) {
      if (await guard.current()) setResultAndStopExecution({ errors: [new DataLoadingError()] });
    },
  };
}
