import pino, { type Logger } from "pino";
import pretty from "pino-pretty";

/**
 * Logs go to stderr: pretty on a terminal, JSON lines otherwise (CONTRACT.md). Redaction is a second
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

export function createLogger(level: string, onTerminal = Boolean(process.stderr.isTTY)): Logger {
  const options = { level, base: undefined, redact: { paths: REDACT_PATHS, censor: "[redacted]" } };
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
