import type { CallOutcome } from "./types.js";

type NetworkOutcome = Extract<CallOutcome, { kind: "network" }>;
export type SendPhase = NetworkOutcome["phase"];

/**
 * A failure to get an answer -> a network outcome with a message ctdial wrote itself. Node's own
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
      ? `Could not connect to ${host} and send the request within ${ms} ms.`
      : `No answer from ${host} within ${ms} ms after the request was sent; the callback may have been created.`;
  return { kind: "network", phase, errorCode: "ETIMEDOUT", message };
}

export function abortOutcome(phase: SendPhase, host: string): NetworkOutcome {
  const message =
    phase === "before-send"
      ? `The request to ${host} was cancelled before it was sent.`
      : `The request to ${host} was cancelled after it was sent; the callback may have been created.`;
  return { kind: "network", phase, errorCode: "ABORT_ERR", message };
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[A-Z0-9_]{1,40}$/.test(code) ? code : "ERR_NETWORK";
}

const LOST = "; the callback may have been created.";

function describe(code: string, phase: SendPhase, host: string): string {
  const after = phase === "after-send";
  switch (code) {
    case "ECONNREFUSED":
      return `${host} refused the connection.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot resolve the host name ${host} (${code}).`;
    case "ECONNRESET":
    case "EPIPE":
      return after
        ? `${host} closed the connection after the request was sent, without an answer${LOST}`
        : `${host} closed the connection before the request was sent (${code}).`;
    case "ETIMEDOUT":
      return `The connection to ${host} timed out${after ? LOST : "."}`;
    default:
      return after
        ? `The connection to ${host} failed after the request was sent (${code})${LOST}`
        : `The connection to ${host} failed before the request was sent (${code}).`;
  }
}
