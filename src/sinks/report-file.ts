import { createWriteStream, type WriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { CtdialError } from "../errors.js";

/**
 * The report's file on disk: written as `<path>.tmp`, flushed to the disk (`flush: true` fsyncs
 * before the descriptor closes) and renamed over `path` only when complete, so a crash at any
 * moment leaves either the previous report or the new one, never half of one.
 */
export interface ReportFile {
  readonly path: string;
  readonly tmpPath: string;
  readonly stream: WriteStream;
  /** Resolves when the stream can take more; rejects with a `CtdialError` once the file failed. */
  drained(): Promise<void>;
  /** Ends the stream (with a last chunk), waits until it is flushed and closed, then renames it. */
  commit(lastChunk?: string): Promise<void>;
  /** Waits for a stream someone else ended (the XLSX writer ends it), then renames it. */
  commitEnded(): Promise<void>;
  discard(): Promise<void>;
  /** Throws the file's failure, if it had one, as a `CtdialError`. */
  check(): void;
}

export async function openReportFile(path: string): Promise<ReportFile> {
  const tmpPath = `${path}.tmp`;
  const stream = createWriteStream(tmpPath, { flush: true });
  let failure: unknown;
  // A stream error with no listener would crash the process; keep it and report it on next use.
  stream.on("error", (error) => {
    failure ??= error;
  });
  await new Promise<void>((resolve, reject) => {
    stream.once("ready", resolve);
    stream.once("error", (error) => reject(reportFileError(path, error)));
  });

  const check = (): void => {
    if (failure !== undefined) throw reportFileError(path, failure);
  };
  const closed = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const afterClose = (): void =>
        failure === undefined ? resolve() : reject(reportFileError(path, failure));
      if (stream.closed) afterClose();
      else stream.once("close", afterClose);
    });
  const rename_ = async (): Promise<void> => {
    await closed();
    await rename(tmpPath, path).catch((error: unknown) => {
      throw reportFileError(path, error);
    });
  };

  return {
    path,
    tmpPath,
    stream,
    check,
    drained: () =>
      new Promise<void>((resolve, reject) => {
        if (failure !== undefined || stream.destroyed) return reject(reportFileError(path, failure));
        const done = (): void => {
          stream.off("drain", done);
          stream.off("close", done);
          if (failure === undefined && !stream.destroyed) resolve();
          else reject(reportFileError(path, failure));
        };
        stream.on("drain", done);
        stream.on("close", done);
      }),
    commit: async (lastChunk) => {
      check();
      if (lastChunk === undefined) stream.end();
      else stream.end(lastChunk);
      await rename_();
    },
    commitEnded: rename_,
    discard: async () => {
      stream.destroy();
      await closed().catch(() => undefined);
      await rm(tmpPath, { force: true });
    },
  };
}

/**
 * The file and the system's error code (the catalog says what each means; no code: the file was
 * closed); the system error stays as `cause` for debugging.
 */
export function reportFileError(path: string, error: unknown): CtdialError {
  const code = (error as { code?: unknown } | undefined)?.code;
  const params = typeof code === "string" ? { file: path, errno: code } : { file: path };
  return new CtdialError({ code: "E_REPORT_WRITE", params }, 2, { cause: error });
}
