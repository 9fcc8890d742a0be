/** What every workload gets from the runner: the database, the servers, the data and the run settings. */
import type { Driver } from 'neo4j-driver';
import type { BenchDataset } from './dataset.ts';
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
  /** Reloads the dataset into the bench Neo4j and returns how long the load took (W1 measures it). */
  reload(): Promise<LoadTiming>;
  log(line: string): void;
}

export interface LoadTiming {
  seconds: number;
  nodes: number;
  relationships: number;
  /** How the load was done, for the notes. */
  loader: string;
}

export type Workload = (ctx: BenchContext) => Promise<WorkloadReport>;
