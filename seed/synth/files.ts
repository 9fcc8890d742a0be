/** Where the generator's files go: a folder on disk (buffered streams) or memory (tests). */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { SynthFiles, TextWriter } from './output.ts';

const FLUSH_CHARS = 1 << 20;

/** Appends text to a file through one write stream, in chunks of about a million characters. */
export class BufferedFileWriter implements TextWriter {
  private parts: string[] = [];
  private pending = 0;
  private readonly stream: WriteStream;

  /** The file's folder must exist (folderFiles creates the output folder and its sources/ folder). */
  constructor(
    file: string,
    private readonly flushChars = FLUSH_CHARS,
  ) {
    this.stream = createWriteStream(file, { encoding: 'utf8', flags: 'w' });
  }

  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.pending += text.length;
    if (this.pending >= this.flushChars) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.pending = 0;
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(resolve);
    });
  }

  /** Appends a file's bytes as they are. */
  async pipeFrom(file: string): Promise<void> {
    await this.flush();
    for await (const chunk of createReadStream(file)) {
      if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
    }
  }
}

/** Writes into `dir`, creating folders as needed. */
export async function folderFiles(dir: string): Promise<SynthFiles> {
  await mkdir(path.join(dir, 'sources'), { recursive: true });
  return {
    create(relativePath) {
      return new BufferedFileWriter(path.join(dir, relativePath));
    },
    async moveInto(relativePath, target) {
      const file = path.join(dir, relativePath);
      if (!(target instanceof BufferedFileWriter)) throw new Error('folder files can only be moved into a folder file');
      await target.pipeFrom(file);
      await rm(file);
    },
  };
}

/** Keeps every file as a string, for tests. */
export function memoryFiles(): SynthFiles & { files: Map<string, string> } {
  const files = new Map<string, string>();
  const parts = new Map<string, string[]>();
  return {
    files,
    create(relativePath) {
      const chunks: string[] = [];
      parts.set(relativePath, chunks);
      return {
        async write(text) {
          chunks.push(text);
        },
        async close() {
          files.set(relativePath, chunks.join(''));
          parts.delete(relativePath);
        },
      };
    },
    async moveInto(relativePath, target) {
      const text = files.get(relativePath);
      if (text === undefined) throw new Error(`no closed file ${relativePath}`);
      await target.write(text);
      files.delete(relativePath);
    },
  };
}
