/**
 * Turning rows into A1 ranges: writes merge neighbouring rows into one range per run of columns;
 * re-reads cover clusters of target rows with a margin, so that a row moved a little is found in
 * the same answer. Pure.
 */
import { columnLetter } from "../../sources/column-letter.js";
import type { SheetValue } from "./cells.js";

export interface RowWrite {
  readonly rowNumber: number;
  /** Column index -> value. */
  readonly cells: ReadonlyMap<number, SheetValue>;
}

export interface RangeWrite {
  readonly cells: string;
  readonly values: SheetValue[][];
}

/** Runs of adjacent columns, e.g. [4,5,6,9] -> [[4,6],[9,9]]. */
function columnRuns(columns: readonly number[]): [number, number][] {
  const sorted = [...columns].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const c of sorted) {
    const last = runs.at(-1);
    if (last !== undefined && last[1] === c - 1) last[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}

/**
 * The ranges of one values.batchUpdate. Rows that follow each other and set the same columns share
 * a range (`H5:N40`), which keeps a flush of 75 rows to a handful of ranges.
 */
export function writeRanges(rows: readonly RowWrite[]): RangeWrite[] {
  const sorted = [...rows].sort((a, b) => a.rowNumber - b.rowNumber);
  const out: RangeWrite[] = [];
  let block:
    | { first: number; last: number; signature: string; runs: [number, number][]; values: SheetValue[][][] }
    | undefined;
  const close = (): void => {
    if (block === undefined) return;
    block.runs.forEach(([from, to], k) => {
      out.push({
        cells: `${columnLetter(from)}${block!.first}:${columnLetter(to)}${block!.last}`,
        values: block!.values[k]!,
      });
    });
  };
  for (const row of sorted) {
    const runs = columnRuns([...row.cells.keys()]);
    const signature = runs.map((r) => r.join("-")).join(",");
    const values = runs.map(([from, to]) => [columnValues(row, from, to)]);
    if (block !== undefined && block.signature === signature && block.last === row.rowNumber - 1) {
      block.last = row.rowNumber;
      values.forEach((v, k) => {
        block!.values[k]!.push(v[0]!);
      });
    } else {
      close();
      block = { first: row.rowNumber, last: row.rowNumber, signature, runs, values };
    }
  }
  close();
  return out;
}

function columnValues(row: RowWrite, from: number, to: number): SheetValue[] {
  const values: SheetValue[] = [];
  for (let c = from; c <= to; c++) values.push(row.cells.get(c) ?? "");
  return values;
}

/**
 * Row spans to read back before writing: each target row with `margin` rows either side, spans
 * that touch merged, at most `maxSpans` (the closest merged first) so one batchGet stays short.
 */
export function readSpans(
  rowNumbers: readonly number[],
  margin: number,
  firstRow: number,
  maxSpans = 20,
): [number, number][] {
  const sorted = [...new Set(rowNumbers)].sort((a, b) => a - b);
  let spans: [number, number][] = [];
  for (const n of sorted) {
    const from = Math.max(firstRow, n - margin);
    const last = spans.at(-1);
    if (last !== undefined && from <= last[1] + 1) last[1] = n + margin;
    else spans.push([from, n + margin]);
  }
  while (spans.length > maxSpans) {
    let best = 0;
    for (let i = 1; i < spans.length - 1; i++) {
      if (spans[i + 1]![0] - spans[i]![1] < spans[best + 1]![0] - spans[best]![1]) best = i;
    }
    spans = [...spans.slice(0, best), [spans[best]![0], spans[best + 1]![1]], ...spans.slice(best + 2)];
  }
  return spans;
}
