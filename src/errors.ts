/**
 * Errors that stop a whole run. Row-level problems are data (see mapping/types.ts), never thrown.
 * Every class carries a stable `code` and an exit code from docs/contract.md; messages are one sentence a
 * user can act on, in the terms of their file. None of them may hold a secret: callers pass messages
 * that were built without the token, and `cause` is kept non-enumerable so that loggers which
 * serialise errors do not walk into request objects that carry headers.
 */
export type ExitCode = 0 | 1 | 2 | 3;

export class CtdialError extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;

  constructor(code: string, message: string, exitCode: ExitCode, options?: { cause?: unknown }) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
    if (options?.cause !== undefined) {
      Object.defineProperty(this, "cause", {
        value: options.cause,
        enumerable: false,
        writable: true,
        configurable: true,
      });
    }
  }
}

/** The input file cannot be read as a table (encoding, quotes, missing headers, ...). Exit 2. */
export class InputError extends CtdialError {
  constructor(message: string, options?: { cause?: unknown; code?: string }) {
    super(options?.code ?? "E_INPUT", message, 2, options);
  }
}

/** Usage or configuration is wrong; `problems` lists every one at once as `path: message`. Exit 2. */
export class ConfigError extends CtdialError {
  readonly problems: readonly string[];

  constructor(
    message: string,
    problems: readonly string[] = [],
    options?: { cause?: unknown; code?: string },
  ) {
    super(
      options?.code ?? "E_CONFIG",
      problems.length > 0 ? `${message}\n  ${problems.join("\n  ")}` : message,
      2,
      options,
    );
    this.problems = problems;
  }
}

/** Calltouch refused the whole campaign, a budget ran out, or a signal arrived. Exit 3. */
export class StopError extends CtdialError {
  /** One sentence telling the user what to do next, e.g. "Run the same command again tomorrow." */
  readonly advice: string | undefined;

  constructor(code: string, message: string, options?: { cause?: unknown; advice?: string }) {
    super(code, message, 3, options);
    this.advice = options?.advice;
  }
}

export function isCtdialError(error: unknown): error is CtdialError {
  return error instanceof CtdialError;
}
