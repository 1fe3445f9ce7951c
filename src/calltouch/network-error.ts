import { type Said, said } from "../i18n/catalog.js";
import type { CallOutcome } from "./types.js";

type NetworkOutcome = Extract<CallOutcome, { kind: "network" }>;
export type SendPhase = NetworkOutcome["phase"];

/**
 * A failure to get an answer -> a network outcome with words ctdial wrote itself (as data). Node's own
 * messages are not passed through as they stand: they are built from the error only, but a message of
 * our own is certain to hold no header (the token) and reads the same on every platform.
 */
export function networkOutcome(error: unknown, phase: SendPhase, host: string): NetworkOutcome {
  const errorCode = codeOf(error);
  return { kind: "network", phase, errorCode, message: describe(errorCode, phase, host) };
}

/** A timeout of our own: before the request was written it is a connect timeout, after it an answer timeout. */
export function timeoutOutcome(phase: SendPhase, host: string, ms: number): NetworkOutcome {
  const message =
    phase === "before-send"
      ? said("rowsNetNoConnectWithin", { host, ms })
      : said("rowsNetNoAnswerWithin", { host, ms });
  return { kind: "network", phase, errorCode: "ETIMEDOUT", message };
}

export function abortOutcome(phase: SendPhase, host: string): NetworkOutcome {
  return {
    kind: "network",
    phase,
    errorCode: "ABORT_ERR",
    message: said("rowsNetCancelled", { host, after: phase === "after-send" }),
  };
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[A-Z0-9_]{1,40}$/.test(code) ? code : "ERR_NETWORK";
}

function describe(code: string, phase: SendPhase, host: string): Said {
  const after = phase === "after-send";
  switch (code) {
    case "ECONNREFUSED":
      return said("rowsNetRefused", { host });
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return said("rowsNetUnresolved", { host, code });
    case "ECONNRESET":
    case "EPIPE":
      return said("rowsNetClosed", { host, code, after });
    case "ETIMEDOUT":
      return said("rowsNetTimedOut", { host, after });
    default:
      return said("rowsNetFailed", { host, code, after });
  }
}
