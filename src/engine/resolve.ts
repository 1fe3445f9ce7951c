import { existsSync } from "node:fs";
import { basename, dirname, extname, resolve } from "node:path";
import {
  findCampaignFile,
  loadCampaignFile,
  ORIGIN,
  parseCampaign,
  resolveSourceFromCampaign,
} from "../campaign/load.js";
import type { Campaign } from "../campaign/schema.js";
import { type Clock, systemClock } from "../clock.js";
import { ConfigError, InputError } from "../errors.js";
import type { SheetTab } from "../google-sheets/tab.js";
import { defaultReportPath } from "../sinks/open-report.js";
import { assertReportTarget } from "../sinks/report-target.js";
import { sourceKindOf } from "../sources/open.js";

/** Options shared by every command that reads a campaign (docs/contract.md "Common options"). */
export interface CampaignOptions {
  campaign?: string;
  routeKey?: string;
  sheet?: string;
  report?: string;
  rate?: number;
  encoding?: string;
  delimiter?: string;
  stateDir?: string;
}

export interface ResolvedCampaign {
  /** The data file (absolute path) or Google Sheets URL. */
  readonly source: string;
  readonly campaign: Campaign;
  /** The campaign file that was read, if any. */
  readonly campaignPath?: string;
  /** Where the report goes: a file, or for a Google Sheet without --report the sheet itself (its link). */
  readonly reportPath: string;
  /**
   * When the command started (epoch ms): the "now" that schedule times are judged against, the
   * same for every pass over the file. Absent: the past is not judged.
   */
  readonly startedAt?: number;
  /**
   * A Google Sheets source's tab, looked up when the campaign is resolved: its ids name the campaign's
   * journal and its time zone reads schedule times. Opening the source looks it up again, for the
   * tab's current size (a watch's later looks see rows appended since).
   */
  readonly sheetTab?: SheetTab;
}

const CAMPAIGN_EXTENSIONS = new Set([".yaml", ".yml", ".json"]);

/**
 * Works out what to read and how, with the precedence docs/contract.md sets: flag > environment >
 * campaign file > default. `sourceArg` may be the data file itself or a campaign file naming one.
 * `writesReport: false` (status) skips the check that the report would not overwrite another file.
 */
export async function resolveCampaign(
  sourceArg: string,
  options: CampaignOptions,
  env: NodeJS.ProcessEnv,
  {
    writesReport = true,
    clock = systemClock,
  }: {
    writesReport?: boolean;
    /** Where the command's start (`startedAt`) comes from. @default systemClock */
    clock?: Clock;
  } = {},
): Promise<ResolvedCampaign> {
  let source: string;
  let campaignPath: string | undefined;
  let campaign: Campaign;

  if (CAMPAIGN_EXTENSIONS.has(extname(sourceArg).toLowerCase())) {
    const loaded = await loadCampaignFile(resolve(sourceArg));
    campaignPath = loaded.path;
    campaign = loaded.campaign;
    if (campaign.source === undefined) {
      throw new ConfigError(
        { code: "E_NO_SOURCE_KEY", params: { campaignFile: basename(sourceArg) } },
        { code: "E_CONFIG" },
      );
    }
    source = resolveSourceFromCampaign(campaignPath, campaign);
  } else {
    source = sourceKindOf(sourceArg) === "sheets" ? sourceArg : resolve(sourceArg);
    campaignPath = findCampaignFile(source, options.campaign);
    campaign =
      campaignPath === undefined
        ? parseCampaign({}, ORIGIN.defaults)
        : (await loadCampaignFile(campaignPath)).campaign;
  }

  if (sourceKindOf(source) !== "sheets" && !existsSync(source)) {
    throw new InputError({ code: "E_SOURCE_MISSING", params: { path: source } }, { code: "E_INPUT" });
  }

  const routeKey = options.routeKey ?? nonEmpty(env.CALLTOUCH_ROUTE_KEY) ?? campaign.routeKey;
  const sheet = options.sheet ?? campaign.sheet;
  const rate = options.rate ?? campaign.rate;
  const kind = sourceKindOf(source);
  // A sheet's schedule times are meant in the spreadsheet's own time zone unless the campaign says.
  const sheetTab =
    kind === "sheets"
      ? await (await import("../google-sheets/shared-api.js")).locateSheetTab(source, sheet, env)
      : undefined;
  const timezone = campaign.timezone ?? sheetTab?.timeZone;
  const merged = parseCampaign({ ...campaign, routeKey, sheet, rate, timezone }, ORIGIN.commandLine);
  // A sheet without --report is its own report: results are written beside its rows.
  const defaultPath =
    kind === "sheets" ? source : defaultReportPath(source, kind === "xlsx" ? "xlsx" : "csv");
  const reportPath = options.report !== undefined ? resolve(options.report) : defaultPath;
  // Never over the client base, the campaign, an exclude list or any file that is not a report.
  if (writesReport && !(kind === "sheets" && options.report === undefined)) {
    await assertReportTarget(reportPath, {
      source,
      campaignPath,
      excludeFiles: [merged.exclude ?? []]
        .flat()
        .map((file) => resolve(relativeBase(source, campaignPath), file)),
      defaultPath,
    });
  }
  return { source, campaign: merged, campaignPath, reportPath, startedAt: clock.now(), sheetTab };
}

/**
 * The folder that relative paths in a campaign (exclude lists) are read from: the campaign file's,
 * else the data file's; a Google Sheet has no folder, so then the working directory.
 */
export function relativeBase(source: string, campaignPath: string | undefined): string {
  if (campaignPath !== undefined) return dirname(campaignPath);
  return sourceKindOf(source) === "sheets" ? process.cwd() : dirname(source);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== "" ? value.trim() : undefined;
}
