/**
 * Keeps a half-loaded graph from being served: while a streamed load's job is open (running, or interrupted
 * and waiting for a rerun), /ready says "loading" and GraphQL operations fail with DATA_LOADING. The check is
 * one small query, cached for a second and shared by concurrent requests.
 */
import type { Plugin } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import { type LoadJob, openLoadJobs } from './db/repositories/load-jobs.ts';
import { DataLoadingError } from './errors.ts';

export const LOAD_CHECK_TTL_MS = 1000;

export interface LoadingState {
  jobs: Array<Pick<LoadJob, 'id' | 'datasets' | 'batchesDone' | 'totalBatches' | 'startedAt'>>;
}

export class LoadGuard {
  private cached: { at: number; state: Promise<LoadingState | null> } | undefined;

  constructor(
    private readonly driver: Driver,
    private readonly ttlMs = LOAD_CHECK_TTL_MS,
  ) {}

  /** The open load jobs, or null when none is open or the database cannot be asked (reported elsewhere). */
  current(): Promise<LoadingState | null> {
    const now = performance.now();
    if (this.cached && now - this.cached.at < this.ttlMs) return this.cached.state;
    const state = openLoadJobs(this.driver).then(
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
