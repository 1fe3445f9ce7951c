import { open } from "node:fs/promises";

const CHUNK = 4 << 20;

/**
 * Reads `path` in 4 MB chunks (memory stays flat however long the journal is) and calls
 * `onLine(buf, start, end, lineNumber, endOffset)` for every newline-terminated line, without making
 * a string of it; `endOffset` is the file offset just after its newline. Returns the file size, the
 * count of complete lines, where the last one ended (bytes after that are an unfinished line, a torn
 * write, never passed to `onLine`) and the first bytes of that unfinished line.
 */
export async function readLines(
  path: string,
  onLine: (buf: Buffer, start: number, end: number, lineNumber: number, endOffset: number) => void,
): Promise<{ size: number; completeEnd: number; lines: number; tailStart: string }> {
  const file = await open(path, "r");
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    let carry: Buffer | undefined;
    let position = 0;
    let lineNumber = 0;
    let completeEnd = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK, position);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      let start = 0;
      for (let nl = chunk.indexOf(10, 0); nl !== -1; nl = chunk.indexOf(10, start)) {
        lineNumber++;
        completeEnd = position + nl + 1;
        if (carry === undefined) onLine(chunk, start, nl, lineNumber, completeEnd);
        else {
          // A line that spans chunks: join only its own bytes, not the whole chunk.
          const joined = Buffer.concat([carry, chunk.subarray(0, nl)]);
          carry = undefined;
          onLine(joined, 0, joined.length, lineNumber, completeEnd);
        }
        start = nl + 1;
      }
      if (start < bytesRead) {
        const rest = Buffer.from(chunk.subarray(start));
        carry = carry === undefined ? rest : Buffer.concat([carry, rest]);
      }
      position += bytesRead;
    }
    // The first bytes of an unfinished last line, enough to tell a torn header from a foreign file.
    const tailStart = carry === undefined ? "" : carry.toString("latin1", 0, Math.min(carry.length, 16));
    return { size: position, completeEnd, lines: lineNumber, tailStart };
  } finally {
    await file.close();
  }
}
