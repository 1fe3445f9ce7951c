/** Dialing hygiene (issue 4): the exclude lists and the call window. */

export type { CallWindow, Weekday } from "./call-window.js";
export { callWindowTimezone, closesAt, isOpen, nextOpening } from "./call-window.js";
export type { ExcludeFile, ExcludeList, ExcludeOptions, InvalidExcludeLine } from "./exclude.js";
export { excludedReason, loadExcludeList, MAX_INVALID_EXAMPLES } from "./exclude.js";
export { excludeWarningSaids, excludeWarnings } from "./exclude-warnings.js";
