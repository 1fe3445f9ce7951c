import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from "node:path";
import { ConfigError } from "../errors.js";
import { looksLikeSheet } from "../google-sheets/url.js";
import { type Said, said } from "../i18n/catalog.js";
import { CONFIG_CODE, configError } from "./config-error.js";
import { describeValue } from "./describe-value.js";
import { formatIssues, friendlyErrorMap } from "./format-issues.js";
import { parseCampaignText } from "./parse-text.js";
import { type Campaign, campaignSchema } from "./schema.js";

/** Extensions a campaign file may have, in the order discovery prefers them. */
export const CAMPAIGN_EXTENSIONS = [".yaml", ".yml", ".json"] as const;

const SHEETS_URL = /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([A-Za-z0-9_-]+)/;

/** True for `x.yaml`, `x.yml`, `x.json`: such a `<source>` is a campaign file whose `source` key names the data. */
export function isCampaignFilePath(path: string): boolean {
  return (CAMPAIGN_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());
}

/**
 * Which campaign file applies to a source (docs/contract.md "Campaign file"): `--campaign FILE`; else the
 * source itself when it is a campaign file; else `<name>.campaign.yaml` (`.yml`, `.json`) beside it;
 * else `campaign.yaml` (`.yml`, `.json`) in its folder; else none, and headers are auto-mapped.
 * A Google Sheets URL has no folder: `<spreadsheet id>.campaign.yaml` in the working directory is
 * looked for instead, which is where `campaignPathFor` puts it. Returns an absolute path.
 */
export function findCampaignFile(sourcePath: string, explicit?: string): string | undefined {
  if (explicit !== undefined) {
    const path = resolve(explicit);
    if (!existsSync(path)) throw configError("E_CAMPAIGN_FILE_MISSING", { file: explicit, explicit: true });
    if (!statSync(path).isFile())
      throw configError("E_CAMPAIGN_FILE_FOLDER", { file: explicit, explicit: true });
    return path;
  }
  if (isCampaignFilePath(sourcePath)) return resolve(sourcePath);
  const sheetId = SHEETS_URL.exec(sourcePath)?.[1];
  const folder = sheetId === undefined ? dirname(resolve(sourcePath)) : process.cwd();
  const name = sheetId ?? basename(sourcePath, extname(sourcePath));
  const beside = onlyExisting(
    folder,
    CAMPAIGN_EXTENSIONS.map((ext) => `${name}.campaign${ext}`),
  );
  if (beside !== undefined || sheetId !== undefined) return beside;
  return onlyExisting(
    folder,
    CAMPAIGN_EXTENSIONS.map((ext) => `campaign${ext}`),
  );
}

/** The one candidate that exists; two at once would make the choice silent, so that is an error. */
function onlyExisting(folder: string, names: readonly string[]): string | undefined {
  const found = names
    .map((name) => join(folder, name))
    .filter((path) => existsSync(path) && statSync(path).isFile());
  if (found.length > 1) {
    throw configError("E_CAMPAIGN_FILES_BOTH", { files: found.map((path) => basename(path)), folder });
  }
  return found[0];
}

/** Reads, parses (YAML or JSON by extension) and validates a campaign file; every problem at once. */
export async function loadCampaignFile(path: string): Promise<{ campaign: Campaign; path: string }> {
  const absolute = resolve(path);
  const display = displayPath(absolute);
  let text: string;
  try {
    text = await readFile(absolute, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what: Said =
      code === "ENOENT"
        ? said("E_CAMPAIGN_FILE_MISSING", { file: display })
        : code === "EISDIR"
          ? said("E_CAMPAIGN_FILE_FOLDER", { file: display })
          : said("E_CAMPAIGN_FILE_UNREADABLE", { file: display, errno: String(code) });
    throw new ConfigError(what, { cause: error, code: CONFIG_CODE });
  }
  const format = extname(absolute).toLowerCase() === ".json" ? "json" : "yaml";
  const data = parseCampaignText(text, format, display);
  return { campaign: parseCampaign(data, display), path: absolute };
}

/**
 * What `parseCampaign` names a campaign that is not a file by: the options merged on the command
 * line, or the defaults (the catalog words them in each language).
 */
export const ORIGIN = { commandLine: "~commandLine", defaults: "~defaults" } as const;

/**
 * Validates a campaign given as data (a parsed file, or options merged in code). `origin` names it in
 * the error: "clients.campaign.yaml has 3 problems:" followed by one `path: message` line each; a
 * campaign that is not a file is named by ORIGIN.
 */
export function parseCampaign(input: unknown, origin: string): Campaign {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw configError("E_CAMPAIGN_NOT_KEYS", { origin, got: describeValue(input) });
  }
  const result = campaignSchema.safeParse(input, { reportInput: true, error: friendlyErrorMap });
  if (result.success) return result.data;
  const problems = formatIssues(result.error.issues, campaignSchema);
  throw new ConfigError(said("E_CAMPAIGN_INVALID", { origin, count: problems.length }), {
    problems,
    code: CONFIG_CODE,
  });
}

/** The data file a campaign names: relative to the campaign file; a URL passes through. */
export function resolveSourceFromCampaign(campaignPath: string, campaign: Campaign): string {
  if (campaign.source === undefined) {
    throw configError("E_CAMPAIGN_NO_SOURCE", { file: displayPath(resolve(campaignPath)) });
  }
  if (/^https?:\/\//i.test(campaign.source) || looksLikeSheet(campaign.source)) return campaign.source;
  return resolveFromCampaign(campaignPath, campaign.source);
}

/** A path written in a campaign file (source, exclude) is relative to that file, not to the working directory. */
export function resolveFromCampaign(campaignPath: string, path: string): string {
  return resolve(dirname(resolve(campaignPath)), path);
}

/** The name a user recognises: relative to the working directory when the file is under it. */
/** A path as the user would write it: relative to the working directory when inside it. */
export function displayPath(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : absolute;
}
