import { countdown, enCount, enNoun, readableTime } from "../format.js";
import type { Messages } from "../messages.js";

const AGAIN = "then run the same command again";

/** Calltouch refusals that stop a campaign: its code, a refused token, a server that is not Calltouch's. */
export type StopAdviceWhich = "10001" | "10002" | "10003" | "token" | "endpoint";

/** Why Calltouch failed a row, where ctdial has advice: a refused field, ctdial's bug, a session or phone limit. */
export type RowAdviceWhich = "field" | "bug" | "10004" | "10005" | "10006";

/**
 * English words of the "run" area. A message is a function of one parameters object (or none) that
 * returns the sentence; catalog/run.ru.ts must have the same keys with the same parameters (the
 * typecheck says so). Keys are unique across areas (test/i18n/catalog.test.ts).
 */
export const runEn = {
  /** The campaign names no widget key; where one could go depends on what was read. */
  E_NO_ROUTE_KEY: (p: { campaignFile?: string; sheet?: boolean; create?: boolean }) => {
    const where =
      p.sheet === true
        ? "write a campaign file with routeKey: <key> and source: <the sheet's link> (ctdial init <link> writes one)"
        : p.create === true
          ? `create ${p.campaignFile} with routeKey: <key> (ctdial init writes one)`
          : `add routeKey: <key> to ${p.campaignFile}`;
    return `no routeKey: ${where}, or pass --route-key KEY, or set CALLTOUCH_ROUTE_KEY; it is the key of your "Форма на сайте" widget (Calltouch cabinet -> Виджеты).`;
  },

  // --- The journal and the state directory (library messages: `message` of the error) ---
  /** The state directory cannot be created or used. */
  E_STATE_DIR: (p: { dir: string; errno: string }) =>
    `cannot use the state directory ${p.dir} (${p.errno}); check its permissions and free space, or choose another state directory`,
  /** The same, as the CLI says it (it has --state-dir). */
  runStateDirCli: (p: { dir: string; errno: string }) =>
    `cannot use the state directory ${p.dir} (${p.errno}); check its permissions and free space, or choose another with --state-dir`,
  /** A line could not be appended to the journal. */
  E_JOURNAL_WRITE: (p: { path: string; errno: string }) =>
    `cannot write the journal ${p.path} (${p.errno}); free disk space or fix its permissions`,
  /** The same, as the CLI says it. */
  runJournalWriteCli: (p: { path: string; errno: string }) =>
    `cannot write the journal ${p.path} (${p.errno}); free disk space or fix its permissions, then run the same command again`,
  /** Another process holds the campaign's journal lock. */
  E_JOURNAL_LOCKED: (p: { lockFile: string; pid?: number }) =>
    `this campaign is being run by ${p.pid === undefined ? "another ctdial" : `another ctdial (process ${p.pid})`}; wait for it to finish, or delete ${p.lockFile} if no ctdial is running`,
  /** The journal's format is not the one this ctdial writes. */
  E_JOURNAL_VERSION: (p: { path: string; version: number; supported: number }) =>
    p.version > p.supported
      ? `the journal ${p.path} was written by a newer ctdial (format ${p.version}); upgrade ctdial to continue this campaign`
      : `the journal ${p.path} has format ${p.version}, which this ctdial cannot read; use the ctdial that wrote it`,
  /** A file in the journals folder is not a journal. */
  E_JOURNAL_NOT_JOURNAL: (p: { path: string }) =>
    `${p.path} is not a ctdial journal (its first line is not a journal header); move it out of the journals folder and run again`,
  /** A journal line in the middle cannot be read. */
  E_JOURNAL_CORRUPT: (p: { path: string; line: number }) =>
    `the journal ${p.path} is damaged at line ${p.line}; move the file aside to start the campaign afresh (ctdial then forgets which rows were already sent)`,
  /** The journal belongs to another source or routeKey. */
  E_JOURNAL_OWNER: (p: { path: string; source: string; routeKey: string }) =>
    `the journal ${p.path} belongs to another campaign (${p.source}, routeKey "${p.routeKey}"); move it aside and run again`,
  /** The campaign's timezone is not an IANA zone (the daily counter needs one). */
  E_TIMEZONE: (p: { timezone: string }) =>
    `timezone "${p.timezone}" is not an IANA time zone such as "Europe/Moscow"`,

  // --- The machine's sender lock ---
  /** Another ctdial sends from this machine (`since` as written in the lock, ISO); the library's sentence. */
  E_SENDER_BUSY: (p: { pid?: number; command?: string; since?: string }) =>
    p.pid === undefined
      ? "another ctdial is sending from this machine"
      : `another ctdial is sending from this machine (process ${p.pid}: ${p.command}, since ${p.since || "an unknown time"})`,
  /** The same, as the CLI says it: `since` as a person reads it, in the machine's zone. */
  runSenderBusy: (p: { pid?: number; command?: string; since?: string }) =>
    p.pid === undefined
      ? "another ctdial is sending from this machine"
      : `another ctdial is sending from this machine (process ${p.pid}: ${p.command}, since ${p.since ? readableTime("en", p.since) : "an unknown time"})`,
  /** Said once when this ctdial waits for the other sender (`busy`: runSenderBusy's sentence). */
  runSenderWait: (p: { busy: string }) =>
    `${p.busy}; waiting for it to finish (Calltouch's limit is per machine)`,

  // --- Stops ---
  /** Sending stopped on a signal (`while`: what it was waiting for, if anything). */
  SIGNAL: (p: { while?: string }): string =>
    p.while === "call-window"
      ? "stopped while waiting for the call window"
      : p.while === "sender"
        ? "stopped while waiting for the other ctdial to finish sending"
        : "the run was interrupted by a signal before the row was sent",
  /** The campaign's daily limit is reached. */
  E_DAILY_LIMIT: (p: { limit: number; used: number }) =>
    `the daily limit of ${p.limit} accepted requests is reached (${p.used} accepted today)`,
  /** Outside the call window with --no-wait (`opensAt` ISO); the library's sentence. */
  E_CALL_WINDOW: (p: { from: string; to: string; days: readonly string[]; zone: string; opensAt: string }) =>
    `outside the call window (${p.from}-${p.to}, ${p.days.join(" ")}, ${p.zone}); it opens at ${p.opensAt}`,
  /** The same, as the CLI says it: the opening as a person reads it, in the campaign's zone. */
  runCallWindowCli: (p: {
    from: string;
    to: string;
    days: readonly string[];
    zone: string;
    opensAt: string;
  }) =>
    `outside the call window (${p.from}-${p.to}, ${p.days.join(" ")}, ${p.zone}); it opens at ${readableTime("en", p.opensAt, { zone: p.zone })}`,
  /** The file became unreadable after sending began (`inputMessage`: the input error's sentence). */
  E_INPUT_MIDRUN: (p: { inputMessage: string; sent: number }) =>
    `${p.inputMessage} Sending stopped there (rows sent: ${p.sent}); rows already sent will not be sent twice.`,
  /** The same, as the CLI says it (`input`: the input error in the user's language). */
  runInputMidrunCli: (p: { input: string; sent: number }) =>
    `${p.input} Sending stopped there after ${enCount(p.sent, ["row", "rows"])} ${p.sent === 1 ? "was" : "were"} sent; fix the file and run the same command again (rows already sent will not be sent twice).`,
  /** Calltouch refused widget keys (its own `message` verbatim). */
  runStopWidgets: (p: { keys: readonly string[]; message: string }) =>
    `Calltouch refused the widget ${enNoun(p.keys.length, ["key", "keys"])} ${p.keys.join(", ")}: ${p.message}`,
  runAdviceWidget: () => "Switch on the widget with this routeKey in Calltouch, then run again.",
  runAdvicePending: () => "Run the same command again to send the pending rows.",
  runAdviceDailyLimit: () => "Run the same command again tomorrow, or raise dailyLimit in the campaign file.",
  runAdviceCallWindow: () => "Run the same command again then, or leave out --no-wait to wait for it.",
  runAdviceFixAbove: () => "Fix the problem above, then run the same command again.",
  runAdviceSenderBusy: () =>
    "Run it again when the other ctdial has finished, or leave out --no-wait to wait for it.",
  runAdviceNothingSent: () => "Nothing was sent; run the same command again.",
  /**
   * What to do about a Calltouch refusal that stops a campaign (`which`: its code, or `token` for a
   * refused token, `endpoint` for a server that is not Calltouch's API).
   */
  runStopAdvice: (p: { which: StopAdviceWhich }) =>
    ({
      "10001": `Top up callback minutes in Calltouch, ${AGAIN}.`,
      "10002": `Switch on the callback service in Calltouch, ${AGAIN}.`,
      "10003": `Switch on the "site form" widget with this routeKey in Calltouch or correct the routeKey, ${AGAIN}.`,
      token: `Check CALLTOUCH_TOKEN (or CALLTOUCH_TOKEN_FILE): Calltouch refused the token; copy it from Integrations -> API and Webhooks -> API, ${AGAIN}.`,
      endpoint: `Check CALLTOUCH_API_URL: the server there does not offer the Calltouch callback API, ${AGAIN}.`,
    })[p.which],
  /** Advice on a row Calltouch failed (`which`: why; see calltouch/decide.ts). */
  runRowAdvice: (p: { which: RowAdviceWhich }) =>
    ({
      field: "Calltouch refused a field of this row; correct it in the source and run `ctdial retry`.",
      bug: "Calltouch could not read the request ctdial sent: this is a bug in ctdial, please report it.",
      "10004":
        "Calltouch does not know this sessionId; correct or remove it, or set resendWithoutSessionId: true to call without it.",
      "10005": "Calltouch allows no more requests within this session.",
      "10006": "Calltouch limits requests to this phone: do not retry it today.",
    })[p.which],
  /** The summary's "Stopped:" line (`code`: Calltouch's, for its refusals). */
  runStopped: (p: { message: string; code?: string }) =>
    p.code === undefined ? `Stopped: ${p.message}` : `Stopped: Calltouch answered ${p.code}: ${p.message}`,

  // --- The report and the sinks ---
  runReportAnotherRun: (p: { report: string; pid: number }) =>
    `${p.report} was left alone: a ctdial run of this campaign (process ${p.pid}) is sending and writes it when it ends`,
  /** `failure`: why writing failed, a sentence without its final full stop. */
  runReportFailed: (p: { failure: string }) =>
    `${p.failure}; the journal has every result: \`ctdial validate\` on the same file writes the report again`,
  runReportCutShort: (p: { report: string }) =>
    `${p.report} was not rewritten, to exit at once; the journal has every result: \`ctdial validate\` on the same file writes the report again, or the next \`ctdial run\` does`,
  /** The summary's "Report:" line (`text`: the path, or the note why it was not written). */
  runReportLine: (p: { text: string }) => `Report: ${p.text}`,
  /** A sink (`name`: "the report <path>", "the sheet ...") failed mid-run; the CLI's sentence. */
  /** What a sink writes to, as the sink-failure warning names it. */
  runSinkName: (p: { kind: "report" | "sheet"; where: string }) =>
    p.kind === "report" ? `the report ${p.where}` : `the sheet "${p.where}"`,
  runSinkFailure: (p: { name: string; message: string }) =>
    `${p.name} could not be written (${p.message}); sending goes on, and the journal keeps every result for the next run to write`,
  /** The same, as a library user's onWarning gets it. */
  runSinkFailureShort: (p: { name: string; message: string }) =>
    `${p.name} could not be written (${p.message}); sending goes on`,
  /** A log line of an attempt could not be written. */
  runHookError: (p: { message: string }) => `a log line could not be written: ${p.message}`,
  /** What sending waits for (`ms`: time until the call window opens). */
  runWaitCallWindow: (p: { ms: number }) => `waiting for the call window, opens in ${countdown("en", p.ms)}`,

  // --- Where requests go: the token, the API's address, .env files ---
  E_TOKEN_EMPTY: () => "The Calltouch token is empty: set CALLTOUCH_TOKEN or CALLTOUCH_TOKEN_FILE.",
  E_TOKEN_CHARS: () =>
    "The Calltouch token contains spaces or characters that cannot be sent in an HTTP header: check CALLTOUCH_TOKEN.",
  E_TOKEN_FILE_UNREADABLE: (p: { file: string }) =>
    `CALLTOUCH_TOKEN_FILE names ${p.file}, which cannot be read; check the path and its permissions.`,
  E_TOKEN_FILE_EMPTY: (p: { file: string }) =>
    `CALLTOUCH_TOKEN_FILE names ${p.file}, which is empty; put the Access-Token in it.`,
  /** No token anywhere (`envFiles`: the .env files looked in, after the environment). */
  E_NO_TOKEN: (p: { envFiles: readonly string[] }) => {
    const places = ["the environment", ...p.envFiles];
    const looked = `${places.slice(0, -1).join(", ")}${places.length > 1 ? " and " : ""}${places.at(-1)}`;
    return `CALLTOUCH_TOKEN is not set (looked in ${looked}); copy the API token from the Calltouch cabinet (Интеграции -> API и Webhooks -> API) into CALLTOUCH_TOKEN or a .env file beside your file, or add --sandbox to try without one.`;
  },
  E_API_URL: (p: { url: string }) => `CALLTOUCH_API_URL is not a URL: "${p.url}".`,
  E_API_URL_SCHEME: (p: { protocol: string }) =>
    `CALLTOUCH_API_URL must start with https:// or http://, not "${p.protocol}".`,
  E_ENV_FILE: (p: { path: string; reason: string }) =>
    `${p.path} cannot be read (${p.reason}); fix its permissions or remove it.`,
  /** For people: where requests go with --sandbox. */
  runEndpointSandbox: (p: { url: string }) => `the built-in sandbox at ${p.url} (nothing reaches Calltouch)`,
  /** Cleanup steps, as "could not <step>" says them. */
  runCleanupSandboxClient: () => "close the connection to the built-in sandbox",
  runCleanupSandbox: () => "close the built-in sandbox",
  runCleanupCalltouch: () => "close the connection to Calltouch",

  // --- The campaign's source ---
  E_NO_SOURCE_KEY: (p: { campaignFile: string }) =>
    `${p.campaignFile} has no source key; add source: clients.csv (the file to dial).`,
  E_SOURCE_MISSING: (p: { path: string }) => `${p.path} does not exist; check the path.`,

  // --- Options that do not apply ---
  E_SHEET_ON_CSV: (p: { sheet: string; file: string }) =>
    `--sheet ${p.sheet} names a tab of an XLSX file, but ${p.file} is a CSV file, which has none; remove --sheet, or name the .xlsx file.`,
  E_CSV_OPTIONS_ON_XLSX: (p: { options: readonly string[]; file: string }) =>
    `${p.options.join(" and ")} ${p.options.length === 1 ? "applies" : "apply"} to CSV files, but ${p.file} is an XLSX file, which has neither; remove ${p.options.join(" and ")}, or name the .csv file.`,
  E_INCLUDE_UNKNOWN_ON_RUN: () =>
    "--include-unknown belongs to ctdial retry: run never resends rows whose answer was lost; use ctdial retry --include-unknown to resend them.",
  runWarnRate: (p: { command: string }) =>
    `--rate has no effect on ${p.command}, which sends nothing; it was only checked.`,
  runWarnNoWait: (p: { command: string }) =>
    `--no-wait has no effect on ${p.command}, which sends nothing and never waits for the call window.`,
  runWarnLogLevel: (p: { command: string }) =>
    `--log-level has no effect on ${p.command}, which logs nothing; problems are in the summary and the report.`,

  // --- ctdial sandbox ---
  E_SANDBOX_OPTIONS: () => "The sandbox options are not valid:",
  runSandboxShare: (p: { got: number }) => `expected a share between 0 and 1, got ${p.got}`,
  runSandboxShares: (p: { total: number }) => `${p.total} is above 1`,
  runSandboxWhole: (p: { least: number; got: number | string }) =>
    `expected a whole number >= ${p.least}, got ${p.got}`,
  runSandboxLatencyMax: (p: { latency: number; got: number }) =>
    `expected a whole number >= latencyMs (${p.latency}), got ${p.got}`,
  runSandboxTokenEmpty: () => "a token cannot be empty",
  runSandboxListening: (p: { url: string }) => `Calltouch sandbox listening at ${p.url}`,
  runSandboxTry: (p: { url: string }) =>
    `Try: CALLTOUCH_API_URL=${p.url} CALLTOUCH_TOKEN=sandbox ctdial run clients.csv`,
  runSandboxPressCtrlC: () => "Press Ctrl+C to stop.",
  runSandboxStopped: (p: { accepted: number }) =>
    `Stopped. ${enCount(p.accepted, ["request", "requests"])} ${p.accepted === 1 ? "was" : "were"} accepted.`,
  runCleanupSandboxServer: () => "close the sandbox",
  runSandboxHelp: () => "run the built-in Calltouch emulator as a server, for trying integrations",
  runSandboxHelpPort: () => "port to listen on (0: any free port)",
  runSandboxHelpHost: () => "address to listen on",
  runSandboxHelpRouteKey: () => "enabled widget keys (default: any)",
  runSandboxHelpToken: () => "accepted tokens (default: any non-empty token)",
  runSandboxHelpMinutes: () => "callback minutes on the balance; then 10001",
  runSandboxHelpFailRate: () => "share of requests answered 500",
  runSandboxHelpHtmlRate: () => "share of requests answered by an HTML 502 page",
  runSandboxHelpResetAfterRate: () => "share of requests processed, then reset unanswered",
  runSandboxHelpLatency: () => "delay before every answer",
  runSandboxHelpSeed: () => "seed of the fault and latency draws (default 1)",
  runSandboxHelpMinInterval: () =>
    "least time between accepted requests for one phone; sooner gets 10007 (default 60000)",
  runSandboxHelpPhoneDailyLimit: () => "accepted requests per phone in any 24 hours; then 10006 (default 5)",
  runSandboxHelpQuiet: () => "do not print a line per request",

  /** An `unknown` row: the run stopped between sending it and its answer. */
  runNoAnswer: () =>
    "an earlier run stopped after sending this row and before its answer arrived; it may have created a callback (ctdial retry --include-unknown sends it again)",
} satisfies Messages;
