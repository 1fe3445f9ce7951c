import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  createCalltouchClient,
  createRateLimiter,
  exitCodeOf,
  resolveCampaign,
  runCampaign,
  startSandbox,
} from "../src/index.js";

describe("ctdial as a library (src/index.ts)", () => {
  it("runs a campaign through the public surface and writes its report", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ctdial-lib-"));
    writeFileSync(
      join(dir, "clients.csv"),
      "Телефон;Имя\n+7 916 111-22-33;Анна\n8-800-555-35-35;Горячая линия\n",
    );
    const sandbox = await startSandbox();
    const client = createCalltouchClient({ baseUrl: sandbox.url, token: "sandbox" });
    try {
      const resolved = await resolveCampaign(join(dir, "clients.csv"), { routeKey: "rk_lib" }, {});
      const summary = await runCampaign(resolved, {
        client,
        limiter: createRateLimiter({ rate: 5 }),
        stateDir: join(dir, "state"),
      });
      expect(summary).toMatchObject({ total: 2, sent: 1, invalid: 1 });
      expect(exitCodeOf(summary)).toBe(1);
      expect(sandbox.accepted.map((a) => a.body.phone)).toEqual(["79161112233"]);
      expect(readFileSync(summary.report, "utf8")).toContain("8-800 numbers cannot be dialed");
    } finally {
      await client.close();
      await sandbox.close();
    }
  });
});

describe("the built package", () => {
  it("exposes the library at its main entry (dist/index.js)", async () => {
    const lib = await import(new URL("../dist/index.js", import.meta.url).href);
    expect(typeof lib.runCampaign).toBe("function");
    expect(typeof lib.resolveCampaign).toBe("function");
  });
});
