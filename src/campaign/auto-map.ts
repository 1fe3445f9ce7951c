import { ConfigError } from "../errors.js";
import { type Said, said, say } from "../i18n/catalog.js";
import { dataHeaders, isCtdialReport, isOwnColumn } from "../report-columns.js";
import type { Cell } from "../sources/types.js";
import { plainFieldWarnings } from "./column-hints.js";
import { CONFIG_CODE } from "./config-error.js";
import { noPhoneColumn } from "./header-list.js";
import { type Campaign, MAX_FIELDS, type MappedField, type Mapping } from "./schema.js";
import { fieldForHeader } from "./synonyms.js";

/**
 * Mapping by header names, for files without a campaign mapping (docs/contract.md "Campaign file"):
 * recognised headers go to their Calltouch field, every other column becomes a field named by its
 * header, at most 5 of them. Pure: headers in, a mapping or every problem out.
 */

export interface AutoMapResult {
  /** Present when there are no problems. */
  readonly mapping?: Mapping;
  /** Headers recognised as a Calltouch field, in the file's order. */
  readonly recognised: readonly { readonly field: MappedField; readonly header: string }[];
  /** Headers that would be sent as `fields` (name = header), in the file's order. */
  readonly asFields: readonly string[];
  /** What is wrong, for the user; empty when `mapping` is set. */
  readonly problems: readonly Said[];
  /** Columns sent as plain fields that look like dates or tags: said, not refused. */
  readonly warnings: readonly Said[];
}

/**
 * `samples`: a few data rows, when the caller has read them (init does), so that a column whose
 * cells are mostly dates is warned about whatever its header says.
 */
export function autoMap(headers: readonly string[], samples?: readonly (readonly Cell[])[]): AutoMapResult {
  const recognised: { field: MappedField; header: string }[] = [];
  const asFields: string[] = [];
  const fieldColumns: { header: string; index: number }[] = [];
  // A report fed back in as a source: its ctdial_* columns are ctdial's results, not data to send.
  const report = isCtdialReport(headers);
  headers.forEach((raw, index) => {
    const header = raw.trim();
    if (header === "" || (report && isOwnColumn(header))) return;
    const field = fieldForHeader(header);
    if (field === undefined) {
      asFields.push(header);
      fieldColumns.push({ header, index });
    } else recognised.push({ field, header });
  });
  const warnings = plainFieldWarnings(fieldColumns, samples);

  const problems: Said[] = [];
  const byField = new Map<MappedField, string[]>();
  for (const { field, header } of recognised) byField.set(field, [...(byField.get(field) ?? []), header]);
  for (const [field, found] of byField) {
    if (found.length > 1) {
      problems.push(said("campaignColumnsAmbiguous", { columns: found, field }));
    }
  }
  if (!byField.has("phone")) problems.push(noPhoneColumn(dataHeaders(headers)));
  if (asFields.length > MAX_FIELDS) {
    problems.push(said("campaignTooManyFields", { columns: asFields, max: MAX_FIELDS }));
  }
  for (const header of asFields) {
    if (header.length > 255) problems.push(said("campaignColumnNameTooLong", { start: header.slice(0, 40) }));
  }
  if (problems.length > 0) return { recognised, asFields, problems, warnings };

  const mapping: Record<string, unknown> = {};
  for (const { field, header } of recognised) mapping[field] = header;
  if (asFields.length > 0) mapping.fields = Object.fromEntries(asFields.map((header) => [header, header]));
  return { mapping: mapping as Mapping, recognised, asFields, problems, warnings };
}

/**
 * The mapping a run uses: the campaign's own, exactly as written, else the automatic one (every
 * problem at once, as a ConfigError). Finding the mapped columns in the file, and saying which are
 * missing, is mapping/columns.ts's job (resolveColumns), which every caller runs next.
 */
export function effectiveMapping(
  headers: readonly string[],
  campaign: Pick<Campaign, "mapping"> | undefined,
  /**
   * Told about auto-mapped columns that look like dates or tags but are sent as plain fields: the
   * warning in English (for callers that still pass sentences) and as data, to word it in any language.
   */
  onWarning?: (message: string, warning: Said) => void,
): Mapping {
  if (campaign?.mapping !== undefined) return campaign.mapping;
  const auto = autoMap(headers);
  if (auto.mapping === undefined) {
    throw new ConfigError(said("E_CANNOT_AUTO_MAP", {}), {
      problems: auto.problems.map((problem) => ({ problem })),
      code: CONFIG_CODE,
    });
  }
  for (const warning of auto.warnings) onWarning?.(say("en", warning), warning);
  return auto.mapping;
}
