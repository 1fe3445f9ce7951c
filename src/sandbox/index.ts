/**
 * The built-in Calltouch emulator: the demo, the tests and `ctdial sandbox` run against it. It accepts
 * any non-empty Access-Token unless `tokens` is given; SANDBOX_TOKEN is what ctdial sends to an
 * in-process sandbox when no CALLTOUCH_TOKEN is set.
 */
export const SANDBOX_TOKEN = "sandbox";

export type { Fault, FaultSettings } from "./faults.js";
export { API_ERROR_TEXT } from "./messages.js";
export { DEFAULT_SETTINGS, type SandboxOptions, type SandboxPatch, type SandboxSettings } from "./options.js";
export { isCallablePhone } from "./rules.js";
export type { SeenRequest } from "./seen-request.js";
export {
  type AcceptedRequest,
  INSPECT_PATH,
  type Sandbox,
  startSandbox,
} from "./server.js";
