import { readFileSync } from 'node:fs';
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

const compose = parse(readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8')) as ComposeFile;

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
