/**
 * Authoring helper: where a quote is in a source text, as citation fields ready to paste into a dataset.
 *   npm run find-quote -- seed/sources/000_81b2e9526438038c.txt "آخر جيب لتنظيم"
 *   npm run find-quote -- --dataset seed/data/baghouz.json --source source:alkhabar-baghouz-2019 "آخر جيب لتنظيم"
 * The quote may differ from the text in whitespace (line breaks); the printed quote is the exact span.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { findQuoteSpans } from './quotes.ts';

export interface QuoteLocation {
  quote: string;
  start: number;
  end: number;
  /** Line of the source text where the quote starts (1-based), to check it by eye. */
  line: number;
  /** Up to 40 characters either side, with the quote in [brackets]. */
  context: string;
}

/** Every place the quote occurs in the text (whitespace-insensitive), with exact offsets and context. */
export function locateQuote(sourceText: string, quote: string): QuoteLocation[] {
  return findQuoteSpans(sourceText, quote).map(({ start, end }) => ({
    quote: sourceText.slice(start, end),
    start,
    end,
    line: sourceText.slice(0, start).split('\n').length,
    context:
      `${sourceText.slice(Math.max(0, start - 40), start)}[${sourceText.slice(start, end)}]${sourceText.slice(end, end + 40)}`.replace(
        /\s+/g,
        ' ',
      ),
  }));
}

/** The source text file a dataset gives for a source id, resolved against the dataset file. */
export function sourceFileOf(datasetFile: string, sourceId: string): string {
  const dataset = JSON.parse(readFileSync(datasetFile, 'utf8')) as { sources?: Array<{ id: string; file?: string }> };
  const source = dataset.sources?.find((s) => s.id === sourceId);
  if (!source?.file) throw new Error(`${datasetFile} has no source "${sourceId}" with a file`);
  return path.resolve(path.dirname(datasetFile), source.file);
}

async function main(): Promise<void> {
  const program = new Command()
    .name('find-quote')
    .description('Print the offsets of every occurrence of a quote in a source text, as citation fields (JSON).')
    .argument('<args...>', '<source-file> <quote>, or only <quote> with --dataset and --source')
    .option('--dataset <file>', 'a dataset file whose source (--source) gives the text file')
    .option('--source <id>', 'the source id, also printed in the citation')
    .action((args: string[], options: { dataset?: string; source?: string }) => {
      const quote = args.at(-1) ?? '';
      const file =
        options.dataset && options.source
          ? sourceFileOf(options.dataset, options.source)
          : args.length > 1
            ? args[0]
            : undefined;
      if (!file) throw new Error('give a source text file and a quote, or --dataset and --source and a quote');
      const found = locateQuote(readFileSync(file, 'utf8'), quote);
      if (found.length === 0) {
        console.error(`Quote not found in ${file}. Copy it from the source text: quotes must be verbatim.`);
        process.exitCode = 1;
        return;
      }
      if (found.length > 1) console.error(`The quote occurs ${found.length} times; pick the one you mean.`);
      for (const { quote: exact, start, end, line, context } of found) {
        console.error(`line ${line}: …${context}…`);
        console.log(
          JSON.stringify({ ...(options.source ? { source: options.source } : {}), quote: exact, start, end }),
        );
      }
    });
  await program.parseAsync();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: Error) => {
    console.error(`find-quote: ${error.message}`);
    process.exitCode = 1;
  });
}
