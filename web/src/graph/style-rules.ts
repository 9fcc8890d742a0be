/**
 * Style rules: what a node's size and colour say. The rules only add stylesheet entries that read data attributes
 * (`degree`, `citations`, `certainty`, `voice`) set by the pure mapping in elements.ts; no element is styled by hand.
 */
import type { StylesheetJson } from 'cytoscape';
import { CERTAINTIES } from '../../../schema/vocabulary.ts';
import { KIND_COLOURS } from './style.ts';

export const SIZE_RULES = ['links', 'citations'] as const;
export const COLOUR_RULES = ['kind', 'certainty', 'voice'] as const;
export type SizeRule = (typeof SIZE_RULES)[number];
export type ColourRule = (typeof COLOUR_RULES)[number];

export interface StyleRules {
  size: SizeRule;
  colour: ColourRule;
}

export const DEFAULT_RULES: StyleRules = { size: 'links', colour: 'kind' };

/** Certainty strongest to weakest, on a scale that reads without colour vision too (light to dark, then red). */
export const CERTAINTY_COLOURS: Record<(typeof CERTAINTIES)[number], string> = {
  confirmed: '#1b4f72',
  reported: '#2e86c1',
  claimed: '#b9770e',
  alleged: '#cb4335',
  disputed: '#78281f',
};

/** Colours for the voices that assert most (Okabe–Ito, distinguishable with common colour-vision deficiencies). */
export const VOICE_PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#d55e00', '#56b4e9'] as const;
export const OTHER_VOICE_COLOUR = '#8d99a6';
export const NO_VOICE_COLOUR = '#d0d5db';
/** The `voice` a node gets when no citation of its links names who asserts it. */
export const NO_VOICE = '';

/** Node sizes, model px, as today's degree sizing. */
const MIN_SIZE = 24;
const MAX_SIZE = 64;

export interface RuleInputs {
  /** The highest citation count among the drawn nodes (the top of the size scale). */
  maxCitations: number;
  /** Voices with their own colour, most frequent first (at most VOICE_PALETTE.length). */
  voices: readonly string[];
}

/** What the edges of a node say about it: citations (source quotes) on its links and who asserts most of them. */
export interface NodeEvidence {
  citations: number;
  voice: string;
}

/**
 * Citations and dominant voice per node, from the edges drawn: a node's citations are the quotes on its links, its
 * voice the actor named most often as asserting them (ties: the smaller id, so the same graph always colours alike).
 */
export function nodeEvidence(
  edges: ReadonlyArray<{ source: string; target: string; citations: ReadonlyArray<{ attributedTo: string | null }> }>,
): Map<string, NodeEvidence> {
  const counts = new Map<string, Map<string, number>>();
  const citations = new Map<string, number>();
  for (const edge of edges) {
    for (const end of [edge.source, edge.target]) {
      citations.set(end, (citations.get(end) ?? 0) + edge.citations.length);
      const voices = counts.get(end) ?? new Map<string, number>();
      for (const { attributedTo: v } of edge.citations) if (v) voices.set(v, (voices.get(v) ?? 0) + 1);
      counts.set(end, voices);
    }
  }
  const evidence = new Map<string, NodeEvidence>();
  for (const [id, voices] of counts) evidence.set(id, { citations: citations.get(id) ?? 0, voice: topOf(voices) });
  return evidence;
}

function topOf(counts: ReadonlyMap<string, number>): string {
  let best = NO_VOICE;
  let most = 0;
  for (const [voice, n] of counts) if (n > most || (n === most && voice < best)) [best, most] = [voice, n];
  return best;
}

/** The voices that get their own colour: the most frequent dominant voices among the nodes, then by id. */
export function leadingVoices(voices: Iterable<string>, limit: number = VOICE_PALETTE.length): string[] {
  const counts = new Map<string, number>();
  for (const v of voices) if (v !== NO_VOICE) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([v]) => v);
}

/** The rules' scales from the nodes drawn: the top of the citation scale and the voices with their own colour. */
export function ruleInputsFrom(nodes: ReadonlyArray<NodeEvidence>): RuleInputs {
  return {
    maxCitations: Math.max(0, ...nodes.map((n) => n.citations ?? 0)),
    voices: leadingVoices(nodes.map((n) => n.voice ?? NO_VOICE)),
  };
}

/** Colour of a voice under the voice rule. */
export function voiceColour(voice: string, voices: readonly string[]): string {
  if (voice === NO_VOICE) return NO_VOICE_COLOUR;
  const i = voices.indexOf(voice);
  return i >= 0 ? (VOICE_PALETTE[i] as string) : OTHER_VOICE_COLOUR;
}

/** Selector-safe attribute value: voices are ids (`actor:sdf`), quoted inside the selector. */
const quoted = (value: string) => JSON.stringify(value);

/**
 * Stylesheet entries for the rules, placed after the base sheet's kind colours and before its state classes (so
 * selection, path and dimming still win). The kind rule adds nothing: the base sheet colours by kind.
 */
export function ruleStylesheet(rules: StyleRules, inputs: RuleInputs): StylesheetJson {
  const sheet: StylesheetJson = [];
  if (rules.size === 'citations') {
    const top = Math.max(inputs.maxCitations, 1);
    const size = `mapData(citations, 0, ${top}, ${MIN_SIZE}, ${MAX_SIZE})`;
    sheet.push({ selector: 'node', style: { width: size, height: size } });
  }
  if (rules.colour === 'certainty')
    for (const level of CERTAINTIES)
      sheet.push({ selector: `node[certainty = "${level}"]`, style: { 'background-color': CERTAINTY_COLOURS[level] } });
  if (rules.colour === 'voice') {
    sheet.push({ selector: 'node', style: { 'background-color': OTHER_VOICE_COLOUR } });
    sheet.push({ selector: `node[voice = ${quoted(NO_VOICE)}]`, style: { 'background-color': NO_VOICE_COLOUR } });
    inputs.voices.forEach((voice, i) => {
      sheet.push({ selector: `node[voice = ${quoted(voice)}]`, style: { 'background-color': VOICE_PALETTE[i] } });
    });
  }
  return sheet;
}

/** One line of the legend: a swatch colour (or a size) and what it stands for, named by the caller. */
export type LegendEntry =
  | { swatch: string; kind: 'kind'; key: keyof typeof KIND_COLOURS }
  | { swatch: string; kind: 'certainty'; key: (typeof CERTAINTIES)[number] }
  | { swatch: string; kind: 'voice'; key: string }
  | { swatch: string; kind: 'other-voice' | 'no-voice' };

/** The colour entries of the legend for a rule, in the order drawn. */
export function legendEntries(rules: StyleRules, voices: readonly string[]): LegendEntry[] {
  if (rules.colour === 'certainty')
    return CERTAINTIES.map((key) => ({ swatch: CERTAINTY_COLOURS[key], kind: 'certainty', key }));
  if (rules.colour === 'voice')
    return [
      ...voices.map((key, i) => ({ swatch: VOICE_PALETTE[i] as string, kind: 'voice' as const, key })),
      { swatch: OTHER_VOICE_COLOUR, kind: 'other-voice' },
      { swatch: NO_VOICE_COLOUR, kind: 'no-voice' },
    ];
  return (['actor', 'place', 'event', 'agreement'] as const).map((key) => ({
    swatch: KIND_COLOURS[key],
    kind: 'kind',
    key,
  }));
}

export function isSizeRule(value: string | null): value is SizeRule {
  return (SIZE_RULES as readonly string[]).includes(value ?? '');
}
export function isColourRule(value: string | null): value is ColourRule {
  return (COLOUR_RULES as readonly string[]).includes(value ?? '');
}
