/**
 * Looks at the first bytes of a file said to be .xlsx, so that a user who gives us a CSV file,
 * an old .xls or an OpenDocument file renamed to .xlsx hears what it is instead of a zip error.
 */
import { open } from "node:fs/promises";
import { InputError } from "../../errors.js";
import type { NotXlsxKind } from "../../i18n/catalog/sources.en.js";
import { openFailure } from "../open-failure.js";

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_EMPTY_ARCHIVE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** OLE2 compound file: Excel 97-2003 .xls, and also any password-protected .xlsx. */
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

function looksLikeText(head: Buffer): boolean {
  // Control bytes other than tab, CR and LF do not occur in CSV or other text files.
  for (const byte of head) {
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) return false;
  }
  return true;
}

function readFailure(file: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = openFailure(code);
  const detail = reason === "other" ? (code ?? String(error)) : undefined;
  return new InputError(
    { code: "E_INPUT_OPEN", params: { file, reason, ...(detail === undefined ? {} : { detail }) } },
    { cause: error },
  );
}

/** Throws an InputError unless the file starts like a zip archive that is not an OpenDocument file. */
export async function assertLooksLikeXlsx(file: string): Promise<void> {
  let head: Buffer;
  try {
    const handle = await open(file, "r");
    try {
      const buffer = Buffer.alloc(512);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw readFailure(file, error);
  }

  const notXlsx = (kind: NotXlsxKind): InputError =>
    new InputError({ code: "E_INPUT_NOT_XLSX", params: { file, kind } });
  if (head.length === 0) throw notXlsx("empty");
  if (head.subarray(0, 8).equals(OLE2)) throw notXlsx("ole2");
  if (head.subarray(0, 4).equals(ZIP_EMPTY_ARCHIVE)) throw notXlsx("empty-zip");
  if (!head.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) throw notXlsx(looksLikeText(head) ? "text" : "other");
  if (head.includes(ODS_MIMETYPE, 0, "latin1")) throw notXlsx("ods");
}
