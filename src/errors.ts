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

export class CtdialError extends Error {
  /** The public code `--json` prints: the message's key, unless the thrower kept an older code. */
  readonly code: string;
  readonly exitCode: ExitCode;
  readonly params: ErrorParams;
  /** What the error says, as data (a catalog key and its parameters). */
  readonly said: Said;

  constructor(what: Said, exitCode: ExitCode, options?: { cause?: unknown; code?: string }) {
    super(say("en", what));
    this.name = new.target.name;
    this.code = options?.code ?? what.code;
    this.exitCode = exitCode;
    this.said = what;
    this.params = what.params as ErrorParams;
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
  constructor(what: Said, options?: { cause?: unknown; code?: string }) {
    super(what, 2, options);
  }
}

/** Usage or configuration is wrong; `found` lists every problem at once. Exit 2. */
export class ConfigError extends CtdialError {
  /** The problems in English, as `path: sentence` lines (library users; the CLI words `found`). */
  readonly problems: readonly string[];
  /** Every problem found at once, as data (a campaign file's key `path` and what is wrong with it). */
  readonly found: readonly ConfigProblem[];

  /**
   * `code`: the public code `--json` prints, when it is not the message's key (errors that have
   * always said E_CONFIG keep saying it, whatever their sentence).
   */
  constructor(what: Said, options?: { cause?: unknown; problems?: readonly ConfigProblem[]; code?: string }) {
    super(what, 2, options);
    const found = options?.problems ?? [];
    const lines = found.map((problem) => configProblemText("en", problem));
    if (lines.length > 0) this.message = `${this.message}\n  ${lines.join("\n  ")}`;
    this.problems = lines;
    this.found = found;
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
   * What to do next in English, when the thrower knows better than the stop's kind does (library
   * users); `adviceSaid` says it as data, and the CLI otherwise words the advice from the kind.
   */
  readonly advice: string | undefined;
  readonly adviceSaid: Said | undefined;

  constructor(what: Said, options?: { cause?: unknown; advice?: Said; kind?: StopKind }) {
    super(what, 3, options);
    this.kind = options?.kind ?? KIND_OF_CODE[what.code] ?? "failure";
    this.adviceSaid = options?.advice;
    this.advice = options?.advice === undefined ? undefined : say("en", options.advice);
  }
}

export function isCtdialError(error: unknown): error is CtdialError {
  return error instanceof CtdialError;
}

/** The error's sentence in `lang`, its problems (a ConfigError's) on the lines after it. */
export function errorSentence(lang: "en" | "ru", error: CtdialError): string {
  if (!isKey(error.said.code)) return error.message;
  const sentence = say(lang, error.said);
  if (!(error instanceof ConfigError) || error.found.length === 0) return sentence;
  return [sentence, ...error.found.map((problem) => configProblemText(lang, problem))].join("\n  ");
}
