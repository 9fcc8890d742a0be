import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCAL_PASSWORD, homeLayout, parseByteSize, REPO_ROOT, resolveNeo4jConfig } from './config.ts';
import { Neo4jLauncherError } from './errors.ts';

/** The error `resolveNeo4jConfig` throws for `env`, or undefined when it accepts it. */
function rejection(env: NodeJS.ProcessEnv): Neo4jLauncherError | undefined {
  try {
    resolveNeo4jConfig(env);
    return undefined;
  } catch (error) {
    if (error instanceof Neo4jLauncherError) return error;
    throw error;
  }
}

describe('resolveNeo4jConfig', () => {
  it('uses the documented defaults when the environment is empty', () => {
    expect(resolveNeo4jConfig({})).toEqual({
      homeDir: path.join(REPO_ROOT, '.neo4j'),
      libDir: path.join(REPO_ROOT, '.neo4j', 'lib'),
      boltPort: 7687,
      boltHost: '127.0.0.1',
      user: 'neo4j',
      password: DEFAULT_LOCAL_PASSWORD,
      heap: '512m',
      pageCache: '256m',
      startTimeoutMs: 120_000,
      stopTimeoutMs: 60_000,
      javaBin: 'java',
      uri: 'bolt://127.0.0.1:7687',
    });
  });

  it('reads every variable, trims it, and resolves relative folders against the working directory', () => {
    const config = resolveNeo4jConfig({
      NEO4J_HOME_DIR: ' some/home ',
      NEO4J_LIB_DIR: '/opt/neo4j-lib',
      NEO4J_BOLT_PORT: '7722',
      NEO4J_PASSWORD: 'a-long-password',
      NEO4J_HEAP: '1g',
      NEO4J_PAGECACHE: '128m',
      NEO4J_START_TIMEOUT_MS: '5000',
      NEO4J_STOP_TIMEOUT_MS: '2000',
      JAVA_HOME: '/usr/lib/jvm/java-17',
    });
    expect(config).toMatchObject({
      homeDir: path.resolve('some/home'),
      libDir: '/opt/neo4j-lib',
      boltPort: 7722,
      password: 'a-long-password',
      heap: '1g',
      pageCache: '128m',
      startTimeoutMs: 5000,
      stopTimeoutMs: 2000,
      javaBin: path.join('/usr/lib/jvm/java-17', 'bin', 'java'),
      uri: 'bolt://127.0.0.1:7722',
    });
  });

  it('treats blank variables as unset', () => {
    expect(resolveNeo4jConfig({ NEO4J_BOLT_PORT: '  ', NEO4J_HEAP: '' })).toMatchObject({
      boltPort: 7687,
      heap: '512m',
    });
  });

  it('lets overrides win over the environment', () => {
    const config = resolveNeo4jConfig({ NEO4J_BOLT_PORT: '7722' }, { boltPort: 7723, password: 'override-pw' });
    expect(config.boltPort).toBe(7723);
    expect(config.uri).toBe('bolt://127.0.0.1:7723');
    expect(config.password).toBe('override-pw');
  });

  it.each([
    [{ NEO4J_BOLT_PORT: 'abc' }, 'NEO4J_BOLT_PORT must be a whole number'],
    [{ NEO4J_BOLT_PORT: '70000' }, 'NEO4J_BOLT_PORT must be a whole number between 1 and 65535'],
    [{ NEO4J_BOLT_PORT: '0' }, 'NEO4J_BOLT_PORT must be a whole number between 1 and 65535'],
    [{ NEO4J_PASSWORD: 'short' }, 'NEO4J_PASSWORD must be at least 8 characters'],
    [{ NEO4J_PASSWORD: 'neo4j' }, 'NEO4J_PASSWORD must be at least 8 characters'],
    [{ NEO4J_HEAP: 'lots' }, 'NEO4J_HEAP must be a size like 512m'],
    [{ NEO4J_PAGECACHE: '12k' }, 'NEO4J_PAGECACHE must be a size like 512m or 1g (at least 1m)'],
    [{ NEO4J_HEAP: '64m' }, 'NEO4J_HEAP must be at least 128m'],
    [{ NEO4J_START_TIMEOUT_MS: '10' }, 'NEO4J_START_TIMEOUT_MS must be a whole number of milliseconds >= 1000'],
    [{ NEO4J_STOP_TIMEOUT_MS: '1.5' }, 'NEO4J_STOP_TIMEOUT_MS must be a whole number'],
  ])('rejects %j with INVALID_CONFIG naming the variable', (env, message) => {
    const error = rejection(env);
    expect(error?.code).toBe('INVALID_CONFIG');
    expect(error?.message).toContain(message);
  });

  it('counts password length in characters, not UTF-16 units', () => {
    expect(rejection({ NEO4J_PASSWORD: '🔑🔑🔑🔑🔑🔑🔑' })?.message).toContain('at least 8 characters');
    expect(resolveNeo4jConfig({ NEO4J_PASSWORD: 'كلمةسرطويلة' }).password).toBe('كلمةسرطويلة');
  });
});

describe('parseByteSize', () => {
  it('reads plain bytes and k, m, g suffixes in either case', () => {
    expect(parseByteSize('2048')).toBe(2048);
    expect(parseByteSize('2048k')).toBe(2048 * 1024);
    expect(parseByteSize('512m')).toBe(512 * 1024 ** 2);
    expect(parseByteSize(' 1G ')).toBe(1024 ** 3);
  });

  it('returns undefined for anything else', () => {
    for (const value of ['', 'm', '1.5g', '1t', '-1m', '1 g']) expect(parseByteSize(value), value).toBeUndefined();
  });
});

describe('homeLayout', () => {
  it('keeps every folder and file inside the home', () => {
    const layout = homeLayout({ homeDir: '/srv/neo4j-home' });
    expect(layout).toEqual({
      conf: '/srv/neo4j-home/conf',
      data: '/srv/neo4j-home/data',
      logs: '/srv/neo4j-home/logs',
      run: '/srv/neo4j-home/run',
      imports: '/srv/neo4j-home/import',
      plugins: '/srv/neo4j-home/plugins',
      pidFile: '/srv/neo4j-home/run/neo4j.pid',
      lockFile: '/srv/neo4j-home/run/launcher.lock',
      consoleLog: '/srv/neo4j-home/logs/console.log',
      debugLog: '/srv/neo4j-home/logs/debug.log',
      userLog: '/srv/neo4j-home/logs/neo4j.log',
    });
  });
});
