import { createInterface } from "node:readline/promises";
import { StopError } from "../errors.js";

/**
 * Asks before real requests leave, when a person is at the terminal. Scripts (no TTY) and `--yes`
 * skip the question: a prompt nobody can answer would hang a scheduled job.
 */
export async function confirmOrStop(question: string, skip: boolean): Promise<void> {
  if (skip || !process.stdin.isTTY || !process.stderr.isTTY) return;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = (await rl.question(`${question} [y/N] `)).trim().toLowerCase();
    if (!["y", "yes", "д", "да"].includes(answer)) {
      throw new StopError(
        "E_DECLINED",
        "nothing was sent: the run was not confirmed (add --yes to skip the question).",
      );
    }
  } finally {
    rl.close();
  }
}
