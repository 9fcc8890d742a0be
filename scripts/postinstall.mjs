// After `npm install`: builds the web explorer (web/dist) when Vite is installed, so a fresh clone's
// `npm install && npm start` serves it (the server never builds; `npm run build` builds again). Then fetches the
// local Neo4j server's jars from Maven Central, so the first `npm start` does not wait for them. The fetch is
// skipped when an external database is configured (NEO4J_URI, e.g. under docker compose) or SKIP_NEO4J_FETCH=1.
// A failure here is only a warning: `npm start` fetches again and explains what is missing, and serves the API
// without a build, saying how to make one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Vite is a dev dependency and web/ may not be there yet (the Dockerfile installs before copying the sources).
if (existsSync('node_modules/vite/package.json') && existsSync('web/vite.config.ts')) {
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0)
    console.warn('postinstall: the web explorer did not build (see above); run `npm run build` to try again.');
} else {
  console.log('postinstall: Vite or web/ is not installed here; not building the web explorer (`npm run build`).');
}

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
