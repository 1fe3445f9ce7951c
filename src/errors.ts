import { isKey, type Said, say } from "./i18n/catalog.js";

/**
 * Errors that stop a whole run. Row-level problems are data (see mapping/types.ts), never thrown.
 * Every class carries a stable `code`, the `params` that say what went wrong (a path, a limit, a
 * process id), and an exit code from docs/contract.md. An error is made from a `Said` (a catalog key
 * and its parameters, src/i18n/): `message` is its English sentence, for library users; the CLI
 * words it in the user's language from `code` and `params`. None of them may hold a
 * secret: callers pass messages and params built without the token, and `cause` is kept
 * non-enumerable so that loggers which serialise errors do not walk into request objects that carry
 * headers.
 */
export type ExitCode = 0 | 1 | 2 | 3;

/** What an error or a stop names: plain values only, so they can be worded in any language. */
export type ErrorParams = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

export interface ErrorOptions {
  readonly cause?: unknown;
  readonly params?: ErrorParams;
}

export class CtdialError extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;
  readonly params: ErrorParams;
  /** What the error says, as data; undefined only for errors still made the old way (a code and an English message). */
  readonly said: Said | undefined;

  constructor(code: string | Said, message: string | undefined, exitCode: ExitCode, options?: ErrorOptions) {
    const what = typeof code === "string" ? undefined : code;
    super(what === undefined ? (message ?? "") : say("en", what));
    this.name = new.target.name;
    this.code = what === undefined ? (code as string) : what.code;
    this.exitCode = exitCode;
    this.said = what;
    this.params = what === undefined ? (options?.params ?? {}) : (what.params as ErrorParams);
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
  /** `code`: the public code `--json` prints, when it is not the message's key (E_INPUT kept). */
  constructor(what: Said, options?: { cause?: unknown; code?: string });
  /** @deprecated the old form: an English message; make errors from a `Said`. */
  constructor(message: string, options?: ErrorOptions & { code?: string });
  constructor(what: Said | string, options?: ErrorOptions & { code?: string }) {
    if (typeof what === "string") super(options?.code ?? "E_INPUT", what, 2, options);
    else {
      super(what, undefined, 2, options);
      if (options?.code !== undefined) (this as { code: string }).code = options.code;
    }
  }
}

/** Usage or configuration is wrong; `problems` lists every one at once as `path: message`. Exit 2. */
export class ConfigError extends CtdialError {
  readonly problems: readonly string[];
  /** Every problem found at once, as data (a campaign file's key `path` and what is wrong with it). */
  readonly found: readonly ConfigProblem[];

  /**
   * `code`: the public code `--json` prints, when it is not the message's key (errors that have
   * always said E_CONFIG keep saying it, whatever their sentence).
   */
  constructor(what: Said, options?: { cause?: unknown; problems?: readonly ConfigProblem[]; code?: string });
  /** @deprecated the old form: an English message and problems; make errors from a `Said`. */
  constructor(message: string, problems?: readonly string[], options?: ErrorOptions & { code?: string });
  constructor(
    what: Said | string,
    second?: readonly string[] | { cause?: unknown; problems?: readonly ConfigProblem[]; code?: string },
    options?: ErrorOptions & { code?: string },
  ) {
    if (typeof what === "string") {
      const problems = Array.isArray(second) ? (second as readonly string[]) : [];
      super(
        options?.code ?? "E_CONFIG",
        problems.length > 0 ? `${what}\n  ${problems.join("\n  ")}` : what,
        2,
        options,
      );
      this.problems = problems;
      this.found = [];
    } else {
      const rest = Array.isArray(second)
        ? {}
        : ((second ?? {}) as { cause?: unknown; problems?: readonly ConfigProblem[]; code?: string });
      const found = rest.problems ?? [];
      const lines = found.map((problem) => configProblemText("en", problem));
      super(what, undefined, 2, rest);
      if (rest.code !== undefined) (this as { code: string }).code = rest.code;
      if (lines.length > 0) this.message = `${this.message}\n  ${lines.join("\n  ")}`;
      this.problems = lines;
      this.found = found;
    }
  }
}

/** One thing wrong in a campaign file (or the options): where, and what. */
export interface ConfigProblem {
  /** The key's path as the user wrote it (`callWindow.from`), when the problem has one. */
  readonly path?: string;
  readonly problem: Said;
}

/** `path: sentence` in `lang`. */
export function configProblemText(lang: "en" | "ru", problem: ConfigProblem): string {
  const text = say(lang, problem.problem);
  return problem.path === undefined ? text : `${problem.path}: ${text}`;
}

/**
 * Why sending stopped early; what a caller may do about a stop depends on this, never on its wording.
 * - `calltouch-refusal`: Calltouch refused the campaign, a widget key or the token (`code` is its
 *   number or the HTTP status, `message` its own words);
 * - `signal`: Ctrl+C or SIGTERM;
 * - `daily-limit`, `call-window`: a rule of the campaign (it goes on tomorrow, when the window opens);
 * - `sender-busy`: another ctdial sends from this machine;
 * - `failure`: anything else that ended sending (the journal could not be written, the file became
 *   unreadable part-way).
 */
export type StopKind =
  | "calltouch-refusal"
  | "signal"
  | "daily-limit"
  | "call-window"
  | "sender-busy"
  | "failure";

const KIND_OF_CODE: Readonly<Record<string, StopKind>> = {
  SIGNAL: "signal",
  E_DAILY_LIMIT: "daily-limit",
  E_CALL_WINDOW: "call-window",
  E_SENDER_BUSY: "sender-busy",
};

/** Calltouch refused the whole campaign, a budget ran out, or a signal arrived. Exit 3. */
export class StopError extends CtdialError {
  readonly kind: StopKind;
  /**
   * One sentence telling the user what to do next, when the thrower knows better than the stop's
   * kind does (Calltouch's own refusals); the CLI otherwise words the advice from the kind.
   */
  readonly advice: string | undefined;

  /** What to do next, as data, when the thrower knows better than the stop's kind does. */
  readonly adviceSaid: Said | undefined;

  constructor(what: Said, options?: { cause?: unknown; advice?: Said; kind?: StopKind });
  /** @deprecated the old form: a code and an English message; make errors from a `Said`. */
  constructor(code: string, message: string, options?: ErrorOptions & { advice?: string; kind?: StopKind });
  constructor(
    what: Said | string,
    message?: string | { cause?: unknown; advice?: Said; kind?: StopKind },
    options?: ErrorOptions & { advice?: string; kind?: StopKind },
  ) {
    if (typeof what === "string") {
      super(what, message as string, 3, options);
      this.kind = options?.kind ?? KIND_OF_CODE[what] ?? "failure";
      this.advice = options?.advice;
      this.adviceSaid = undefined;
    } else {
      const rest = (message ?? {}) as { cause?: unknown; advice?: Said; kind?: StopKind };
      super(what, undefined, 3, rest);
      this.kind = rest.kind ?? KIND_OF_CODE[what.code] ?? "failure";
      this.adviceSaid = rest.advice;
      this.advice = rest.advice === undefined ? undefined : say("en", rest.advice);
    }
  }
}

export function isCtdialError(error: unknown): error is CtdialError {
  return error instanceof CtdialError;
}

/** The error's sentence in `lang` (its own message when it was made the old way). */
export function errorSentence(lang: "en" | "ru", error: CtdialError): string {
  if (error.said === undefined || !isKey(error.said.code)) return error.message;
  const sentence = say(lang, error.said);
  if (!(error instanceof ConfigError) || error.found.length === 0) return sentence;
  return [sentence, ...error.found.map((problem) => configProblemText(lang, problem))].join("\n  ");
}
