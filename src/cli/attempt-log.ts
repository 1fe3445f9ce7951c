import type { Logger } from "pino";
import type { RowAttempt } from "../engine/run.js";
import { t } from "./lang.js";
import { formatDuration } from "./progress.js";

/**
 * One log line per answer: quiet for successes, louder the more the user must act. Worded from what
 * will happen next, which the dispatcher decided before telling: "will retry" only when it will.
 */
export function logAttempt(logger: Logger, attempt: RowAttempt): void {
  const { decision, next } = attempt;
  const row = attempt.item.rowNumber;
  const fields = { row, attempt: attempt.attempt, ...("code" in decision ? { code: decision.code } : {}) };
  if (decision.action === "done") {
    logger.debug({ ...fields, requestId: decision.requestId }, "accepted");
    return;
  }
  const words = t();
  const said = { row, message: decision.message };
  if (next.kind === "again") {
    logger.warn(
      fields,
      decision.action === "resend-without-session"
        ? words.cliAttemptResend(said)
        : words.cliAttemptRetry({ ...said, after: formatDuration(Math.ceil(next.afterMs / 1000)) }),
    );
    return;
  }
  const { outcome } = next;
  if (decision.action === "stop-campaign" || decision.action === "stop-route") {
    logger.error(fields, words.cliAttemptRow(said));
  } else if (outcome.status === "pending") {
    logger.info(fields, words.cliAttemptPending(said));
  } else if (decision.action === "retry" || decision.action === "retry-later") {
    const tries = outcome.status === "failed" ? outcome.attempts : attempt.attempt;
    logger.info(fields, words.cliAttemptGaveUp({ ...said, tries }));
  } else {
    logger.info(fields, words.cliAttemptRow(said));
  }
}
