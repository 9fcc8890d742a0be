/** One neo4j-driver instance per process, made from the connection settings. */
import neo4j, { type Driver } from 'neo4j-driver';

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

export function createDriver(connection: Neo4jConnection): Driver {
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 10_000,
  });
}
