import { describe, expect, it } from "vitest";
import { runSteps, withCleanup } from "../src/cleanup.js";

describe("withCleanup: closing a run's files", () => {
  it("runs every step even when one throws", async () => {
    const ran: string[] = [];
    await expect(
      withCleanup(
        async () => "done",
        [
          () => ran.push("source"),
          () => {
            ran.push("journal");
            throw new Error("journal close failed");
          },
          async () => ran.push("registry"),
        ],
      ),
    ).rejects.toThrow("journal close failed");
    expect(ran).toEqual(["source", "journal", "registry"]);
  });

  it("never lets an error while closing hide the run's own error", async () => {
    const ran: string[] = [];
    const failure = new Error("the file is unreadable at line 900");
    await expect(
      withCleanup(async () => {
        throw failure;
      }, [
        () => {
          throw new Error("cannot close");
        },
        () => ran.push("state"),
      ]),
    ).rejects.toBe(failure);
    expect(ran).toEqual(["state"]);
  });

  it("returns the body's result when everything closes", async () => {
    await expect(withCleanup(async () => 42, [() => undefined])).resolves.toBe(42);
  });

  it("runSteps reports the errors of the steps that threw, in order", async () => {
    const errors = await runSteps([
      () => {
        throw new Error("a");
      },
      () => undefined,
      async () => {
        throw new Error("c");
      },
    ]);
    expect(errors.map((e) => (e as Error).message)).toEqual(["a", "c"]);
  });
});
