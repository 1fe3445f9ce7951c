import { CommanderError } from "commander";
import { isCtdialError } from "../errors.js";
import { redact } from "../secrets.js";
import { t } from "./lang.js";
import { errorText } from "./messages.js";

/**
 * With --json, an error also ends stdout with one object, `{"error":{"code":"...","message":"..."}}`
 * (docs/contract.md "Exit codes and summary"), so that a script reading the last line always gets
 * JSON. The code is the error class's stable code; the message is the one stderr shows, redacted.
 */
export function errorJson(error: unknown): string {
  return JSON.stringify({ error: { code: errorCode(error), message: errorMessage(error) } });
}

export function errorCode(error: unknown): string {
  if (error instanceof CommanderError) return "E_USAGE";
  if (isCtdialError(error)) return error.code;
  return "E_INTERNAL";
}

function errorMessage(error: unknown): string {
  if (error instanceof CommanderError) {
    // "error: unknown option '--x'\n(Did you mean --y?)" -> one line, without commander's prefix
    // (worded in the process's language by program.ts, like the rest of the message).
    const prefix = t().helpError({ text: "" });
    const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    return redact(message.split("\n").join(" ").trim());
  }
  if (isCtdialError(error)) return redact(errorText(error));
  const message = error instanceof Error ? error.message : String(error);
  return redact(t().cliUnexpectedError({ message }));
}

/** Whether --json was given, even when parsing failed (only arguments before a lone `--` count). */
export function wantsJson(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).includes("--json");
}
