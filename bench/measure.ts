/** Builds the Measurement rows of bench/types.ts from per-round samples and a goal. */
import type { BenchContext } from './context.ts';
import { checkGoal, describeGoal, type Goal, interleavedRounds, median } from './stats.ts';
import { betterRatio, type Measurement } from './types.ts';

export const SUBJECT = 'this server';

export interface MeasureInput {
  workload: string;
  name: string;
  peer: string | null;
  metric: string;
  higherIsBetter: boolean;
  subjectSamples: number[];
  peerSamples?: number[];
  /** A ratio goal is checked against the ratio, a bound against the subject's own value. */
  goal?: Goal;
  /** Shown instead of the generated goal text. */
  goalText?: string;
  notes?: string;
}

export function measurement(input: MeasureInput): Measurement {
  const subjectValue = median(input.subjectSamples);
  const peerValue = input.peerSamples?.length ? median(input.peerSamples) : null;
  const ratio = peerValue === null ? null : betterRatio(subjectValue, peerValue, input.higherIsBetter);
  const check = input.goal ? checkGoal(input.goal, input.goal.kind === 'ratioAtLeast' ? ratio : subjectValue) : null;
  const notes = [input.notes, check?.shortfall].filter(Boolean).join('; ');
  return {
    workload: input.workload,
    name: input.name,
    subject: SUBJECT,
    peer: input.peer,
    metric: input.metric,
    higherIsBetter: input.higherIsBetter,
    subjectValue,
    peerValue,
    ratio,
    ...(input.goal ? { goal: input.goalText ?? describeGoal(input.goal), goalMet: check?.met ?? null } : {}),
    samples: { subject: input.subjectSamples, ...(input.peerSamples ? { peer: input.peerSamples } : {}) },
    ...(notes ? { notes } : {}),
  };
}

/**
 * Runs `subject` and `peer` in interleaved rounds (warm-up discarded) and returns each side's per-round results.
 */
export async function interleave<R>(
  ctx: BenchContext,
  label: string,
  subject: () => Promise<R>,
  peer: () => Promise<R>,
  rounds: number = ctx.settings.rounds,
): Promise<{ subject: R[]; peer: R[] }> {
  const out = { subject: [] as R[], peer: [] as R[] };
  for (const round of interleavedRounds(['subject', 'peer'] as const, rounds)) {
    for (const side of round.order) {
      const result = await (side === 'subject' ? subject() : peer());
      if (!round.warmUp) out[side].push(result);
    }
    ctx.log(`  ${label}: round ${round.index}${round.warmUp ? ' (warm-up)' : ''} done`);
  }
  return out;
}
