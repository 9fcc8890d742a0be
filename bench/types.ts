/**
 * The shape every benchmark workload reports, so `npm run bench` can write `bench/results/*.json` and regenerate the
 * table in BENCHMARKS.md from one list. A measurement compares this product (the subject) with its peer in the same run.
 */
export interface Measurement {
  /** Workload id, e.g. `W2`. */
  workload: string;
  /** What varies within the workload, e.g. `timeline window, 4 connections`. */
  name: string;
  subject: string;
  /** The alternative measured side by side, e.g. `@neo4j/graphql`; null when the goal is absolute. */
  peer: string | null;
  /** Unit of the values, e.g. `req/s`, `p95 ms`, `fps`, `rows/s`. */
  metric: string;
  higherIsBetter: boolean;
  subjectValue: number;
  peerValue: number | null;
  /** How many times better the subject is than the peer (>1 means better), null without a peer. */
  ratio: number | null;
  /** The goal in words, e.g. `≥1.5× throughput` or `p95 ≤25 ms`. */
  goal?: string;
  goalMet?: boolean | null;
  /** Raw per-round values (after warm-up), for the results file. */
  samples?: { subject: number[]; peer?: number[] };
  notes?: string;
}

export interface WorkloadReport {
  workload: string;
  title: string;
  /** Which data it ran on, e.g. `synthetic M (seed 1): 100,123 nodes / 498,765 relationships`. */
  dataset: string;
  measurements: Measurement[];
  details?: Record<string, unknown>;
}

/** `ratio` for a pair of values, oriented so that >1 means the subject did better. */
export function betterRatio(subject: number, peer: number, higherIsBetter: boolean): number {
  return higherIsBetter ? subject / peer : peer / subject;
}
