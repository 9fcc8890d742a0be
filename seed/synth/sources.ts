/**
 * The generated source texts and the citations into them. Sentences are appended to the current source (an
 * outlet's field report) until its budget is spent; each citation records the sentence's exact offsets, who
 * asserts it and how certain it is.
 */
import type { Citation, Source } from '../../schema/dataset.ts';
import { DAYS, isoDay } from './calendar.ts';
import type { SynthFiles } from './output.ts';
import type { Random, ZipfSampler } from './random.ts';
import {
  ALLEGED_WORDING,
  type AttributionWording,
  CONFIRMED_WORDING,
  claimWording,
  DISPUTED_WORDING,
  reportTitle,
} from './wording.ts';
import type { ActorInfo, World } from './world.ts';

/** The current source text being filled, and the metadata of the sources already written. */
export class SourceWriter {
  readonly sources: Source[] = [];
  citations = 0;
  private parts: string[] = [];
  private length = 0;
  private budget = 0;
  private latestDay = 0;
  private publisher = -1;
  private id = '';

  /** `random` is the sources' own stream (publishers, lengths, publication delays). */
  constructor(
    private readonly world: World,
    private readonly random: Random,
    private readonly files: SynthFiles,
    private readonly publishers: ZipfSampler,
  ) {}

  get current(): { id: string; publisher: ActorInfo } {
    if (this.id === '') this.open();
    const publisher = this.world.actors[this.publisher];
    if (!publisher) throw new Error('source without publisher');
    return { id: this.id, publisher };
  }

  private open(): void {
    const n = this.sources.length;
    this.publisher = this.world.media[this.publishers.sample(this.random)] ?? this.world.media[0] ?? 0;
    this.id = `source:synth-${n.toString().padStart(6, '0')}`;
    const publisher = this.world.actors[this.publisher];
    const header = `${reportTitle(n + 1, publisher ?? { name: '', nameAr: '' })[0]}\n\n`;
    this.parts = [header];
    this.length = header.length;
    this.budget = this.random.between(20, 140);
  }

  /** Appends a sentence and returns where it is; closes the source when it is full. */
  async add(sentence: string, day: number): Promise<{ source: string; start: number; end: number }> {
    const { id } = this.current;
    const start = this.length;
    this.parts.push(sentence, '\n');
    this.length += sentence.length + 1;
    this.latestDay = Math.max(this.latestDay, day);
    this.budget--;
    this.citations++;
    const at = { source: id, start, end: start + sentence.length };
    if (this.budget <= 0) await this.close();
    return at;
  }

  async close(): Promise<void> {
    if (this.id === '') return;
    const publisher = this.world.actors[this.publisher];
    if (!publisher) throw new Error('source without publisher');
    const n = this.sources.length;
    const file = `sources/${this.id.slice('source:'.length)}.txt`;
    const writer = this.files.create(file);
    await writer.write(this.parts.join(''));
    await writer.close();
    const published = Math.min(DAYS - 1, this.latestDay + this.random.int(3));
    const [titleAr, title] = reportTitle(n + 1, publisher);
    this.sources.push({
      id: this.id,
      title,
      titleAr,
      outlet: publisher.name,
      outletAr: publisher.nameAr,
      publisher: publisher.id,
      language: 'ar',
      published: { start: isoDay(published), precision: 'day', approximate: false },
      file,
    });
    this.id = '';
    this.parts = [];
  }
}

/** One sentence's attribution: who asserts it, how certain it is and how the sentence is introduced. */
type Attribution = { attributedTo: string } & AttributionWording;

/** Writes cited sentences: picks who asserts each one, words it accordingly and records where it landed. */
export class Citer {
  /** `random` is the generator's stream, shared with the records being written. */
  constructor(
    private readonly random: Random,
    private readonly world: World,
    private readonly sourceWriter: SourceWriter,
  ) {}

  /** Who asserts a sentence: mostly the outlet, sometimes a party to it, unnamed sources, or a disputed account. */
  private attribution(claimant?: ActorInfo): Attribution {
    const r = this.random;
    const publisher = this.sourceWriter.current.publisher;
    const roll = r.next();
    if (roll < 0.55) return { attributedTo: publisher.id, certainty: 'reported', prefixAr: '', prefixEn: '' };
    if (roll < 0.7 && claimant) return { attributedTo: claimant.id, ...claimWording(claimant) };
    if (roll < 0.82) return { attributedTo: this.world.actor(this.world.unnamedSources).id, ...ALLEGED_WORDING };
    if (roll < 0.95) return { attributedTo: publisher.id, ...CONFIRMED_WORDING };
    return { attributedTo: publisher.id, ...DISPUTED_WORDING };
  }

  /** Appends `ar` (introduced by its attribution) to the current source and returns its citation. */
  async cite(ar: string, en: string, day: number, claimant?: ActorInfo): Promise<Citation> {
    const who = this.attribution(claimant);
    const quote = `${who.prefixAr}${ar}.`;
    const at = await this.sourceWriter.add(quote, day);
    const translation = `${who.prefixEn}${who.prefixEn === '' ? en : lowerFirst(en)}.`;
    const citation: Citation = {
      source: at.source,
      quote,
      start: at.start,
      end: at.end,
      translation,
      attributedTo: who.attributedTo,
      certainty: who.certainty,
    };
    if (who.note) citation.note = who.note;
    return citation;
  }
}

function lowerFirst(text: string): string {
  return text.length > 0 ? text[0]?.toLowerCase() + text.slice(1) : text;
}
