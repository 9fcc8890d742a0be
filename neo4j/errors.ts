/** The launcher's typed error: every expected failure carries a code and a message a human can act on. */

/** Machine-readable reason of a {@link Neo4jLauncherError}. */
export type Neo4jLauncherErrorCode =
  | 'INVALID_CONFIG'
  | 'JAVA_MISSING'
  | 'JAVA_TOO_OLD'
  | 'MAVEN_MISSING'
  | 'FETCH_FAILED'
  | 'PORT_IN_USE'
  | 'START_FAILED'
  | 'EXITED_EARLY'
  | 'START_TIMEOUT'
  | 'PASSWORD_MISMATCH'
  | 'STOP_FAILED'
  | 'LOCKED'
  | 'IMPORT_FAILED'
  | 'IMPORT_IN_PROGRESS';

/**
 * An expected failure of the launcher (missing Java, port taken, wrong
 * password, ...). Its message is written for humans and is complete on its
 * own: the CLI prints it without a stack trace.
 */
export class Neo4jLauncherError extends Error {
  /** Machine-readable reason. */
  readonly code: Neo4jLauncherErrorCode;

  /**
   * @param code machine-readable reason
   * @param message complete, actionable explanation for a human
   * @param options standard error options (`cause`)
   */
  constructor(code: Neo4jLauncherErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'Neo4jLauncherError';
    this.code = code;
  }
}
