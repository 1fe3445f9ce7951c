import { t } from "./lang.js";

/**
 * The progress line shown on a terminal during `run`: rows done / total, the rate, the time left and
 * counts by status. `formatProgress` is pure (tested); `createProgressBar` redraws one line on stderr
 * at most a few times a second and only when stderr is a terminal.
 */
export interface ProgressState {
  /** Rows with a final outcome so far. */
  done: number;
  /** Rows in the campaign, when known (the file is still being read otherwise). */
  total?: number;
  /** Requests sent per second over the last few seconds. */
  rate: number;
  counts: Partial<Record<"sent" | "invalid" | "failed" | "skipped" | "pending" | "unknown", number>>;
  /** Seconds left, when it can be estimated. */
  etaSeconds?: number;
  /** Shown instead of the rate, e.g. "waiting for the call window (opens in 12:30)". */
  note?: string;
}

const BAR_WIDTH = 24;

export function formatProgress(state: ProgressState): string {
  const words = t();
  const total = state.total;
  const bar = total !== undefined && total > 0 ? renderBar(state.done / total) : "";
  const position = total !== undefined ? `${state.done}/${total}` : `${state.done}/?`;
  const counts = words.cliProgressCounts({ order: Object.keys(state.counts), ...state.counts });
  const speed = state.note ?? words.cliProgressRate({ rate: state.rate });
  const eta =
    state.etaSeconds !== undefined && state.note === undefined
      ? ` ${words.cliProgressEta({ left: formatDuration(state.etaSeconds) })}`
      : "";
  return [bar, position, speed + eta, counts].filter((part) => part !== "").join("  ");
}

function renderBar(fraction: number): string {
  const clamped = Math.min(1, Math.max(0, fraction));
  const filled = Math.round(clamped * BAR_WIDTH);
  return `[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}] ${Math.floor(clamped * 100)
    .toString()
    .padStart(3)}%`;
}

/** 75 -> "1:15", 3725 -> "1:02:05". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}

export interface ProgressBar {
  update(state: ProgressState): void;
  /** Clears the line so that the summary starts on a clean one. */
  stop(): void;
}

/** Erases from the cursor to the end of the line: clears at any width, without knowing it. */
const ERASE_LINE = "\x1b[K";

export function createProgressBar(stream: NodeJS.WriteStream, minIntervalMs = 200): ProgressBar {
  if (!stream.isTTY) return { update: () => {}, stop: () => {} };
  let last = 0;
  let shown = false;
  return {
    update(state) {
      const width = drawableWidth(stream.columns);
      // A terminal that reports no width (0, as some CI and serial consoles do): draw nothing.
      if (width === undefined) return;
      const now = Date.now();
      if (now - last < minIntervalMs) return;
      last = now;
      stream.write(`\r${formatProgress(state).slice(0, width - 1)}${ERASE_LINE}`);
      shown = true;
    },
    stop() {
      if (shown) stream.write(`\r${ERASE_LINE}`);
      shown = false;
    },
  };
}

/** Columns a line may use, or undefined when the terminal's width is unknown or too small to draw in. */
export function drawableWidth(columns: number | undefined): number | undefined {
  return columns !== undefined && Number.isInteger(columns) && columns >= 2 ? columns : undefined;
}
