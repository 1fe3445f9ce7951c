import type { OpenSourceOptions } from "../sources/open.js";
import { reportPass } from "./report-pass.js";
import type { ResolvedCampaign } from "./resolve.js";
import type { RunSummary } from "./summary.js";

/**
 * `ctdial validate` (and `run --dry-run`): read, map and check every row, write the report with
 * `would-send` / `invalid` / `skipped`, send nothing. One streaming pass: memory does not grow with
 * the file beyond the duplicate index.
 */
export function validateCampaign(
  resolved: ResolvedCampaign,
  options: OpenSourceOptions = {},
): Promise<RunSummary> {
  return reportPass(resolved, options, () => ({ status: "would-send" }), true);
}
