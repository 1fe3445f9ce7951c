import pino, { type Logger } from "pino";
import { prettyFactory } from "pino-pretty";
import { redact } from "../secrets.js";

/**
 * Logs go to stderr: pretty on a terminal, JSON lines otherwise (docs/contract.md). Redaction is a second
 * line of defence: nothing should ever put the token into a log object, but if a header object or
 * an options bag slips in, these paths are censored.
 */
export const REDACT_PATHS = [
  "token",
  "*.token",
  "accessToken",
  "*.accessToken",
  "headers['access-token']",
  "headers['Access-Token']",
  "*.headers['access-token']",
  "*.headers['Access-Token']",
  "options.token",
];

/**
 * `beforeLine` runs before each line on a terminal: the progress bar clears itself there, so that a log
 * line never starts in the middle of the bar (the bar redraws on its next update).
 */
export function createLogger(
  level: string,
  onTerminal = Boolean(process.stderr.isTTY),
  destination?: NodeJS.WritableStream,
  beforeLine?: () => void,
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    // Paths catch keys; a secret inside a message (a proxy page echoing headers) is caught here.
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === "string" ? redact(arg) : arg)) as typeof args);
      },
    },
  };
  if (destination !== undefined) return pino(options, destination);
  if (onTerminal) {
    // Formatted in-thread and written synchronously: a CLI that exits right after its last line must
    // not lose it, and the progress bar must be cleared right before each line.
    const prettify = prettyFactory({ colorize: true, ignore: "pid,hostname", translateTime: "HH:MM:ss" });
    return pino(options, {
      write(line: string) {
        try {
          beforeLine?.();
        } catch {
          // A bar that cannot be cleared must not cost the log line.
        }
        process.stderr.write(prettify(line));
      },
    });
  }
  return pino(options, pino.destination({ fd: 2, sync: true }));
}
