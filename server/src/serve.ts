/**
 * Serving: the app (app.ts) on an HTTP server at config.port, with request timeouts, until closed. Composed by
 * start/start.ts after the database is up and seeded; knows nothing of how it got there.
 */
import { createServer, type Server } from 'node:http';
import type { Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import { createApp } from './app.ts';
import type { AppConfig } from './config.ts';
import { LayoutService } from './layout/positions.ts';
import { warmOpeningView } from './layout/warm.ts';
import { isWebBuilt, WEB_BUILD_COMMAND, WEB_DIST } from './web-assets.ts';

export interface Serving {
  server: Server;
  /** Stops accepting connections and waits for open requests to end. */
  close(): Promise<void>;
}

/** Listens on config.host:config.port; the explorer is served from `webDist` when it has been built. */
export async function serve(options: {
  driver: Driver;
  config: AppConfig;
  logger: Logger;
  webDist?: string;
}): Promise<Serving> {
  const { driver, config, logger } = options;
  const webDist = options.webDist ?? WEB_DIST;
  if (!isWebBuilt(webDist))
    logger.warn(
      `The explorer is not built (${webDist} has no index.html): run \`${WEB_BUILD_COMMAND}\` to build it. GraphQL is served meanwhile.`,
    );
  const layouts = new LayoutService(32, (err) => logger.error({ err }, 'laying out an opening view failed'));
  const server = createServer(createApp({ driver, config, logger, webDist, layouts }));
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  void warmOpeningView(driver, layouts).then((ms) => {
    if (ms !== null) logger.info(`The opening view is laid out (${Math.round(ms)} ms).`);
  });
  return {
    server,
    close: async () => {
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      await layouts.close();
    },
  };
}
