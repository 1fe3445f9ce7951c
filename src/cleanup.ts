/**
 * Runs `body`, then every cleanup step, each on its own: one that throws does not skip the others.
 * The body's own error always wins (an error while closing never hides why the run failed); when the
 * body succeeded, the first cleanup error is thrown, because a journal or report that could not be
 * closed is a failure the user must hear about. Steps run in the order given.
 */
export async function withCleanup<T>(
  body: () => Promise<T>,
  steps: readonly (() => Promise<unknown> | unknown)[],
): Promise<T> {
  let result: T;
  try {
    result = await body();
  } catch (error) {
    await runSteps(steps);
    throw error;
  }
  const failures = await runSteps(steps);
  if (failures.length > 0) throw failures[0];
  return result;
}

/** Runs every step; returns the errors of those that threw, in order. */
export async function runSteps(steps: readonly (() => Promise<unknown> | unknown)[]): Promise<unknown[]> {
  const failures: unknown[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      failures.push(error);
    }
  }
  return failures;
}
