import { looksLikeSheet } from "../google-sheets/url.js";

/**
 * `ctdial watch [target]` serves either a campaigns folder or a Google Sheet: a link (or a bare
 * spreadsheet id) is a sheet, anything else a folder (default ./campaigns).
 */
export function watchTargetKind(target: string | undefined): "sheet" | "folder" {
  return target !== undefined && looksLikeSheet(target) ? "sheet" : "folder";
}
