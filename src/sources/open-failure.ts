import type { OpenFailure } from "../i18n/catalog/sources.en.js";

/** What a system error code says about a file that could not be opened or read. */
export function openFailure(code: string | undefined): OpenFailure {
  if (code === "ENOENT") return "missing";
  if (code === "EACCES" || code === "EPERM") return "denied";
  if (code === "EISDIR") return "folder";
  return "other";
}
