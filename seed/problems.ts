/** What validation reports: each problem with its file, JSON path and reason, thrown together before anything is written. */
import type { z } from 'zod';

export interface DatasetProblem {
  file: string;
  /** JSONPath-like location inside the file, e.g. `$.events[3].citations[0].quote`. */
  path: string;
  message: string;
}

export class DatasetValidationError extends Error {
  readonly code = 'DATASET_INVALID';
  constructor(readonly problems: DatasetProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the dataset:\n${problems
        .map(formatProblem)
        .join('\n')}`,
    );
    this.name = 'DatasetValidationError';
  }
}

export function formatProblem(problem: DatasetProblem): string {
  return `  ${problem.file} ${problem.path}: ${problem.message}`;
}

export function jsonPath(segments: ReadonlyArray<PropertyKey>): string {
  let out = '$';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** The format's (zod's) objections, each at its path; `prefix` places a record's issues inside the file. */
export function zodProblems(file: string, error: z.ZodError, prefix: PropertyKey[] = []): DatasetProblem[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    if (issue.code === 'unrecognized_keys')
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    return { file, path: jsonPath([...prefix, ...issue.path]), message };
  });
}

/** Problems collected in full up to `limit`; past it they are only counted (a huge broken input stays readable). */
export class ProblemList {
  readonly list: DatasetProblem[] = [];
  count = 0;
  constructor(private readonly limit = Number.POSITIVE_INFINITY) {}

  add(...problems: DatasetProblem[]): void {
    for (const p of problems) {
      this.count++;
      if (this.list.length < this.limit) this.list.push(p);
    }
  }

  throwIfAny(): void {
    if (this.count === 0) return;
    const list = [...this.list];
    if (this.count > list.length)
      list.push({ file: '…', path: '$', message: `and ${this.count - list.length} more problems not listed` });
    throw new DatasetValidationError(list);
  }
}
