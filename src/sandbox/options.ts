import { ConfigError, type ConfigProblem } from "../errors.js";
import { type FaultSettings, NO_FAULTS } from "./faults.js";
import type { SeenRequest } from "./seen-request.js";

/**
 * Everything the emulator can be told, flat and made of plain values so that CLI flags map onto it
 * one to one (`--fail-rate 0.2` -> failRate). Every key may also be changed at runtime with
 * `sandbox.configure()`, except host and port.
 */
export interface SandboxOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** @default "127.0.0.1" */
  host?: string;
  /** Accepted Access-Tokens. @default any non-empty token */
  tokens?: string[];
  /** Keys of enabled "site form" widgets. @default any routeKey not in disabledRouteKeys */
  routeKeys?: string[];
  /** Widgets that exist but are switched off: 10003. @default [] */
  disabledRouteKeys?: string[];
  /** The callback service is switched on; false answers 10002. @default true */
  serviceEnabled?: boolean;
  /** Callback minutes on the balance, counted as accepted requests; then 10001. @default unlimited */
  minutes?: number;
  /** Known session ids; others get 10004. @default any sessionId made of digits */
  sessions?: string[];
  /** Accepted requests per phone (without sessionId) in any 24 hours; then 10006. @default 5 */
  phoneDailyLimit?: number;
  /** Accepted requests per sessionId; then 10005. @default 10 */
  sessionLimit?: number;
  /** Least time between accepted requests for one phone or one session; sooner gets 10007. @default 60000 */
  minIntervalMs?: number;
  /** Requests admitted per client address in any window of rateWindowMs; the next gets 429. @default 5 */
  rateLimit?: number;
  /** @default 1000 */
  rateWindowMs?: number;
  /** Share of requests answered 500 (JSON), before processing: nothing recorded. @default 0 */
  failRate?: number;
  /** Share of requests answered by a proxy's HTML 502 page: nothing recorded. @default 0 */
  htmlRate?: number;
  /** Share of connections reset when the request arrives: nothing recorded. @default 0 */
  resetBeforeRate?: number;
  /** Share of requests processed (and recorded when accepted), then reset without an answer. @default 0 */
  resetAfterRate?: number;
  /** Share of requests never answered (until close): nothing recorded. @default 0 */
  hangRate?: number;
  /** Delay before every answer in ms; with latencyMaxMs a uniform draw in between. @default 0 */
  latencyMs?: number;
  latencyMaxMs?: number;
  /** Seed of the fault and latency draws. @default 1 */
  seed?: number;
  /** The first widgetRequestId handed out; each accepted request gets the next. @default 1 */
  firstRequestId?: number;
  /** The clock, for tests. @default Date.now */
  now?: () => number;
  /**
   * How many of the latest requests (and of the latest accepted ones) the sandbox remembers for
   * inspection; older ones are dropped, their counts kept. @default 10000
   */
  keep?: number;
  /** Called once per request when its answer is decided (for `ctdial sandbox` to print a line per request). */
  onAnswer?: (request: SeenRequest) => void;
}

export interface SandboxSettings extends FaultSettings {
  readonly tokens: readonly string[] | undefined;
  readonly routeKeys: readonly string[] | undefined;
  readonly disabledRouteKeys: readonly string[];
  readonly serviceEnabled: boolean;
  readonly minutes: number | undefined;
  readonly sessions: readonly string[] | undefined;
  readonly phoneDailyLimit: number;
  readonly sessionLimit: number;
  readonly minIntervalMs: number;
  readonly rateLimit: number;
  readonly rateWindowMs: number;
}

export type SandboxPatch = Omit<
  SandboxOptions,
  "port" | "host" | "seed" | "firstRequestId" | "now" | "onAnswer" | "keep"
>;

export const DEFAULT_SETTINGS: SandboxSettings = {
  tokens: undefined,
  routeKeys: undefined,
  disabledRouteKeys: [],
  serviceEnabled: true,
  minutes: undefined,
  sessions: undefined,
  phoneDailyLimit: 5,
  sessionLimit: 10,
  minIntervalMs: 60_000,
  rateLimit: 5,
  rateWindowMs: 1000,
  ...NO_FAULTS,
};

const SHARES = ["failRate", "htmlRate", "resetBeforeRate", "resetAfterRate", "hangRate"] as const;
const COUNTS = ["phoneDailyLimit", "sessionLimit", "minIntervalMs", "latencyMs", "minutes"] as const;

/**
 * Applies a patch to settings, checking every value; all problems are reported at once, named as the
 * option keys (the CLI names its flags after them).
 */
export function applyPatch(base: SandboxSettings, patch: SandboxPatch): SandboxSettings {
  const defined = Object.fromEntries(
    Object.entries(patch).filter(([, v]) => v !== undefined),
  ) as SandboxPatch;
  const next = { ...base, ...defined } as SandboxSettings;
  // latencyMaxMs and minutes may be cleared on purpose by passing undefined explicitly.
  if ("latencyMaxMs" in patch) (next as { latencyMaxMs?: number }).latencyMaxMs = patch.latencyMaxMs;
  if ("minutes" in patch) (next as { minutes?: number }).minutes = patch.minutes;
  const problems = settingsProblems(next);
  if (problems.length > 0) {
    throw new ConfigError({ code: "E_SANDBOX_OPTIONS", params: {} }, { problems, code: "E_CONFIG" });
  }
  return next;
}

function settingsProblems(s: SandboxSettings): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const whole = (path: string, least: number, got: number): void => {
    problems.push({ path, problem: { code: "runSandboxWhole", params: { least, got } } });
  };
  for (const key of SHARES) {
    const v = s[key];
    if (!(Number.isFinite(v) && v >= 0 && v <= 1))
      problems.push({ path: key, problem: { code: "runSandboxShare", params: { got: v } } });
  }
  const total = SHARES.reduce((sum, key) => sum + (Number.isFinite(s[key]) ? s[key] : 0), 0);
  if (total > 1 + 1e-9)
    problems.push({
      path: "failRate + htmlRate + resetBeforeRate + resetAfterRate + hangRate",
      problem: { code: "runSandboxShares", params: { total } },
    });
  for (const key of COUNTS) {
    const v = s[key];
    if (v !== undefined && !(Number.isInteger(v) && v >= 0)) whole(key, 0, v);
  }
  if (!(Number.isInteger(s.rateLimit) && s.rateLimit >= 1)) whole("rateLimit", 1, s.rateLimit);
  if (!(Number.isInteger(s.rateWindowMs) && s.rateWindowMs >= 1)) whole("rateWindowMs", 1, s.rateWindowMs);
  if (s.latencyMaxMs !== undefined && !(Number.isInteger(s.latencyMaxMs) && s.latencyMaxMs >= s.latencyMs)) {
    problems.push({
      path: "latencyMaxMs",
      problem: { code: "runSandboxLatencyMax", params: { latency: s.latencyMs, got: s.latencyMaxMs } },
    });
  }
  if (s.tokens?.some((t) => t === ""))
    problems.push({ path: "tokens", problem: { code: "runSandboxTokenEmpty", params: {} } });
  return problems;
}
