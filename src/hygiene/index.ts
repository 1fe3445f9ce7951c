/** Dialing hygiene (issue 4): the exclude lists, the call window and the durations campaign keys use. */
export type { CallWindow, Weekday } from "./call-window.js";
export { callWindowTimezone, closesAt, isOpen, nextOpening } from "./call-window.js";
export { formatCountdown } from "./countdown.js";
export { parseDuration } from "./duration.js";
