import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { UiStatus } from "../../src/ui/model.js";
import { whenDone } from "../tidy.js";
import { waitFor } from "../wait-for.js";
import { runCli, workdir } from "./cli.js";
import { clientsCsv, display } from "./journal-harness.js";
import { namesIn, startCtdial } from "./watch-harness.js";

/**
 * `ctdial watch --sandbox --ui` driven through a real Chromium (Debian's, installed by .ci/run): a
 * file dropped into the folder shows on the page, its bar moves, its counts reach the report's, the
 * chart shows the requests, the pause button stops the sandbox from receiving anything until resumed,
 * and the page fits a phone's 375-px screen. `UPDATE_UI_SCREENSHOT=1` writes docs/ui.png on the way.
 */

const CHROMIUM = process.env.CTDIAL_CHROMIUM ?? "/usr/bin/chromium";
const ROWS = 45;

function withoutFaketime(env: NodeJS.ProcessEnv): Record<string, string> {
  const own: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && key !== "LD_PRELOAD" && !key.startsWith("FAKETIME")) own[key] = value;
  }
  return own;
}

async function openBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Chromium's own sandbox cannot run as root (CI runs as root).
    args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
    // The browser is a tool of the test, not the product: it keeps the real clock when the suite runs
    // under faketime (a faked clock inside Chromium stalls its timers and the pause never shows).
    env: withoutFaketime(process.env),
  });
  whenDone(() => browser.close());
  return browser;
}

/** How many requests the built-in sandbox of the service has received (its own record). */
async function sandboxRequests(pageUrl: string): Promise<number> {
  const status = (await (await fetch(`${pageUrl}api/status`)).json()) as UiStatus;
  const record = (await (await fetch(`${status.service.endpoint.address}/__sandbox/accepted`)).json()) as {
    requests: number;
  };
  return record.requests;
}

async function settledOnPage(page: Page): Promise<number> {
  return Number(await page.locator(".campaign [role=progressbar]").first().getAttribute("aria-valuenow"));
}

function reportCounts(path: string): Record<string, number> {
  const [header = "", ...lines] = readFileSync(path, "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/);
  const at = header.split(";").indexOf("ctdial_status");
  const counts: Record<string, number> = {};
  for (const line of lines) {
    if (line === "") continue;
    const status = line.split(";")[at] ?? "";
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

describe("watch --ui in a real browser", () => {
  it("shows a campaign live, pauses and resumes all sending, and fits a phone", async () => {
    expect(existsSync(CHROMIUM), `Chromium at ${CHROMIUM} (apt-get install chromium)`).toBe(true);
    const dir = workdir();
    const folder = join(dir, "campaigns");
    mkdirSync(folder);
    const watch = startCtdial(
      ["watch", "campaigns", "--sandbox", "--ui", "127.0.0.1:0", "--settle-ms", "300", "--scan-ms", "300"],
      dir,
      { CTDIAL_STATE_DIR: join(dir, ".ctdial-state"), CALLTOUCH_ROUTE_KEY: "rk_ui" },
    );
    await waitFor(() => /the page: (http:\/\/\S+\/)/.test(watch.output()), "the page's address in the log");
    const url = /the page: (http:\/\/\S+\/)/.exec(watch.output())?.[1] ?? "";
    expect(watch.output().match(/the page: /g)).toHaveLength(1);

    const browser = await openBrowser();
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(url);
    await page.locator("#empty").waitFor({ state: "visible" });

    const phones = Array.from(
      { length: ROWS },
      (_, i) => `7999${String(1_000_000 + i * 137).padStart(7, "0")}`,
    );
    const rows: [string, string][] = phones.map((phone, i) => [display(phone), `Клиент ${i + 1}`]);
    rows.push(["8800", "Без номера"]);
    writeFileSync(join(folder, "list.csv"), clientsCsv(rows));

    // Its card appears, dialing, and the bar moves.
    const card = page.locator('.campaign[data-state="dialing"]');
    await card.waitFor({ timeout: 20_000 });
    await expect.poll(() => settledOnPage(page), { timeout: 15_000 }).toBeGreaterThan(0);
    const early = await settledOnPage(page);
    await expect.poll(() => settledOnPage(page), { timeout: 15_000 }).toBeGreaterThan(early);
    // The chart shows the accepted requests.
    await expect
      .poll(async () => page.locator("#chart rect.bar").count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    if (process.env.UPDATE_UI_SCREENSHOT === "1") {
      await page.screenshot({ path: join(import.meta.dirname, "..", "..", "docs", "ui.png") });
    }

    // Pause: the rows in flight finish, then the sandbox receives nothing while paused.
    await page.locator('#toggle[data-action="pause"]').click();
    await page.locator('#toggle[data-action="resume"]').waitFor();
    await page.locator('.campaign[data-state="paused"]').waitFor({ timeout: 10_000 });
    await waitFor(
      () => /PAUSED .*paused from the page/.test(readFileSync(join(folder, "STATUS.txt"), "utf8")),
      "STATUS.txt saying who paused",
      10_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const atPause = await sandboxRequests(url);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await sandboxRequests(url)).toBe(atPause);
    expect(atPause).toBeLessThan(ROWS);
    expect(watch.output()).toMatch(/paused from the page \(127\.0\.0\.1\)/);

    // Resume: it goes on to the end, and the page's counts are the report's.
    await page.locator('#toggle[data-action="resume"]').click();
    await page.locator('#toggle[data-action="pause"]').waitFor();
    await page.locator('.campaign[data-state="done"]').waitFor({ timeout: 30_000 });
    await waitFor(() => namesIn(join(folder, "done")).includes("list.report.csv"), "the report in done/");
    const report = reportCounts(join(folder, "done", "list.report.csv"));
    expect(report).toEqual({ sent: ROWS, invalid: 1 });
    await expect
      .poll(async () => {
        const shown: Record<string, number> = {};
        for (const item of await page.locator(".campaign .count").all()) {
          shown[(await item.getAttribute("data-status")) ?? ""] = Number(
            await item.getAttribute("data-count"),
          );
        }
        return shown;
      })
      .toEqual(report);
    expect(await sandboxRequests(url)).toBe(ROWS);
    // Phones are masked on the page; the report link downloads the report itself.
    const html = await page.content();
    expect(html).not.toContain(phones[0]?.slice(4));
    const link = await page.locator(".campaign a.report").getAttribute("href");
    const download = await fetch(new URL(link ?? "", url));
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(
      readFileSync(join(folder, "done", "list.report.csv")),
    );

    // A phone's screen: nothing wider than 375 px.
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(375);

    // The service stops: the page says so.
    watch.child.kill("SIGTERM");
    await page.locator("#live[data-stopped]").waitFor({ timeout: 15_000 });
    expect((await watch.done).code).toBe(0);
  }, 120_000);

  it("refuses to listen beyond this machine without CTDIAL_UI_TOKEN, in one sentence, in the user's language", async () => {
    const dir = workdir();
    mkdirSync(join(dir, "campaigns"));
    const en = await runCli(["watch", "campaigns", "--sandbox", "--ui", "0.0.0.0:0"], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr.trim().split("\n")).toHaveLength(1);
    expect(en.stderr).toMatch(/--ui 0\.0\.0\.0:0 would show the page .* set CTDIAL_UI_TOKEN/);
    const ru = await runCli(["watch", "campaigns", "--sandbox", "--ui", "0.0.0.0:0"], {
      cwd: dir,
      env: { CTDIAL_LANG: "ru" },
    });
    expect(ru.code).toBe(2);
    expect(ru.stderr).toMatch(/сначала задайте в `CTDIAL_UI_TOKEN` придуманный вами секрет/);
    const address = await runCli(["watch", "campaigns", "--sandbox", "--ui", "here:there"], { cwd: dir });
    expect(address.code).toBe(2);
    expect(address.stderr).toMatch(/--ui takes \[HOST:\]PORT/);
  });

  it("speaks Russian when the process does: the log line and the page", async () => {
    const dir = workdir();
    mkdirSync(join(dir, "campaigns"));
    const watch = startCtdial(["watch", "campaigns", "--sandbox", "--ui", "127.0.0.1:0"], dir, {
      CTDIAL_STATE_DIR: join(dir, ".ctdial-state"),
      CTDIAL_LANG: "ru",
    });
    await waitFor(() => /страница: (http:\/\/\S+\/)/.test(watch.output()), "the page's address in the log");
    const url = /страница: (http:\/\/\S+\/)/.exec(watch.output())?.[1] ?? "";
    const page = await (await fetch(url)).text();
    expect(page).toContain('<html lang="ru">');
    expect(page).toContain("Приостановить отправку");
    const status = (await (await fetch(`${url}api/status`)).json()) as UiStatus;
    expect(status.service.lines[0]).toMatch(/^Работает с \d+ [а-я]+ \d{4}, \d\d:\d\d/);
    expect(status.service.title).toMatch(/^Папка .* — ctdial watch$/);
    watch.child.kill("SIGTERM");
    expect((await watch.done).code).toBe(0);
  });
});
