/** Renders a benchmark run as the generated part of BENCHMARKS.md (pure: no I/O). */
import { formatNumber } from './stats.ts';
import type { Measurement, WorkloadReport } from './types.ts';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  neo4j: string;
  /** 1-minute load average when the run started: how busy the shared machine was. */
  loadAverage: number;
}

export interface BenchRun {
  startedAt: string;
  finishedAt: string;
  /** The exact command that produced the run. */
  command: string;
  size: string;
  dataset: string;
  machine: MachineInfo;
  settings: Record<string, string | number | boolean>;
  reports: WorkloadReport[];
  /** Workloads that failed to run, with why. */
  failures: Array<{ workload: string; error: string }>;
}

export const TABLE_START = '<!-- bench:generated:start (npm run bench rewrites everything up to the end marker) -->';
export const TABLE_END = '<!-- bench:generated:end -->';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function ratioCell(m: Measurement): string {
  return m.ratio === null || !Number.isFinite(m.ratio) ? '–' : `${formatNumber(m.ratio)}×`;
}

function metCell(m: Measurement): string {
  if (m.goalMet === true) return '✅ met';
  if (m.goalMet === false) return '❌ missed';
  return '–';
}

/** One table row per measurement, workloads in the order given. */
export function renderTable(reports: readonly WorkloadReport[]): string {
  const lines = [
    '| Workload | Measurement | Metric | This server | Peer | Peer value | Ratio (>1 = this server better) | Goal | Met | Notes |',
    '|---|---|---|--:|---|--:|--:|---|---|---|',
  ];
  for (const report of reports)
    for (const m of report.measurements)
      lines.push(
        `| ${cell(m.workload)} | ${cell(m.name)} | ${cell(m.metric)} | ${formatNumber(m.subjectValue)} | ${cell(m.peer ?? '–')} | ${formatNumber(m.peerValue)} | ${ratioCell(m)} | ${cell(m.goal ?? '–')} | ${metCell(m)} | ${cell(m.notes ?? '')} |`,
      );
  return lines.join('\n');
}

export function renderMachine(machine: MachineInfo): string {
  return [
    `- CPU: ${machine.cpu}, ${machine.cores} cores; memory ${formatNumber(machine.memoryGiB)} GiB; ${machine.os}`,
    `- Node ${machine.node}; Neo4j ${machine.neo4j}`,
    `- 1-minute load average at start: ${formatNumber(machine.loadAverage)}`,
  ].join('\n');
}

/** The generated section: run facts, machine, command, the table, and which workloads failed. */
export function renderGenerated(run: BenchRun): string {
  const workloads = run.reports.map((r) => `- **${r.workload}** ${cell(r.title)} — ${r.dataset}`).join('\n');
  const failures = run.failures.length
    ? `\n\n**Workloads that did not run:**\n\n${run.failures.map((f) => `- ${f.workload}: ${cell(f.error)}`).join('\n')}`
    : '';
  const settings = Object.entries(run.settings)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
  return [
    TABLE_START,
    `## Latest run: ${run.size} (${run.startedAt} → ${run.finishedAt})`,
    '',
    `Command: \`${run.command}\``,
    '',
    `Data: ${run.dataset}. Settings: ${settings}. Raw results: \`bench/results/\`.`,
    '',
    renderMachine(run.machine),
    '',
    renderTable(run.reports),
    '',
    workloads + failures,
    TABLE_END,
  ].join('\n');
}

const PREAMBLE = `# Benchmarks

\`npm run bench\` (see bench/README.md) starts what it needs, runs every workload with this server and its peer side
by side in one run (interleaved rounds, warm-up discarded, medians of the rounds and their ratio), writes the raw
results to \`bench/results/\` and rewrites the generated section below. Text outside the markers is kept.
`;

/** BENCHMARKS.md with its generated section replaced (or appended when the file has none yet). */
export function updateBenchmarksMd(existing: string | null, run: BenchRun): string {
  const generated = renderGenerated(run);
  if (existing === null || existing.trim() === '') return `${PREAMBLE}\n${generated}\n`;
  const start = existing.indexOf(TABLE_START);
  const end = existing.indexOf(TABLE_END);
  if (start === -1 || end === -1 || end < start) return `${existing.trimEnd()}\n\n${generated}\n`;
  return existing.slice(0, start) + generated + existing.slice(end + TABLE_END.length);
}
