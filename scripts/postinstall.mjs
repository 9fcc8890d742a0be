// Fetches the local Neo4j server's jars from Maven Central at install time, so the first `npm start`
// does not wait for them. Skipped when an external database is configured (NEO4J_URI, e.g. under
// docker compose) or SKIP_NEO4J_FETCH=1. A failure here is only a warning: `npm start` fetches again
// and explains what is missing.
import { spawnSync } from 'node:child_process';

// The GraphML schema the export tests validate against (not committed; see test/graphml-schema.ts).
if (process.env.SKIP_NEO4J_FETCH !== '1')
  spawnSync('tsx', ['test/graphml-schema.ts'], { stdio: 'inherit', shell: process.platform === 'win32' });

if (process.env.NEO4J_URI || process.env.SKIP_NEO4J_FETCH === '1') {
  console.log('postinstall: external Neo4j configured (NEO4J_URI) or SKIP_NEO4J_FETCH=1; not fetching Neo4j jars.');
  process.exit(0);
}
const result = spawnSync('tsx', ['neo4j/cli.ts', 'fetch'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (result.status !== 0) {
  console.warn(
    'postinstall: could not fetch the local Neo4j server now (see above); `npm start` will try again and say what is missing.',
  );
}
