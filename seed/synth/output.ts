/** Where the generator writes: the files it is given, and a JSON array streamed into one of them. */

/** Receives the generated files; the CLI writes them to disk, tests keep them in memory. */
export interface SynthFiles {
  /** Opens a new file (path relative to the output folder) for sequential writes. */
  create(relativePath: string): TextWriter;
  /** Appends the whole text of a closed file to `target`, then deletes the file. */
  moveInto(relativePath: string, target: TextWriter): Promise<void>;
}

export interface TextWriter {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

/** Streams a JSON array: `[`, records separated by commas, `]`. */
export class ArrayWriter {
  private count = 0;
  constructor(private readonly out: TextWriter) {}
  async push(record: unknown): Promise<void> {
    await this.out.write(`${this.count === 0 ? '\n    ' : ',\n    '}${JSON.stringify(record)}`);
    this.count++;
  }
  get size(): number {
    return this.count;
  }
}
