import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveNeo4jConfig } from './config.ts';
import { checkJava, run } from './toolchain.ts';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'neo4j-toolchain-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** An executable that prints `versionLine` on stderr, as `java -version` does. */
function fakeJava(versionLine: string): string {
  const file = path.join(scratch, `java-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(file, `#!/bin/sh\necho '${versionLine}' >&2\n`, { mode: 0o755 });
  return file;
}

describe('run', () => {
  it('reports exit code and output, and a missing program without throwing', async () => {
    const ok = await run(process.execPath, ['-e', 'console.log("out"); console.error("err"); process.exit(3)']);
    expect(ok).toEqual({ code: 3, stdout: 'out\n', stderr: 'err\n', notFound: false });
    const missing = await run(path.join(scratch, 'no-such-program'), []);
    expect(missing.notFound).toBe(true);
  });
});

describe('checkJava', () => {
  it('fails with JAVA_MISSING and an install hint when java cannot run', async () => {
    const config = resolveNeo4jConfig({}, { javaBin: path.join(scratch, 'no-java') });
    await expect(checkJava(config)).rejects.toMatchObject({
      code: 'JAVA_MISSING',
      message: expect.stringContaining('openjdk-17-jre-headless'),
    });
  });

  it('reads old-style (1.8) and new-style version lines', async () => {
    const old = resolveNeo4jConfig({}, { javaBin: fakeJava('java version "1.8.0_292"') });
    await expect(checkJava(old)).rejects.toMatchObject({
      code: 'JAVA_TOO_OLD',
      message: expect.stringContaining('is Java 8:'),
    });
    const modern = resolveNeo4jConfig({}, { javaBin: fakeJava('openjdk version "21.0.4" 2024-07-16') });
    await expect(checkJava(modern)).resolves.toBe(21);
    const unknown = resolveNeo4jConfig({}, { javaBin: fakeJava('something else') });
    await expect(checkJava(unknown)).rejects.toMatchObject({
      code: 'JAVA_TOO_OLD',
      message: expect.stringContaining('an unknown version'),
    });
  });
});
