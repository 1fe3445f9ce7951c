import { describe, expect, it } from "vitest";
import { createProgressBar, drawableWidth } from "../../src/cli/progress.js";

function terminal(columns: number | undefined) {
  const writes: string[] = [];
  const stream = {
    isTTY: true,
    columns,
    write: (text: string) => {
      writes.push(text);
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

const STATE = { done: 3, total: 37, rate: 4.2, counts: { sent: 3 } };

describe("the progress bar at any width", () => {
  it.each([0, 1, undefined, Number.NaN, -5])("draws nothing and never throws at width %s", (columns) => {
    const { stream, writes } = terminal(columns);
    const bar = createProgressBar(stream, 0);
    expect(() => {
      bar.update(STATE);
      bar.stop();
    }).not.toThrow();
    expect(writes).toEqual([]);
  });

  it("fits the line into the width, ends it with erase-to-end, and clears it on stop", () => {
    const { stream, writes } = terminal(30);
    const bar = createProgressBar(stream, 0);
    bar.update(STATE);
    expect(writes).toHaveLength(1);
    const line = writes[0] ?? "";
    expect(line.startsWith("\r")).toBe(true);
    expect(line.endsWith("\x1b[K")).toBe(true);
    expect(line.length - "\r".length - "\x1b[K".length).toBe(29);
    bar.stop();
    expect(writes[1]).toBe("\r\x1b[K");
    bar.stop();
    expect(writes).toHaveLength(2);
  });

  it("clears correctly when the terminal shrank to no width after drawing", () => {
    const { stream, writes } = terminal(120);
    const bar = createProgressBar(stream, 0);
    bar.update(STATE);
    (stream as { columns: number }).columns = 0;
    expect(() => bar.stop()).not.toThrow();
    expect(writes.at(-1)).toBe("\r\x1b[K");
  });

  it("drawableWidth: whole numbers of 2 and more only", () => {
    expect(drawableWidth(2)).toBe(2);
    expect(drawableWidth(120)).toBe(120);
    expect(drawableWidth(0)).toBeUndefined();
    expect(drawableWidth(undefined)).toBeUndefined();
  });
});
