/** Server settings from the environment, validated once at start. */
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  NODE_ENV: z.string().default('development'),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(100_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface AppConfig {
  port: number;
  host: string;
  /** GraphiQL and field suggestions only outside production. */
  development: boolean;
  maxBodyBytes: number;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
}

/** Reads the settings; throws with every bad variable named. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const result = Env.safeParse(env);
  if (!result.success)
    throw new Error(
      `Invalid configuration: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const e = result.data;
  return {
    port: e.PORT,
    host: e.HOST,
    development: e.NODE_ENV !== 'production',
    maxBodyBytes: e.MAX_BODY_BYTES,
    logLevel: e.LOG_LEVEL,
  };
}

export const testConfig = (overrides: Partial<AppConfig> = {}): AppConfig => ({
  ...configFromEnv({}),
  logLevel: 'silent',
  ...overrides,
});
