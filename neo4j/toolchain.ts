/** The external programs the launcher needs (java, mvn): running them and checking that they are there. */
import { execFile } from 'node:child_process';
import type { Neo4jConfig } from './config.ts';
import { Neo4jLauncherError } from './errors.ts';
import { lastLines } from './logs.ts';

/** Outcome of {@link run}: exit code (null when killed), output, and whether the program was not found. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  notFound: boolean;
}

/** Runs a program to completion (30 s timeout by default) and never rejects: failures are in the result. */
export function run(command: string, args: string[], options: { timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { timeout: options.timeoutMs ?? 30_000, maxBuffer: 16 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        const notFound = (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
        resolve({ code, stdout: String(stdout), stderr: String(stderr), notFound });
      },
    );
  });
}

const JAVA_INSTALL_HINT =
  'install openjdk-17-jre-headless (Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless; ' +
  'macOS: brew install openjdk@17) or point JAVA_HOME at a Java 17 or 21 runtime.';

/** Checks that `config.javaBin` runs and is Java 17 or newer; returns the major version. */
export async function checkJava(config: Neo4jConfig): Promise<number> {
  const result = await run(config.javaBin, ['-version']);
  if (result.notFound || result.code !== 0) {
    throw new Neo4jLauncherError(
      'JAVA_MISSING',
      `Java 17+ is required to run the local Neo4j: ${JAVA_INSTALL_HINT} (could not run "${config.javaBin} -version"` +
        `${result.notFound ? ': not found' : `: ${lastLines(result.stderr, 3)}`})`,
    );
  }
  const output = `${result.stderr}\n${result.stdout}`;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  const first = Number(match?.[1] ?? 0);
  const major = first === 1 ? Number(match?.[2] ?? 0) : first;
  if (major < 17) {
    throw new Neo4jLauncherError(
      'JAVA_TOO_OLD',
      `Java 17+ is required to run the local Neo4j, but "${config.javaBin}" is ${match ? `Java ${major}` : 'an unknown version'}: ${JAVA_INSTALL_HINT}`,
    );
  }
  return major;
}

/** Checks that `mvn` runs (needed only to fetch the jars). */
export async function checkMaven(): Promise<void> {
  const result = await run('mvn', ['-v']);
  if (result.notFound || result.code !== 0) {
    throw new Neo4jLauncherError(
      'MAVEN_MISSING',
      'Maven is required to fetch the Neo4j jars from Maven Central (first start only): install maven ' +
        '(Debian/Ubuntu: sudo apt-get install maven; macOS: brew install maven) and run "npm run db:fetch" again.' +
        (result.notFound ? '' : `\n"mvn -v" failed: ${lastLines(result.stderr || result.stdout, 5)}`),
    );
  }
}
