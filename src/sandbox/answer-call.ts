import type { CallbackRequest } from "../calltouch/types.js";
import {
  acceptedAnswer,
  apiErrorAnswer,
  invalidCredentialsAnswer,
  type SandboxAnswer,
  violationsAnswer,
} from "./messages.js";
import type { SandboxSettings } from "./options.js";
import { checkRules, type Ledger } from "./rules.js";
import { validateBody } from "./validate-body.js";

export interface CallInput {
  /** The Access-Token header, if any. */
  readonly token: string | undefined;
  readonly raw: string;
  readonly at: number;
}

export interface CallResult {
  readonly answer: SandboxAnswer;
  /** Set when the request was accepted and recorded. */
  readonly accepted?: { readonly requestId: number; readonly body: CallbackRequest };
}

/**
 * The application part of the emulator, free of sockets: the token, then the JSON, then the fields,
 * then the business rules; an accepted request is recorded in the ledger (it spends a minute).
 */
export function answerCall(input: CallInput, s: SandboxSettings, ledger: Ledger): CallResult {
  const token = input.token?.trim() ?? "";
  if (token === "" || (s.tokens !== undefined && !s.tokens.includes(token))) {
    return { answer: invalidCredentialsAnswer() };
  }
  const check = validateBody(input.raw);
  if (check.kind === "syntax") return { answer: apiErrorAnswer(1) };
  if (check.kind === "violations") return { answer: violationsAnswer(check.violations) };
  const code = checkRules(check.body, s, ledger, input.at);
  if (code !== undefined) return { answer: apiErrorAnswer(code) };
  const requestId = ledger.accept(check.body, input.at);
  return { answer: acceptedAnswer(requestId), accepted: { requestId, body: check.body } };
}
