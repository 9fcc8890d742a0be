/**
 * Is the server there and ready: the Bolt port probe, waiting until Bolt accepts the configured password,
 * and the password itself (auth.ini written before the first start, or set from the default on first login).
 */
import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { auth, driver as createDriver } from 'neo4j-driver';
import { homeLayout, type LogFn, type Neo4jConfig } from './config.ts';
import { Neo4jLauncherError } from './errors.ts';
import { logExcerpt } from './logs.ts';
import { isAlive, sleep } from './process.ts';

/** Whether something accepts TCP connections on host:port, or the port cannot be bound. */
export async function isPortInUse(host: string, port: number): Promise<boolean> {
  const accepts = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
  if (accepts) return true;
  return new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(true));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(false)));
  });
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function openDriver(config: Neo4jConfig, password: string): Driver {
  return createDriver(config.uri, auth.basic(config.user, password), {
    connectionTimeout: 5000,
    connectionAcquisitionTimeout: 10_000,
    maxConnectionPoolSize: 2,
    disableLosslessIntegers: true,
  });
}

/**
 * Polls until Bolt accepts `config.password` and the default database answers
 * `RETURN 1`. Fails fast when the JVM exits; on first login with an unchanged
 * default password it sets `config.password`.
 */
export async function waitUntilReady(
  config: Neo4jConfig,
  opts: { pid: number; child?: ChildProcess; startedByUs: boolean; log: LogFn },
): Promise<string> {
  const started = Date.now();
  const deadline = started + config.startTimeoutMs;
  let lastError: unknown;
  let triedDefaultPassword = false;
  let lastReport = started;
  for (;;) {
    if (!isAlive(opts.pid) || (opts.child && (opts.child.exitCode !== null || opts.child.signalCode !== null))) {
      const how = opts.child
        ? opts.child.signalCode
          ? ` (killed by ${opts.child.signalCode})`
          : opts.child.exitCode !== null
            ? ` (exit code ${opts.child.exitCode})`
            : ''
        : '';
      throw new Neo4jLauncherError(
        'EXITED_EARLY',
        `Neo4j (pid ${opts.pid}) exited during startup${how}.\n${logExcerpt(config)}`,
      );
    }

    const driver = openDriver(config, config.password);
    try {
      await driver.verifyConnectivity();
      const result = await driver.executeQuery(
        'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
        {},
        { routing: 'READ' },
      );
      const version = String(result.records[0]?.get('version') ?? 'unknown');
      opts.log(`Neo4j is ready after ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      return version;
    } catch (error) {
      lastError = error;
      const code = errorCode(error);
      if (code === 'Neo.ClientError.Security.Unauthorized') {
        if (triedDefaultPassword || !(await setPasswordFromDefault(config, opts.log))) {
          throw passwordMismatch(config);
        }
        triedDefaultPassword = true;
        continue;
      }
      if (code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
        throw passwordMismatch(config, error);
      }
    } finally {
      await driver.close();
    }

    if (Date.now() > deadline) {
      throw new Neo4jLauncherError(
        'START_TIMEOUT',
        `Neo4j (pid ${opts.pid}) did not accept Bolt connections on ${config.uri} within ` +
          `${Math.round(config.startTimeoutMs / 1000)} s (NEO4J_START_TIMEOUT_MS). ` +
          `Last error: ${errorMessage(lastError)}${opts.startedByUs ? '\nThe process was stopped.' : ''}\n${logExcerpt(config)}`,
      );
    }
    if (Date.now() - lastReport > 15_000) {
      lastReport = Date.now();
      opts.log(`  still starting... ${Math.round((Date.now() - started) / 1000)} s`);
    }
    await sleep(400);
  }
}

/**
 * Handles a database whose `neo4j` user still has the default password
 * `neo4j` (auth.ini was not applied): logs in with it and sets
 * `config.password`. Returns false when the default password does not work.
 */
async function setPasswordFromDefault(config: Neo4jConfig, log: LogFn): Promise<boolean> {
  const driver = openDriver(config, 'neo4j');
  try {
    await driver.executeQuery(
      'ALTER CURRENT USER SET PASSWORD FROM $old TO $new',
      { old: 'neo4j', new: config.password },
      { database: 'system', routing: 'WRITE' },
    );
    log('Set the password of user neo4j from NEO4J_PASSWORD (it still had the default password).');
    return true;
  } catch (error) {
    const code = errorCode(error);
    if (code.startsWith('Neo.ClientError.Security.')) return false;
    throw new Neo4jLauncherError(
      'START_FAILED',
      `Could not set the password of user neo4j: ${errorMessage(error)}\n${logExcerpt(config)}`,
      { cause: error },
    );
  } finally {
    await driver.close();
  }
}

function passwordMismatch(config: Neo4jConfig, cause?: unknown): Neo4jLauncherError {
  return new Neo4jLauncherError(
    'PASSWORD_MISMATCH',
    `Neo4j in ${config.homeDir} rejected the password from NEO4J_PASSWORD for user neo4j: ` +
      `this database was created with another password. Either set NEO4J_PASSWORD to that password, ` +
      `or reset the local database (this deletes all its data): stop it ("npm run db:stop"), ` +
      `delete ${homeLayout(config).data} and start again.`,
    cause === undefined ? undefined : { cause },
  );
}

/**
 * Writes `data/dbms/auth.ini`, the file `neo4j-admin dbms set-initial-password`
 * writes, so the `neo4j` user is created with `config.password` when the
 * system database is initialised (and replaces the default password `neo4j`
 * if it was never changed). Neo4j ignores it once the password was changed.
 * The format (`neo4j:SHA-256,<hash>,<salt>,1024:`) was checked byte for byte
 * against the output of that command in Neo4j 5.26.30.
 *
 * @param config launcher configuration
 */
export function writeInitialPassword(config: Neo4jConfig): void {
  const dbmsDir = path.join(homeLayout(config).data, 'dbms');
  fs.mkdirSync(dbmsDir, { recursive: true });
  const iterations = 1024;
  const salt = randomBytes(32);
  let hash = createHash('sha256').update(salt).update(Buffer.from(config.password, 'utf8')).digest();
  for (let i = 1; i < iterations; i++) hash = createHash('sha256').update(hash).digest();
  const line = `${config.user}:SHA-256,${hash.toString('hex')},${salt.toString('hex')},${iterations}:\n`;
  fs.writeFileSync(path.join(dbmsDir, 'auth.ini'), line, { mode: 0o600 });
  fs.chmodSync(path.join(dbmsDir, 'auth.ini'), 0o600);
}
