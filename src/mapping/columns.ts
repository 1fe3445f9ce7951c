import { CONFIG_CODE } from "../campaign/config-error.js";
import { headerListParams, noPhoneColumn } from "../campaign/header-list.js";
import { CALLTOUCH_FIELDS, type Defaults, MAX_FIELDS, type Mapping } from "../campaign/schema.js";
import { ConfigError, type ConfigProblem } from "../errors.js";
import { headerKey } from "../header-key.js";
import { said } from "../i18n/catalog.js";
import { dataHeaders, isCtdialReport, type ReportColumn } from "../report-columns.js";

/** A mapped column: its header as written in the user's file (for messages) and its index in a row. */
export interface ColumnRef {
  readonly header: string;
  readonly index: number;
}

/** A column that fills one entry of the request's `fields`: the Calltouch field name it goes to. */
export interface FieldColumn extends ColumnRef {
  readonly name: string;
}

export type SingleField = (typeof CALLTOUCH_FIELDS)[number];

/** The mapping resolved against one file's headers. Unmapped fields are absent. */
export type ResolvedColumns = {
  readonly phone: ColumnRef;
  /** In the order of `mapping.fields`. */
  readonly fields: readonly FieldColumn[];
  /**
   * When the file is a ctdial report read back: its own columns that say what an earlier run did
   * with the row (`ctdial_status`, `ctdial_request_id`, `ctdial_sent_at`), so that a row it sent is
   * never sent again from the report.
   */
  readonly report?: ReportColumns;
} & { readonly [K in SingleField]?: ColumnRef };

export interface ReportColumns {
  readonly status: ColumnRef;
  readonly requestId?: ColumnRef;
  readonly sentAt?: ColumnRef;
}

export { headerKey, MAX_FIELDS };

/**
 * Finds every mapped column in `headers`. Every problem is collected and thrown at once as one
 * ConfigError (each problem with its key's path), so a user fixes the campaign file in one go. `defaults`, when given,
 * counts its `fields` names that have no column towards the limit of 5.
 */
export function resolveColumns(
  fileHeaders: readonly string[],
  mapping: Mapping,
  defaults?: Defaults,
): ResolvedColumns {
  const problems: ConfigProblem[] = [];
  // A report read back as a source: its ctdial_* columns are results, never mapped.
  const headers = dataHeaders(fileHeaders);
  const positions = indexHeaders(headers);
  const find = (path: string, header: string): ColumnRef | undefined => {
    const found = positions.get(headerKey(header));
    if (found === undefined) {
      const problem = said("rowsNoColumnNamed", { header: header.trim(), ...headerListParams(headers) });
      problems.push({ path, problem });
      return undefined;
    }
    if (found.length > 1) {
      const columns = found.map((i) => String(i + 1));
      problems.push({ path, problem: said("rowsColumnsMatch", { header: header.trim(), columns }) });
      return undefined;
    }
    return { header: headers[found[0]!]!.trim(), index: found[0]! };
  };

  const phone = mapping.phone ? find("mapping.phone", mapping.phone) : undefined;
  if (!mapping.phone) problems.push({ problem: noPhoneColumn(headers) });
  const fields: FieldColumn[] = [];
  for (const [name, header] of Object.entries(mapping.fields ?? {})) {
    const ref = find(`mapping.fields.${name}`, header);
    if (ref !== undefined) fields.push({ ...ref, name });
  }
  const fieldCount = countFields(mapping, defaults);
  if (fieldCount > MAX_FIELDS) {
    const withDefaults = defaults?.fields !== undefined;
    problems.push({
      path: "mapping.fields",
      problem: said("rowsTooManyMappedFields", { count: fieldCount, withDefaults, max: MAX_FIELDS }),
    });
  }
  const singles: { [K in SingleField]?: ColumnRef } = {};
  for (const key of SINGLE_FIELDS) {
    const header = mapping[key];
    if (header === undefined) continue;
    const ref = find(`mapping.${key}`, header);
    if (ref !== undefined) singles[key] = ref;
  }
  if (problems.length > 0 || phone === undefined) {
    throw new ConfigError(said("rowsMappingMismatch", {}), { problems, code: CONFIG_CODE });
  }
  const report = reportColumns(fileHeaders);
  return report === undefined ? { phone, fields, ...singles } : { phone, fields, ...singles, report };
}

// routeKey first, so that problems come in a fixed order with the widget key leading.
const SINGLE_FIELDS: readonly SingleField[] = [
  "routeKey",
  ...CALLTOUCH_FIELDS.filter((field) => field !== "routeKey"),
];

/** A report's own status columns (first of each name), when the file is a ctdial report. */
function reportColumns(headers: readonly string[]): ReportColumns | undefined {
  if (!isCtdialReport(headers)) return undefined;
  const find = (name: ReportColumn): ColumnRef | undefined => {
    const index = headers.findIndex((header) => headerKey(header) === name);
    return index < 0 ? undefined : { header: headers[index]!.trim(), index };
  };
  const status = find("ctdial_status");
  if (status === undefined) return undefined;
  const requestId = find("ctdial_request_id");
  const sentAt = find("ctdial_sent_at");
  return {
    status,
    ...(requestId === undefined ? {} : { requestId }),
    ...(sentAt === undefined ? {} : { sentAt }),
  };
}

function countFields(mapping: Mapping, defaults: Defaults | undefined): number {
  const names = new Set(Object.keys(mapping.fields ?? {}));
  for (const name of Object.keys(defaults?.fields ?? {})) names.add(name);
  return names.size;
}

function indexHeaders(headers: readonly string[]): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  headers.forEach((header, index) => {
    const key = headerKey(header);
    if (key === "") return;
    const list = positions.get(key);
    if (list === undefined) positions.set(key, [index]);
    else list.push(index);
  });
  return positions;
}
