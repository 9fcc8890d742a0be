import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_LOCAL_PASSWORD, REPO_ROOT, renderNeo4jConf, resolveNeo4jConfig } from './launcher.ts';

interface ComposeFile {
  services: Record<
    string,
    { image?: string; environment?: Record<string, string>; ports?: string[]; depends_on?: unknown }
  >;
}

const compose = parse(readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as ComposeFile;

/** `${NAME:-default}` → default, as compose substitutes it when NAME is unset. */
function withDefaults(value: string): string {
  return value.replace(/\$\{[A-Z0-9_]+:-([^}]*)\}/g, '$1');
}

/** The image's convention: NEO4J_server_memory_heap_max__size → server.memory.heap.max_size. */
function settingName(variable: string): string {
  return variable
    .replace(/^NEO4J_/, '')
    .split('__')
    .map((part) => part.replaceAll('_', '.'))
    .join('_');
}

const launcherSettings = new Map(
  renderNeo4jConf(resolveNeo4jConfig({}))
    .split('\n')
    .filter((line) => line.includes('=') && !line.startsWith('#'))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const),
);

describe('docker-compose.yml matches the local launcher', () => {
  const neo4j = compose.services.neo4j;
  const environment = neo4j?.environment ?? {};

  it('runs Neo4j 5.26 Community with the same default password', () => {
    expect(neo4j?.image).toBe('neo4j:5.26-community');
    expect(resolveNeo4jConfig({}).password).toBe(DEFAULT_LOCAL_PASSWORD);
    expect(withDefaults(environment.NEO4J_AUTH ?? '')).toBe(`neo4j/${DEFAULT_LOCAL_PASSWORD}`);
  });

  it('sets every Neo4j setting it names to the launcher value (listening on all interfaces inside the container)', () => {
    const settings = Object.entries(environment).filter(([name]) => name !== 'NEO4J_AUTH');
    expect(settings.length).toBeGreaterThan(5);
    for (const [variable, value] of settings) {
      const name = settingName(variable);
      if (name === 'server.bolt.listen_address') {
        expect(value).toBe('0.0.0.0:7687');
        continue;
      }
      expect(launcherSettings.has(name), `${name} is not set by the launcher`).toBe(true);
      expect(withDefaults(value), name).toBe(launcherSettings.get(name));
    }
  });

  it('covers the launcher settings that matter to users', () => {
    const named = new Set(Object.keys(environment).map(settingName));
    for (const name of [
      'server.memory.heap.max_size',
      'server.memory.pagecache.size',
      'server.http.enabled',
      'dbms.usage_report.enabled',
      'db.tx_log.rotation.retention_policy',
    ])
      expect(named, name).toContain(name);
  });

  it('publishes Bolt on loopback only and starts the app once the database is healthy', () => {
    expect(neo4j?.ports).toHaveLength(1);
    expect(neo4j?.ports?.[0]).toMatch(/^127\.0\.0\.1:\$\{NEO4J_BOLT_PORT:-7687\}:7687$/);
    expect(compose.services.app?.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
    expect(compose.services.app?.environment?.NEO4J_URI).toBe('bolt://neo4j:7687');
  });
});

interface ClusterService {
  image?: string;
  build?: unknown;
  profiles?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test?: string[] };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  ports?: string[];
}

describe('docker-compose.yml, profile cluster', () => {
  const services = compose.services as Record<string, ClusterService>;
  const cores = ['neo4j-core1', 'neo4j-core2', 'neo4j-core3'];
  const apps = ['app1', 'app2'];

  it('puts every cluster service in the profile and leaves the single-server services out of it', () => {
    for (const name of [...cores, ...apps, 'proxy']) expect(services[name]?.profiles, name).toEqual(['cluster']);
    expect(services.neo4j?.profiles).toBeUndefined();
    expect(services.app?.profiles).toBeUndefined();
  });

  it('runs three Neo4j 5.26 Enterprise primaries that find each other, evaluation licence unless told otherwise', () => {
    for (const [i, name] of cores.entries()) {
      const core = services[name];
      const env = core?.environment ?? {};
      expect(core?.image).toBe('neo4j:5.26-enterprise');
      // Compose fills the variable in; unset, it is the evaluation licence.
      expect(env.NEO4J_ACCEPT_LICENSE_AGREEMENT).toMatch(/^\$\{NEO4J_ACCEPT_LICENSE_AGREEMENT:-eval\}$/);
      expect(env.NEO4J_initial_server_mode__constraint).toBe('PRIMARY');
      expect(env.NEO4J_initial_dbms_default__primaries__count).toBe('3');
      expect(env.NEO4J_server_default__advertised__address).toBe(name);
      expect(env.NEO4J_dbms_cluster_discovery_endpoints?.split(',')).toEqual(cores.map((c) => `${c}:5000`));
      expect(env.NEO4J_dbms_cluster_endpoints?.split(',')).toEqual(cores.map((c) => `${c}:6000`));
      expect(withDefaults(env.NEO4J_AUTH ?? '')).toBe(`neo4j/${DEFAULT_LOCAL_PASSWORD}`);
      expect(core?.healthcheck?.test?.join(' ')).toContain('cypher-shell -a bolt://localhost:7687');
      // Each member keeps its own store.
      expect(core?.volumes).toEqual([`neo4j-core${i + 1}-data:/data`]);
    }
  });

  it('runs two app servers of the production image through routing, started once every primary is healthy', () => {
    for (const name of apps) {
      const app = services[name];
      expect(app?.build).toBe('.');
      expect(app?.environment?.NEO4J_URI).toMatch(/^neo4j:\/\/neo4j-core[123]:7687$/);
      expect(app?.depends_on).toEqual(Object.fromEntries(cores.map((c) => [c, { condition: 'service_healthy' }])));
      expect(app?.healthcheck?.test?.join(' ')).toContain('/ready');
      expect(app?.ports).toBeUndefined();
    }
  });

  it('puts an official nginx in front, with the committed config naming both app servers', () => {
    const proxy = services.proxy;
    expect(proxy?.image).toMatch(/^nginx:\d+\.\d+-alpine$/);
    expect(proxy?.volumes).toEqual(['./deploy/nginx.conf:/etc/nginx/nginx.conf:ro']);
    expect(proxy?.ports?.map(withDefaults)).toEqual(['127.0.0.1:8080:80']);
    expect(proxy?.depends_on).toEqual({
      app1: { condition: 'service_healthy' },
      app2: { condition: 'service_healthy' },
    });
    expect(proxy?.healthcheck?.test?.join(' ')).toContain('/proxy-health');
    const nginx = readFileSync(path.join(REPO_ROOT, 'deploy/nginx.conf'), 'utf8');
    const upstreams = [...nginx.matchAll(/^\s*server (\S+):4000/gm)].map((m) => m[1]);
    expect(upstreams).toEqual(apps);
    expect(nginx).toMatch(/location = \/proxy-health/);
    expect(nginx).toMatch(/proxy_next_upstream error timeout http_502 http_503;/);
  });
});

describe('Dockerfile, the production app image', () => {
  const dockerfile = readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages.at(-1) ?? '';

  it('builds in one stage and runs from another, on Node 20', () => {
    expect(stages).toHaveLength(2);
    for (const stage of stages) expect(stage).toMatch(/^node:20-bookworm-slim AS \w+/);
    expect(stages[0]).toMatch(/^RUN npm ci /m);
    expect(stages[0]).toMatch(/^RUN npm run build$/m);
    expect(runtime).toMatch(/^COPY --from=build \/app\/web\/dist \.\/web\/dist$/m);
  });

  it('runs production dependencies only, as NODE_ENV=production, not as root, with a health check', () => {
    expect(runtime).toMatch(/^RUN npm ci --omit=dev /m);
    expect(runtime).toMatch(/^ENV .*\bNODE_ENV=production\b/m);
    expect(runtime).toMatch(/^ENV .*\bHOST=0\.0\.0\.0\b/m);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*\/health/m);
    expect(runtime).toMatch(/^CMD \["node", "--import", "tsx", "start\/start\.ts"\]$/m);
  });

  it('copies into the runtime stage every folder the server imports, and they exist', () => {
    const copied = [...runtime.matchAll(/^COPY (?!--from)(\S+) /gm)].map((m) => m[1] as string);
    for (const folder of ['schema', 'db', 'seed', 'server', 'start', 'neo4j', 'scripts', 'package.json'])
      expect(copied, folder).toContain(folder);
    for (const file of copied) expect(existsSync(path.join(REPO_ROOT, file)), file).toBe(true);
  });
});
