import { describe, expect, it } from 'vitest';
import { type BenchRun, renderTable, TABLE_END, TABLE_START, updateBenchmarksMd } from './report.ts';
import type { WorkloadReport } from './types.ts';

const w2: WorkloadReport = {
  workload: 'W2',
  title: 'timeline window',
  dataset: 'synthetic S (seed 1)',
  measurements: [
    {
      workload: 'W2',
      name: 'timeline window, 1 connection',
      subject: 'this server',
      peer: '@neo4j/graphql',
      metric: 'req/s',
      higherIsBetter: true,
      subjectValue: 1523.4,
      peerValue: 1000,
      ratio: 1.5234,
      goal: '≥1.5×',
      goalMet: true,
    },
    {
      workload: 'W2',
      name: 'p95 | 4 connections',
      subject: 'this server',
      peer: null,
      metric: 'p95 ms',
      higherIsBetter: false,
      subjectValue: 30,
      peerValue: null,
      ratio: null,
      goal: '≤25 ms',
      goalMet: false,
      notes: 'missed by 5 ms',
    },
  ],
};

const run: BenchRun = {
  startedAt: '2026-12-02T10:00:00Z',
  finishedAt: '2026-12-02T10:10:00Z',
  command: 'npm run bench -- --size S',
  size: 'S',
  dataset: 'synthetic S (seed 1)',
  machine: {
    cpu: 'AMD EPYC',
    cores: 2,
    memoryGiB: 23.4,
    os: 'linux',
    node: 'v20.20.0',
    neo4j: '5.26.30',
    loadAverage: 1.2,
  },
  settings: { rounds: 3, duration: 5 },
  reports: [w2],
  failures: [{ workload: 'W7', error: 'bench/w7/run.ts not found' }],
};

describe('renderTable', () => {
  it('writes one row per measurement with values, peer, ratio, goal and verdict, escaping pipes', () => {
    const lines = renderTable([w2]).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe(
      '| W2 | timeline window, 1 connection | req/s | 1,523 | @neo4j/graphql | 1,000 | 1.52× | ≥1.5× | ✅ met |  |',
    );
    expect(lines[3]).toBe(
      '| W2 | p95 \\| 4 connections | p95 ms | 30 | – | – | – | ≤25 ms | ❌ missed | missed by 5 ms |',
    );
  });
});

describe('updateBenchmarksMd', () => {
  it('creates the file with the machine, the exact command, the table and the failures', () => {
    const text = updateBenchmarksMd(null, run);
    expect(text.startsWith('# Benchmarks')).toBe(true);
    expect(text).toContain('Command: `npm run bench -- --size S`');
    expect(text).toContain('AMD EPYC, 2 cores');
    expect(text).toContain('Neo4j 5.26.30');
    expect(text).toContain('- W7: bench/w7/run.ts not found');
    expect(text).toContain('| W2 | timeline window, 1 connection |');
  });

  it('replaces only the generated section and keeps the notes around it', () => {
    const before = `# Benchmarks\n\nHand-written intro.\n\n${TABLE_START}\nold table\n${TABLE_END}\n\n## Notes\nWhat was tried.\n`;
    const after = updateBenchmarksMd(before, run);
    expect(after).toContain('Hand-written intro.');
    expect(after).toContain('## Notes\nWhat was tried.');
    expect(after).not.toContain('old table');
    expect(after.split(TABLE_START)).toHaveLength(2);
    expect(updateBenchmarksMd(after, run)).toBe(after);
  });

  it('appends the generated section to a file that has no markers', () => {
    const after = updateBenchmarksMd('# Benchmarks\n\nNotes only.\n', run);
    expect(after.startsWith('# Benchmarks\n\nNotes only.\n\n')).toBe(true);
    expect(after).toContain(TABLE_END);
  });
});
