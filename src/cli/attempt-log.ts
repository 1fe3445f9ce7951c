import type { Logger } from "pino";
import type { RowAttempt } from "../engine/run.js";
import { outcomeText } from "../outcome.js";
import { currentLang } from "./lang.js";
import { plural } from "./plural.js";
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
  // ctdial's own words (a network failure) in the CLI's language; Calltouch's as it wrote them.
  const message = outcomeText(currentLang(), decision.message);
  if (next.kind === "again") {
    const what =
      decision.action === "resend-without-session"
        ? "sending it again without sessionId"
        : `will retry in ${formatDuration(Math.ceil(next.afterMs / 1000))}`;
    logger.warn(fields, `row ${row}: ${message}; ${what}`);
    return;
  }
  const { outcome } = next;
  if (decision.action === "stop-campaign" || decision.action === "stop-route") {
    logger.error(fields, `row ${row}: ${message}`);
  } else if (outcome.status === "pending") {
    logger.info(fields, `row ${row}: ${message}; left pending, the next run sends it`);
  } else if (decision.action === "retry" || decision.action === "retry-later") {
    const tries = outcome.status === "failed" ? outcome.attempts : attempt.attempt;
    logger.info(fields, `row ${row}: ${message}; gave up after ${plural(tries, "attempt")}`);
  } else {
    logger.info(fields, `row ${row}: ${message}`);
  }
}
