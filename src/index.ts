/**
 * ctdial as a library: the same engine the CLI runs. A typical use:
 *
 *   const resolved = await resolveCampaign("clients.csv", { routeKey: "routekey_1" }, process.env);
 *   const client = createCalltouchClient({ baseUrl: DEFAULT_API_URL, token });
 *   const summary = await runCampaign(resolved, {
 *     client, limiter: createRateLimiter({ rate: 5 }), stateDir: defaultStateDir(), token,
 *   });
 *
 * One limiter per process: every campaign a process runs must share it (Calltouch counts requests per
 * IP address). Errors that stop a run are CtdialError subclasses with a stable `code`; rows are data.
 */

export { type CalltouchClientOptions, createCalltouchClient } from "./calltouch/client.js";
export { decide } from "./calltouch/decide.js";
export { DEFAULT_API_URL } from "./calltouch/endpoint.js";
export type { CallbackRequest, CallOutcome, CalltouchClient, Decision } from "./calltouch/types.js";
export { findCampaignFile, loadCampaignFile, parseCampaign } from "./campaign/load.js";
export type { Campaign, CampaignInput, Mapping } from "./campaign/schema.js";
export { exitCodeOf } from "./cli/exit.js";
export { type Clock, fixedClock, systemClock } from "./clock.js";
export { createRateLimiter, type RateLimiter } from "./dispatch/rate-limiter.js";
export { type CampaignOptions, type ResolvedCampaign, resolveCampaign } from "./engine/resolve.js";
export { type RowAttempt, type RunOptions, type RunProgress, runCampaign } from "./engine/run.js";
export { type CampaignStatus, campaignStatus } from "./engine/status.js";
export type { ReportNotWritten, RunStop, RunSummary } from "./engine/summary.js";
export { type ValidateOptions, validateCampaign } from "./engine/validate.js";
export { ConfigError, CtdialError, InputError, StopError } from "./errors.js";
export { defaultStateDir } from "./journal/index.js";
export type { MappedRow, RowProblem } from "./mapping/index.js";
export {
  formatProblem,
  formatProblems,
  mapRow,
  normalizePhone,
  phoneKey,
  resolveColumns,
} from "./mapping/index.js";
export { type OutcomeText, outcomeText, type RowOutcome, type RowStatus } from "./outcome.js";
export { REPORT_COLUMNS } from "./report-columns.js";
export { type Sandbox, type SandboxOptions, startSandbox } from "./sandbox/index.js";
/** @deprecated The old name of ReportWriter (a report file's writer; the sinks are OutcomeSink). */
export type { ReportWriter as ReportSink } from "./sinks/index.js";
export { openReport, type ReportWriter } from "./sinks/index.js";
export type { OutcomeSink, RunEnd, SettledRow } from "./sinks/outcome-sink.js";
export { openSource } from "./sources/open.js";
export type { Cell, Source, SourceRow } from "./sources/types.js";
