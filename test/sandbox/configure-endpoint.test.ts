import { afterEach, describe, expect, it } from "vitest";
import { CONFIGURE_PATH, type Sandbox, startSandbox } from "../../src/sandbox/server.js";

/** Tests in other processes (the folder's pause and resume) top up the balance through this endpoint. */
describe("the sandbox's configure endpoint", () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
  });

  it("applies a settings patch while it runs, and refuses a bad one with the reason", async () => {
    sandbox = await startSandbox({ minutes: 0 });
    const ok = await fetch(`${sandbox.url}${CONFIGURE_PATH}`, { method: "POST", body: '{"minutes": 7}' });
    expect(ok.status).toBe(204);
    expect(sandbox.settings.minutes).toBe(7);
    const bad = await fetch(`${sandbox.url}${CONFIGURE_PATH}`, { method: "POST", body: '{"failRate": 2}' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("failRate");
    expect(sandbox.settings.failRate).toBe(0);
  });
});
