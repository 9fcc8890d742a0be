/** One neo4j-driver instance per process, made from the connection settings. */
import neo4j, { type Config, type Driver } from 'neo4j-driver';

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
}

/** Reads NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD, with the local launcher's defaults. */
export function connectionFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jConnection {
  return {
    uri: env.NEO4J_URI ?? `bolt://127.0.0.1:${env.NEO4J_BOLT_PORT ?? '7687'}`,
    user: env.NEO4J_USER ?? 'neo4j',
    password: env.NEO4J_PASSWORD ?? 'baghouz-local-dev',
  };
}

/**
 * Driver settings that make an outage fail a request in seconds instead of minutes (the driver's defaults wait
 * 30 s to connect, 60 s for a pooled connection and retry for 30 s). Queries also have a deadline of their own
 * (db/query.ts), because the driver has no read timeout for a database that stops answering mid-query.
 */
export const DRIVER_SETTINGS = {
  connectionTimeout: 3_000,
  connectionAcquisitionTimeout: 4_000,
  maxTransactionRetryTime: 3_000,
  maxConnectionPoolSize: 50,
  /** Pooled connections idle this long are checked before use, so one cut during an outage is not handed out. */
  connectionLivenessCheckTimeout: 30_000,
} as const satisfies Config;

export function createDriver(connection: Neo4jConnection, overrides: Config = {}): Driver {
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    ...DRIVER_SETTINGS,
    ...overrides,
  });
}
