import type { Fault } from "./faults.js";

/**
 * One request as the emulator saw it, for `sandbox.requests` and the `onAnswer` hook: its own module so
 * that the settings (options.ts) can name it without importing the server.
 */
export interface SeenRequest {
  readonly receivedAt: number;
  readonly clientAddress: string;
  readonly method: string;
  readonly path: string;
  /** The raw body ("" until it has been read, or when it was never read). */
  body: string;
  fault: Fault;
  /** The HTTP status answered; "reset" when the connection was reset instead, "hang" when never answered. */
  answer: number | "reset" | "hang" | "pending";
}
