/**
 * Waits for a condition instead of guessing how long something takes: a fixed sleep is either too
 * short on a loaded machine (a flaky failure) or too long everywhere else. Resolves once `check`
 * returns true, polling every `everyMs`; rejects, naming `what`, after `timeoutMs`.
 */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
  everyMs = 10,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
