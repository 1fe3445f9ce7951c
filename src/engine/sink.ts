/** The settled-row stream's contract lives with the sinks; the engine hands rows to it. */
export type { OutcomeSink, RunEnd, SettledRow } from "../sinks/outcome-sink.js";
