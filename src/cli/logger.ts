import pino, { type Logger } from "pino";
import pretty from "pino-pretty";
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

export function createLogger(
  level: string,
  onTerminal = Boolean(process.stderr.isTTY),
  destination?: NodeJS.WritableStream,
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
    // In-thread and synchronous: a CLI that exits right after its last line must not lose it.
    return pino(
      options,
      pretty({
        destination: 2,
        sync: true,
        colorize: true,
        ignore: "pid,hostname",
        translateTime: "HH:MM:ss",
      }),
    );
  }
  return pino(options, pino.destination({ fd: 2, sync: true }));
}
