/** Structured JSON logs (pino), also handed to Yoga so its messages share the format. */
import { type Logger, pino } from 'pino';
import type { AppConfig } from './config.ts';

export function createLogger(config: Pick<AppConfig, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: { service: 'baghouz-explorer' } });
}

/** Adapts pino to the logger interface Yoga expects. */
export function yogaLogger(logger: Logger) {
  return {
    debug: (...args: unknown[]) => logger.debug({ args }, 'yoga'),
    info: (...args: unknown[]) => logger.info({ args }, 'yoga'),
    warn: (...args: unknown[]) => logger.warn({ args }, 'yoga'),
    error: (...args: unknown[]) => logger.error({ args }, 'yoga'),
  };
}
