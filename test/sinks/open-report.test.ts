import { readFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { defaultReportPath, openReport } from "../../src/sinks/open-report.js";
import { row, useTempDir } from "./helpers.js";

const tempDir = useTempDir();

describe("defaultReportPath", () => {
  it("puts <name>.report.<kind> beside the source", () => {
    expect(defaultReportPath(join("data", "clients.csv"), "csv")).toBe(join("data", "clients.report.csv"));
    expect(defaultReportPath(join("data", "база.v2.xlsx"), "xlsx")).toBe(join("data", "база.v2.report.xlsx"));
    expect(defaultReportPath("clients.tsv", "csv")).toBe("clients.report.csv");
  });
});

describe("openReport", () => {
  it("writes CSV with the source's delimiter", async () => {
    const path = join(await tempDir(), "r.csv");
    const report = await openReport(path, {
      kind: "csv",
      headers: ["phone"],
      headerRowNumber: 1,
      delimiter: "|",
    });
    await report.write(row(2, "+7 999 123-45-01"), { status: "would-send" }, "79991234501");
    await report.close();
    expect((await readFile(path, "utf8")).split("\r\n")[1]).toBe(
      "'+7 999 123-45-01|would-send||||||79991234501",
    );
  });

  it("writes CSV with `;` when the source has no delimiter", async () => {
    const path = join(await tempDir(), "r.csv");
    const report = await openReport(path, {
      kind: "xlsx",
      headers: ["phone"],
      headerRowNumber: 1,
      sheetName: "A",
    });
    await report.close();
    expect(await readFile(path, "utf8")).toBe(
      "\uFEFFphone;ctdial_status;ctdial_error_code;ctdial_error;ctdial_request_id;ctdial_sent_at;ctdial_attempts;ctdial_phone\r\n",
    );
  });

  it("writes XLSX for a .xlsx path, on the source's tab name", async () => {
    const path = join(await tempDir(), "r.XLSX");
    const report = await openReport(path, {
      kind: "xlsx",
      headers: ["phone"],
      headerRowNumber: 1,
      sheetName: "Клиенты",
    });
    await report.write(row(2, 79991234501), { status: "would-send" }, "79991234501");
    await report.close();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets[0]?.name).toBe("Клиенты");
    expect(workbook.worksheets[0]?.getCell("B2").value).toBe("would-send");
    expect(workbook.worksheets[0]?.getCell("H1").value).toBe("ctdial_phone");
    expect(workbook.worksheets[0]?.getCell("H2").value).toBe("79991234501");
  });
});
