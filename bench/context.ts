/** What every workload gets from the runner: the database, the servers, the data and the run settings. */
import type { Driver } from 'neo4j-driver';
import type { BenchDataset, LoadTiming } from './dataset.ts';
import type { RunningServer, ServerKind } from './servers/children.ts';
import type { WorkloadReport } from './types.ts';

export interface BenchSettings {
  /** Measured rounds per comparison (a warm-up round comes first and is discarded). */
  rounds: number;
  /** Seconds of HTTP load per contender per round. */
  durationSeconds: number;
  /** Concurrent connections for the HTTP workloads. */
  connections: number[];
}

export interface BenchContext {
  driver: Driver;
  dataset: BenchDataset;
  settings: BenchSettings;
  /** Starts the server of that kind on first use and returns it. */
  server(kind: ServerKind): Promise<RunningServer>;
  /**
   * How long loading the current data took: measured by this run when it (re)loaded the data (always with
   * `--reload`), else as recorded by the run that loaded it (`loadedAt` says when).
   */
  load(): Promise<LoadTiming>;
  log(line: string): void;
}

export type Workload = (ctx: BenchContext) => Promise<WorkloadReport>;
