import { existsSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import {
  findCampaignFile,
  loadCampaignFile,
  parseCampaign,
  resolveSourceFromCampaign,
} from "../campaign/load.js";
import type { Campaign } from "../campaign/schema.js";
import { ConfigError, InputError } from "../errors.js";
import { defaultReportPath } from "../sinks/open-report.js";
import { sourceKindOf } from "../sources/open.js";
import type { SheetTab } from "../sources/sheets-tab.js";

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
  /** A Google Sheets source's tab, looked up once: its ids name the campaign's journal. */
  readonly sheetTab?: SheetTab;
}

const CAMPAIGN_EXTENSIONS = new Set([".yaml", ".yml", ".json"]);

/**
 * Works out what to read and how, with the precedence docs/contract.md sets: flag > environment >
 * campaign file > default. `sourceArg` may be the data file itself or a campaign file naming one.
 */
export async function resolveCampaign(
  sourceArg: string,
  options: CampaignOptions,
  env: NodeJS.ProcessEnv,
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
        `${basename(sourceArg)} has no source key; add source: clients.csv (the file to dial).`,
      );
    }
    source = resolveSourceFromCampaign(campaignPath, campaign);
  } else {
    source = sourceKindOf(sourceArg) === "sheets" ? sourceArg : resolve(sourceArg);
    campaignPath = findCampaignFile(source, options.campaign);
    campaign =
      campaignPath === undefined
        ? parseCampaign({}, "defaults")
        : (await loadCampaignFile(campaignPath)).campaign;
  }

  if (sourceKindOf(source) !== "sheets" && !existsSync(source)) {
    throw new InputError(`${source} does not exist; check the path.`);
  }

  const routeKey = options.routeKey ?? nonEmpty(env.CALLTOUCH_ROUTE_KEY) ?? campaign.routeKey;
  const sheet = options.sheet ?? campaign.sheet;
  const rate = options.rate ?? campaign.rate;
  const kind = sourceKindOf(source);
  // A sheet's schedule times are meant in the spreadsheet's own time zone unless the campaign says.
  const sheetTab =
    kind === "sheets"
      ? await (await import("../sources/sheets-target.js")).locateSheetTab(source, sheet, env)
      : undefined;
  const timezone = campaign.timezone ?? sheetTab?.timeZone;
  const merged = parseCampaign({ ...campaign, routeKey, sheet, rate, timezone }, "the command line");
  let reportPath: string;
  if (options.report !== undefined) reportPath = resolve(options.report);
  else if (kind === "sheets") reportPath = source;
  else reportPath = defaultReportPath(source, kind === "xlsx" ? "xlsx" : "csv");
  return { source, campaign: merged, campaignPath, reportPath, sheetTab };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== "" ? value.trim() : undefined;
}
