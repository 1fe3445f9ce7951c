import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { exampleClientRows } from "../../src/sandbox/example-clients.js";
import { endWhenDone } from "../tidy.js";
import { EXCEL_RU, excelRuWorkdir, readReport, runCli, workdir } from "./cli.js";

const BOOK = "fixtures/e2e/clients-book.xlsx";

function impossibleDate(): string {
  return exampleClientRows(Date.now()).find((cells) => cells[1] === "Медведева Алина")?.[5] ?? "";
}

/** What a person reads in the report for the rows that need attention in the example base. */
const EXPECTED_PROBLEMS: Record<string, string> = {
  "ООО Ромашка": "column Телефон: 8-800 numbers cannot be dialed",
  "Ковальчук Андрей":
    "column Телефон: only Russian numbers can be dialed (this looks like a number from Belarus)",
  "Без телефона": "column Телефон: phone is empty",
  // The example writes 31 February of next year (in its zone): impossible in any year, never in the past.
  "Медведева Алина": `column Время звонка: "${impossibleDate()}" is not a real date and time`,
};

describe("ctdial validate (built CLI)", () => {
  it("reads an Excel-RU export (cp1251, ;, CRLF) and reports every row in the file's order", async () => {
    const dir = excelRuWorkdir();
    const result = await runCli(["validate", "clients-excel-ru.csv", "--route-key", "rk_1"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("37 rows: would-send 30, skipped 1, invalid 6");
    expect(result.stdout).toContain("row  7  invalid  column Телефон: 8-800 numbers cannot be dialed");
    expect(result.stderr).toBe("");

    const reportPath = join(dir, "clients-excel-ru.report.csv");
    const bytes = readFileSync(reportPath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(Buffer.from("\r\n"))).toBe(true);
    const rows = await readReport(reportPath, ";");
    expect(rows).toHaveLength(37);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      "Телефон",
      "ФИО",
      "Город",
      "Комментарий",
      "Теги",
      "Время звонка",
      "ctdial_status",
      "ctdial_error_code",
      "ctdial_error",
      "ctdial_request_id",
      "ctdial_sent_at",
      "ctdial_attempts",
      "ctdial_phone",
    ]);
    // Cells with the delimiter and quotes inside come back exactly.
    expect(rows[0]?.Комментарий).toBe("Оставил заявку на сайте; ждёт звонка");
    expect(rows.find((r) => r.ФИО === "Васильев Дмитрий")?.Комментарий).toBe('Интересуется тарифом "Бизнес"');
    for (const [name, message] of Object.entries(EXPECTED_PROBLEMS)) {
      const row = rows.find((r) => r.ФИО === name);
      expect(row?.ctdial_status, name).toBe("invalid");
      expect(row?.ctdial_error, name).toBe(message);
    }
    const duplicate = rows.find((r) => r.ФИО === "Сидоров Пётр (дубль)");
    expect(duplicate?.ctdial_status).toBe("skipped");
    expect(duplicate?.ctdial_error).toBe("duplicate of row 4");
    // Formula-like cells are neutralised in the report.
    expect(rows[0]?.Телефон).toBe("'+7 (952) 601-81-59");
  });

  it("prints one JSON summary as the last stdout line with --json", async () => {
    const dir = excelRuWorkdir();
    const result = await runCli(["validate", "clients-excel-ru.csv", "--route-key", "rk_1", "--json"], {
      cwd: dir,
    });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0] ?? "");
    expect(summary).toMatchObject({
      total: 37,
      sent: 0,
      invalid: 6,
      failed: 0,
      skipped: 1,
      pending: 0,
      unknown: 0,
      "would-send": 30,
      report: join(dir, "clients-excel-ru.report.csv"),
    });
    expect(result.stderr).toContain("Report:");
  });

  it("reads an XLSX made by LibreOffice and writes an XLSX report", async () => {
    const dir = workdir(BOOK);
    const result = await runCli(["validate", "clients-book.xlsx", "--route-key", "rk_1", "--json"], {
      cwd: dir,
    });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout.trim())).toMatchObject({
      total: 37,
      invalid: 6,
      skipped: 1,
      "would-send": 30,
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, "clients-book.report.xlsx"));
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(7).value).toBe("ctdial_status");
    // A phone stored as a number keeps its digits and its type.
    expect(sheet?.getRow(5).getCell(1).value).toBe(79909378657);
    expect(sheet?.getRow(5).getCell(7).value).toBe("would-send");
    expect(sheet?.getRow(7).getCell(9).value).toBe("column Телефон: 8-800 numbers cannot be dialed");
  });

  it("accepts docs/contract.md's common options, so one command line serves validate and run", async () => {
    const dir = excelRuWorkdir();
    const args = [
      "clients-excel-ru.csv",
      "--route-key",
      "rk_1",
      "--rate",
      "4",
      "--yes",
      "--sandbox",
      "--dry-run",
      "--json",
    ];
    const result = await runCli(["validate", ...args], { cwd: dir });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout.trim())).toMatchObject({ "would-send": 30, sent: 0 });
    const tooFast = await runCli(["validate", "clients-excel-ru.csv", "--rate", "6"], { cwd: dir });
    expect(tooFast.code).toBe(2);
  });

  it("exits 0 when every row is valid", async () => {
    const dir = workdir();
    writeFileSync(join(dir, "ok.csv"), "Телефон,Имя\n+7 999 222-33-44,Анна\n8 (916) 123-45-67,Борис\n");
    const result = await runCli(["validate", "ok.csv", "--route-key", "rk_1"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("2 rows: would-send 2");
  });
});

describe("ctdial errors a user meets (exit 2, one sentence, no stack trace)", () => {
  const cases: [string, (dir: string) => string[], RegExp][] = [
    ["a missing file", () => ["validate", "nope.csv"], /nope\.csv does not exist; check the path\./],
    [
      "an unsupported file type",
      () => ["validate", "clients.pdf"],
      /ctdial reads \.csv, \.tsv, \.txt and \.xlsx files/,
    ],
    [
      "a file with no phone column",
      (dir) => {
        writeFileSync(join(dir, "nophone.csv"), "Имя;Город\nАнна;Казань\n");
        return ["validate", "nophone.csv"];
      },
      /no phone column found; the file has: Имя, Город/,
    ],
    [
      "a campaign file with a typo and a wrong type",
      (dir) => {
        writeFileSync(join(dir, "c.csv"), "Телефон\n+79992223344\n");
        writeFileSync(join(dir, "c.campaign.yaml"), "routeKey: rk\nrate: fast\nmappng:\n  phone: Телефон\n");
        return ["validate", "c.csv"];
      },
      /rate: expected a number, got "fast"[\s\S]*mappng: unknown key \(did you mean mapping\?\)/,
    ],
    ["a rate above Calltouch's limit", () => ["run", "x.csv", "--rate", "9"], /--rate.*at most 5/],
    ["an unknown option", () => ["validate", "x.csv", "--frobnicate"], /unknown option '--frobnicate'/],
    [
      "a sandbox fault share above 1",
      () => ["sandbox", "--fail-rate", "2"],
      /--fail-rate.*expected a share from 0 to 1/,
    ],
    [
      "a sandbox latency that is not a number",
      () => ["sandbox", "--latency", "fast"],
      /--latency.*expected a whole number/,
    ],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const dir = workdir();
      const result = await runCli(args(dir), { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }
});

describe("ctdial init", () => {
  it("writes a campaign file that validate then uses, and refuses to overwrite it", async () => {
    const dir = excelRuWorkdir();
    const first = await runCli(["init", "clients-excel-ru.csv"], { cwd: dir });
    expect(first.code).toBe(0);
    const campaignPath = join(dir, "clients-excel-ru.campaign.yaml");
    expect(existsSync(campaignPath)).toBe(true);
    const yaml = readFileSync(campaignPath, "utf8");
    expect(yaml).toMatch(/phone: Телефон/);
    expect(first.stdout).toContain("Телефон");

    const again = await runCli(["init", "clients-excel-ru.csv"], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; edit it, or run ctdial init --force/);
    expect((await runCli(["init", "clients-excel-ru.csv", "--force"], { cwd: dir })).code).toBe(0);

    const validated = await runCli(["validate", "clients-excel-ru.csv", "--route-key", "rk_1", "--json"], {
      cwd: dir,
    });
    expect(JSON.parse(validated.stdout.trim().split("\n").at(-1) ?? "")).toMatchObject({
      total: 37,
      "would-send": 30,
    });
  });
});

describe("ctdial as part of a pipeline", () => {
  it("exits quietly when the reader of its output goes away (| head)", async () => {
    const { spawn } = await import("node:child_process");
    const { CLI } = await import("./cli.js");
    const dir = excelRuWorkdir();
    const child = endWhenDone(
      spawn(process.execPath, [CLI, "validate", "clients-excel-ru.csv", "--route-key", "rk_1"], {
        cwd: dir,
        env: { ...process.env, CTDIAL_STATE_DIR: join(dir, ".ctdial-state") },
        stdio: ["ignore", "pipe", "pipe"],
      }),
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    // Like `| head` that has already exited: the pipe is closed before ctdial writes its summary.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(1);
  });
});

describe("CSV read on the second core", () => {
  // Built ctdial parses CSV in a worker thread; CTDIAL_CSV_THREAD=0 reads in the main thread. Both must
  // say exactly the same, including errors found in the middle of the file.
  for (const [name, file] of [
    ["a clean Excel-RU export", EXCEL_RU],
    ["an unclosed quote", "fixtures/csv/unclosed-quote.csv"],
    ["a line in another encoding", "fixtures/csv/ragged-rows.csv"],
  ] as const) {
    it(`${name}: the same result in a worker and in the main thread`, async () => {
      const dir = file === EXCEL_RU ? excelRuWorkdir() : workdir(file);
      const args = ["validate", file.split("/").at(-1) ?? "", "--route-key", "rk_1", "--json"];
      const threaded = await runCli(args, { cwd: dir });
      const inline = await runCli(args, { cwd: dir, env: { CTDIAL_CSV_THREAD: "0" } });
      expect(threaded.code).toBe(inline.code);
      expect(threaded.stdout).toBe(inline.stdout);
      expect(threaded.stderr).toBe(inline.stderr);
    });
  }

  it("reports an unclosed quote in the middle of the file with its line, through the worker", async () => {
    const dir = workdir("fixtures/csv/unclosed-quote.csv");
    const result = await runCli(["validate", "unclosed-quote.csv", "--route-key", "rk_1"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'unclosed-quote.csv, line 14: a quote (") opened here is never closed; close it or remove it.',
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
