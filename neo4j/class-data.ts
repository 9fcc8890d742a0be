/**
 * Faster JVM starts with a class-data sharing archive (AppCDS, Java 13+): the first server run of a home records the
 * classes it loaded into an archive when it exits, and later starts map that archive instead of loading and
 * verifying the same classes from 200 jars again (on this 2-core machine: 19–26 s instead of 40–47 s while busy).
 *
 * A truncated archive crashes the JVM (SIGBUS) instead of being ignored, so the JVM writes to a temporary file and
 * the archive is promoted only after a clean stop and a test start (`java -version` maps it) succeeds. A stale
 * archive (other jars, other Java) is ignored by the JVM, which then loads classes as usual; its name carries the
 * Neo4j version and the Java major version so an upgrade records a new one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { homeLayout, type Neo4jConfig } from './config.ts';
import { pinnedNeo4jVersion } from './jars.ts';
import { run } from './toolchain.ts';

/** Where the archive of this home lives (`run/`), and where the JVM records a new one. */
export function classDataFiles(config: Neo4jConfig, javaMajor: number): { archive: string; recording: string } {
  const archive = path.join(homeLayout(config).run, `classes-${pinnedNeo4jVersion()}-java${javaMajor}.jsa`);
  return { archive, recording: `${archive}.recording` };
}

/** JVM options: use the archive when there is one, else record one at exit. Off with NEO4J_CLASS_DATA=off. */
export function classDataArguments(config: Neo4jConfig, javaMajor: number, env = process.env): string[] {
  if (env.NEO4J_CLASS_DATA === 'off') return [];
  const { archive, recording } = classDataFiles(config, javaMajor);
  if (fs.existsSync(archive)) return [`-XX:SharedArchiveFile=${archive}`];
  fs.rmSync(recording, { force: true });
  return [`-XX:ArchiveClassesAtExit=${recording}`];
}

/**
 * After the server stopped cleanly: makes a recording the archive if a JVM can start with it. A recording left by a
 * killed server is deleted, never used.
 */
export async function promoteClassData(config: Neo4jConfig, cleanStop: boolean): Promise<void> {
  const runDir = homeLayout(config).run;
  let names: string[];
  try {
    names = fs.readdirSync(runDir).filter((name) => name.endsWith('.jsa.recording'));
  } catch {
    return;
  }
  for (const name of names) {
    const recording = path.join(runDir, name);
    const archive = recording.slice(0, -'.recording'.length);
    const check = cleanStop
      ? await run(config.javaBin, [
          `-XX:SharedArchiveFile=${recording}`,
          '-cp',
          path.join(config.libDir, '*'),
          '-version',
        ])
      : undefined;
    if (check?.code === 0) fs.renameSync(recording, archive);
    else fs.rmSync(recording, { force: true });
  }
}
