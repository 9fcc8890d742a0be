/**
 * Authoring helper: prints the offsets of a quote in a source text.
 *   npx tsx seed/find-quote.ts seed/sources/000_81b2e9526438038c.txt "آخر جيب لتنظيم"
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { findQuoteSpans } from './quotes.ts';

const program = new Command()
  .name('find-quote')
  .description('Print the character offsets of every occurrence of a quote in a source text (whitespace-insensitive).')
  .argument('<source>', 'path of the UTF-8 source text')
  .argument('<quote>', 'the verbatim quote')
  .action((sourcePath: string, quote: string) => {
    const spans = findQuoteSpans(readFileSync(sourcePath, 'utf8'), quote);
    if (spans.length === 0) {
      console.error(`Quote not found in ${sourcePath}. Copy it from the source text: quotes must be verbatim.`);
      process.exitCode = 1;
      return;
    }
    for (const span of spans) console.log(JSON.stringify(span));
  });

program.parse();
