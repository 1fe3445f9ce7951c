import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UiStatus } from "../../src/ui/model.js";
import type { FakeCell } from "../fakes/sheets/model.js";
import { type FakeProcess, startSheetsFakeProcess } from "../fakes/sheets/spawn.js";
import { waitFor } from "../wait-for.js";
import { workdir } from "./cli.js";
import { startCtdial } from "./watch-harness.js";

/**
 * `ctdial watch <sheet link> --sandbox --ui`: the followed sheet is the page's one campaign, its
 * look's progress and counts show, the pause from the page holds its rows, and /metrics counts the
 * looks at the sheet and its writes. Against the Google Sheets fake, over HTTP (the browser test is
 * watch-ui.test.ts).
 */

let fake: FakeProcess;
beforeAll(async () => {
  fake = await startSheetsFakeProcess({ FAKE_READS_PER_MINUTE: "100000", FAKE_WRITES_PER_MINUTE: "100000" });
});
afterAll(() => fake.stop());

describe("watch <sheet> --ui", () => {
  it("shows the followed sheet as its campaign, pauses it, and counts the Sheets requests", async () => {
    const id = `ui-sheet-${Date.now()}`;
    const rows: FakeCell[][] = [
      ["Телефон", "Имя"],
      ...Array.from({ length: 25 }, (_, i) => [79_990_000_100 + i, `Клиент ${i + 1}`]),
    ];
    await fake.add({
      spreadsheetId: id,
      title: "Лиды",
      tabs: [{ title: "Заявки", sheetId: 555, rows, columnCount: 2 }],
    });
    const dir = workdir();
    const watch = startCtdial(
      [
        "watch",
        `https://docs.google.com/spreadsheets/d/${id}/edit#gid=555`,
        "--sandbox",
        "--route-key",
        "rk",
        "--interval",
        "1",
        "--ui",
        "127.0.0.1:0",
      ],
      dir,
      {
        HOME: dir,
        XDG_STATE_HOME: join(dir, "xdg"),
        CTDIAL_STATE_DIR: join(dir, "state"),
        GOOGLE_SHEETS_API_URL: fake.url,
        GOOGLE_SHEETS_ACCESS_TOKEN: "ya29.e2e-secret",
      },
    );
    await waitFor(() => /the page: (http:\/\/\S+\/)/.test(watch.output()), "the page's address", 20_000);
    const url = /the page: (http:\/\/\S+\/)/.exec(watch.output())?.[1] ?? "";
    const status = async () => (await (await fetch(`${url}api/status`)).json()) as UiStatus;

    await waitFor(async () => ((await status()).campaigns[0]?.settled ?? 0) > 0, "rows settled", 20_000);
    const first = await status();
    expect(first.service).toMatchObject({ kind: "sheet", where: "Лиды / Заявки" });
    expect(first.campaigns).toHaveLength(1);
    expect(first.campaigns[0]?.name).toBe("Заявки");

    // Paused from the page: the look's rows wait for their slot.
    const page = await (await fetch(url)).text();
    const csrf = /"csrf":"([^"]+)"/.exec(page)?.[1] ?? "";
    const pause = await fetch(`${url}api/pause`, { method: "POST", headers: { "X-CSRF-Token": csrf } });
    expect(pause.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const held = (await status()).campaigns[0]?.counts.sent ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const still = await status();
    expect(still.campaigns[0]?.counts.sent ?? 0).toBe(held);
    expect(still.service.held?.by).toBe("127.0.0.1");
    expect(held).toBeLessThan(25);

    await fetch(`${url}api/resume`, { method: "POST", headers: { "X-CSRF-Token": csrf } });
    await waitFor(
      async () => JSON.stringify((await status()).campaigns[0]?.counts).includes('"sent":25'),
      "every row sent",
      30_000,
    );
    const metrics = await (await fetch(`${url}metrics`)).text();
    expect(metrics).toMatch(/ctdial_sheets_requests_total\{kind="read"\} [1-9]/);
    expect(metrics).toMatch(/ctdial_sheets_requests_total\{kind="write"\} [1-9]/);
    expect(metrics).toContain('ctdial_requests_total{campaign="Заявки",outcome="accepted"} 25');
    watch.child.kill("SIGTERM");
    expect((await watch.done).code).toBe(0);
  }, 90_000);
});
