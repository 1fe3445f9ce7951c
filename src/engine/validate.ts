import type { RowOutcome } from "../outcome.js";
import type { OpenSourceOptions } from "../sources/open.js";
import type { GateDecision } from "./gate.js";
import { reportPass } from "./report-pass.js";
import type { ResolvedCampaign } from "./resolve.js";
import { gateRow, knownRow, openCampaignState, remembersNothing } from "./state.js";
import type { RunSummary } from "./summary.js";

const WOULD_SEND: RowOutcome = { status: "would-send" };

function wouldSend(decision: GateDecision): RowOutcome {
  return decision.send ? { status: "would-send" } : decision.outcome;
}

/**
 * `ctdial validate` (and `run --dry-run`): read, map and check every row, write the report with
 * `would-send` / `invalid` / `skipped`, send nothing. The campaign's journal is read (never written):
 * rows an earlier run sent are shown as sent, so the report says what `run` would do now. One
 * streaming pass: memory does not grow with the file beyond the duplicate index.
 */
export async function validateCampaign(
  resolved: ResolvedCampaign,
  options: OpenSourceOptions & { stateDir: string; onWarning?: (message: string) => void },
): Promise<RunSummary> {
  const state = await openCampaignState(resolved, { stateDir: options.stateDir, readOnly: true });
  try {
    for (const warning of state.warnings) options.onWarning?.(warning);
    const fresh = remembersNothing(state);
    return await reportPass(
      resolved,
      options,
      (planned) => {
        if (fresh) return WOULD_SEND;
        const row = knownRow(planned.row.rowNumber, planned.phoneKey, planned.request);
        const decision = gateRow(state, row, "dry-run");
        return decision instanceof Promise ? decision.then(wouldSend) : wouldSend(decision);
      },
      true,
    );
  } finally {
    await state.close();
  }
}
