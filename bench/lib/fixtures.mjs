// Benchmark input files, generated once and cached in bench/out/ (gitignored). A file is written
// under a temporary name and renamed when complete, so an interrupted run never leaves a truncated
// file that a later run would take for a good one. Bump VERSION when the generator changes.

import { once } from "node:events";
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { createRandom, csvCell, formatPhone, HEADERS, makeRow, nationalNumber } from "./russian-data.mjs";

const VERSION = 1;
export const OUT_DIR = fileURLToPath(new URL("../out/", import.meta.url));
const SEED = 20_260_101;

export function outPath(name) {
  mkdirSync(OUT_DIR, { recursive: true });
  return join(OUT_DIR, name);
}

/**
 * A `;`-delimited CSV of `rows` data rows. `utf-8`: LF line ends, no BOM (what scripts and Google
 * Sheets export); `windows-1251`: CRLF (what Excel "CSV (разделители - точка с запятой)" writes on a
 * Russian Windows). Returns { path, generated, ms }.
 */
export async function ensureCsv(rows, encoding = "utf-8") {
  const tag = encoding === "utf-8" ? "utf8" : "cp1251";
  const path = outPath(`clients-v${VERSION}-${rows}.${tag}.csv`);
  if (existsSync(path)) return { path, generated: false, ms: 0, bytes: statSync(path).size };
  const started = performance.now();
  const eol = encoding === "utf-8" ? "\n" : "\r\n";
  const encode =
    encoding === "utf-8" ? (text) => Buffer.from(text, "utf8") : (text) => iconv.encode(text, encoding);
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  const random = createRandom(SEED);
  let lines = [HEADERS.join(";")];
  for (let i = 0; i < rows; i++) {
    lines.push(
      makeRow(i, random)
        .map((cell) => csvCell(cell, ";"))
        .join(";"),
    );
    if (lines.length >= 10_000 || i === rows - 1) {
      if (!out.write(encode(lines.join(eol) + eol))) await once(out, "drain");
      lines = [];
    }
  }
  out.end();
  await once(out, "finish");
  renameSync(partial, path);
  return { path, generated: true, ms: Math.round(performance.now() - started), bytes: statSync(path).size };
}

/**
 * An .xlsx of the same rows, written by exceljs's streaming writer with shared strings (as Excel
 * saves). Cells typed as a spreadsheet user has them: every other phone a number, call times as date
 * cells, departments as numbers.
 */
export async function ensureXlsx(rows) {
  const path = outPath(`clients-v${VERSION}-${rows}.xlsx`);
  if (existsSync(path)) return { path, generated: false, ms: 0, bytes: statSync(path).size };
  const { default: ExcelJS } = await import("exceljs");
  const started = performance.now();
  const partial = `${path}.partial`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: partial,
    useSharedStrings: true,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet("Клиенты");
  sheet.addRow(HEADERS).commit();
  const random = createRandom(SEED);
  for (let i = 0; i < rows; i++) {
    const cells = makeRow(i, random);
    const values = cells.map((cell) => (cell === "" ? null : cell));
    if (i % 2 === 0) values[0] = phoneAsNumber(cells[0]) ?? values[0];
    values[6] = cells[6] === "" ? null : wallClockDate(cells[6]);
    values[9] = cells[9] === "" ? null : Number(cells[9]);
    sheet.addRow(values).commit();
  }
  sheet.commit();
  await workbook.commit();
  renameSync(partial, path);
  return { path, generated: true, ms: Math.round(performance.now() - started), bytes: statSync(path).size };
}

/** A phone as the number a spreadsheet would have made of it (7xxxxxxxxxx), when it is one. */
function phoneAsNumber(text) {
  if (text.includes(",")) return undefined;
  const digits = text.replace(/\D/g, "");
  if (digits.length === 10) return Number(`7${digits}`);
  if (digits.length === 11 && (digits[0] === "7" || digits[0] === "8")) return Number(`7${digits.slice(1)}`);
  return undefined;
}

/** `dd.mm.yyyy hh:mm` as the Date exceljs stores as that wall-clock serial (it writes UTC). */
function wallClockDate(text) {
  const [, d, m, y, hh, mm] = /^(\d\d)\.(\d\d)\.(\d{4}) (\d\d):(\d\d)$/.exec(text);
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh), Number(mm)));
}

/**
 * A CSV whose every row is sendable (no faulty phones, no duplicates), for the sending benchmarks:
 * the same columns and text, phones in mixed formats.
 */
export async function ensureSendableCsv(rows) {
  const path = outPath(`sendable-v${VERSION}-${rows}.utf8.csv`);
  if (existsSync(path)) return { path, generated: false, ms: 0, bytes: statSync(path).size };
  const random = createRandom(SEED);
  const lines = [HEADERS.join(";")];
  for (let i = 0; i < rows; i++) {
    const cells = makeRow(i, random);
    cells[0] = formatPhone(nationalNumber(i), i);
    lines.push(cells.map((cell) => csvCell(cell, ";")).join(";"));
  }
  const partial = `${path}.partial`;
  writeFileSync(partial, `${lines.join("\n")}\n`);
  renameSync(partial, path);
  return { path, generated: true, ms: 0, bytes: statSync(path).size };
}
