/**
 * The Neo4j jars: the version pinned in neo4j/pom.xml, the marker that says which version a lib folder holds,
 * and the one-time Maven fetch into it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type LogFn, type Neo4jConfig, noop, POM_PATH } from './config.ts';
import { Neo4jLauncherError } from './errors.ts';
import { lastLines } from './logs.ts';
import { isAlive } from './process.ts';
import { checkJava, checkMaven, run } from './toolchain.ts';

/** Name of the marker file in the lib folder; contains the Neo4j version the jars belong to. */
const LIB_MARKER = '.neo4j-version';

/**
 * The Neo4j version pinned in neo4j/pom.xml (`<neo4j.version>`), the single
 * source of truth for which jars are fetched.
 *
 * @returns a version such as `5.26.30`
 */
export function pinnedNeo4jVersion(): string {
  const pom = fs.readFileSync(POM_PATH, 'utf8');
  const match = /<neo4j\.version>\s*([^<\s]+)\s*<\/neo4j\.version>/.exec(pom);
  if (!match?.[1]) {
    throw new Neo4jLauncherError('INVALID_CONFIG', `Could not find <neo4j.version> in ${POM_PATH}.`);
  }
  return match[1];
}

/**
 * Checks that the lib folder holds the jars of the pinned Neo4j version.
 *
 * @param config launcher configuration (uses `libDir`)
 * @returns true when the marker file names the pinned version and the main jars exist
 */
export function neo4jJarsPresent(config: Pick<Neo4jConfig, 'libDir'>): boolean {
  const version = pinnedNeo4jVersion();
  try {
    const marker = fs.readFileSync(path.join(config.libDir, LIB_MARKER), 'utf8').trim();
    return (
      marker === version &&
      fs.existsSync(path.join(config.libDir, `neo4j-${version}.jar`)) &&
      fs.existsSync(path.join(config.libDir, `neo4j-server-${version}.jar`)) &&
      fs.existsSync(path.join(config.libDir, `neo4j-bolt-${version}.jar`))
    );
  } catch {
    return false;
  }
}

/**
 * Makes sure the Neo4j jars are in `config.libDir`. When they are missing (or
 * belong to another version) it checks for Java 17+ and Maven, then runs
 * `mvn dependency:copy-dependencies` on neo4j/pom.xml into a temporary folder
 * and moves it into place, so an interrupted fetch never leaves a half-filled
 * lib folder behind.
 *
 * @param config launcher configuration
 * @param log receives progress lines
 * @returns whether anything was fetched
 * @throws {Neo4jLauncherError} `JAVA_MISSING`, `JAVA_TOO_OLD`, `MAVEN_MISSING` or `FETCH_FAILED`
 */
export async function ensureNeo4jJars(config: Neo4jConfig, log: LogFn = noop): Promise<{ fetched: boolean }> {
  if (neo4jJarsPresent(config)) return { fetched: false };
  const version = pinnedNeo4jVersion();
  await checkJava(config);
  await checkMaven();

  log(`Fetching Neo4j ${version} jars from Maven Central into ${config.libDir} (one time, about 125 MB)...`);
  const started = Date.now();
  const tmpDir = `${config.libDir}.tmp-${process.pid}`;
  fs.mkdirSync(path.dirname(config.libDir), { recursive: true });
  removeAbandonedFetches(config.libDir);
  fs.rmSync(tmpDir, { recursive: true, force: true });
  const ticker = setInterval(() => log(`  still fetching... ${Math.round((Date.now() - started) / 1000)} s`), 15_000);
  try {
    const result = await run(
      'mvn',
      [
        '-B',
        '-q',
        '-f',
        POM_PATH,
        'dependency:copy-dependencies',
        `-DoutputDirectory=${tmpDir}`,
        '-DincludeScope=runtime',
      ],
      { timeoutMs: 30 * 60_000 },
    );
    if (result.code !== 0) {
      throw new Neo4jLauncherError(
        'FETCH_FAILED',
        `Maven could not fetch the Neo4j ${version} jars (exit code ${result.code}). Is Maven Central reachable?\n` +
          `Command: mvn -B -q -f ${POM_PATH} dependency:copy-dependencies -DoutputDirectory=${tmpDir} -DincludeScope=runtime\n` +
          lastLines(`${result.stdout}\n${result.stderr}`, 30),
      );
    }
    fs.writeFileSync(path.join(tmpDir, LIB_MARKER), `${version}\n`);
    if (!neo4jJarsPresent({ libDir: tmpDir })) {
      throw new Neo4jLauncherError(
        'FETCH_FAILED',
        `Maven finished but ${tmpDir} does not contain neo4j-${version}.jar, neo4j-server-${version}.jar and neo4j-bolt-${version}.jar.`,
      );
    }
    if (neo4jJarsPresent(config)) {
      // Another process finished the same fetch first.
      fs.rmSync(tmpDir, { recursive: true, force: true });
    } else {
      fs.rmSync(config.libDir, { recursive: true, force: true });
      fs.renameSync(tmpDir, config.libDir);
    }
  } catch (error) {
    fs.rmSync(tmpDir, { recursive: true, force: true });
    throw error;
  } finally {
    clearInterval(ticker);
  }
  const count = fs.readdirSync(config.libDir).filter((f) => f.endsWith('.jar')).length;
  log(`Fetched ${count} jars in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return { fetched: true };
}

/** Removes `<libDir>.tmp-<pid>` folders left by fetches whose process died (e.g. Ctrl-C). */
function removeAbandonedFetches(libDir: string): void {
  const prefix = `${path.basename(libDir)}.tmp-`;
  let entries: string[];
  try {
    entries = fs.readdirSync(path.dirname(libDir));
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(entry.slice(prefix.length));
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isAlive(pid)) {
      fs.rmSync(path.join(path.dirname(libDir), entry), { recursive: true, force: true });
    }
  }
}
