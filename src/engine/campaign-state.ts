import { basename } from "node:path";
import type { CallbackRequest } from "../calltouch/types.js";
import { parseDuration } from "../campaign/duration.js";
import { type Clock, systemClock } from "../clock.js";
import { type ExcludeList, excludeWarningSaids, loadExcludeList } from "../hygiene/index.js";
import type { Said } from "../i18n/catalog.js";
import {
  campaignIdentity,
  createDailyCounter,
  type DailyCounter,
  type DedupeHit,
  type DedupeRegistry,
  fileSource,
  type Journal,
  openDedupeRegistry,
  openJournal,
  rowHash,
  sheetSource,
  tokenFingerprint,
} from "../journal/index.js";
import { sourceKindOf } from "../sources/open.js";
import { isoInZone, isoWithOffset } from "../time/local-time.js";
import { type Eligibility, eligibility, type PassMode } from "./eligibility.js";
import { type ResolvedCampaign, relativeBase } from "./resolve.js";
import type { FateOf } from "./unsent.js";

/**
 * Everything a campaign remembers between runs and the rules that need files: the journal, the
 * exclude lists, the cross-campaign dedupe registry and the daily counter. Opened once per command,
 * closed at its end.
 */
export interface CampaignState {
  readonly journal: Journal;
  readonly exclude: ExcludeList | undefined;
  /**
   * Open whenever this command may send (every accepted phone is recorded for other campaigns'
   * window) or the campaign has a dedupeWindow (`windowMs`; lookups happen only then).
   */
  readonly dedupe:
    | { readonly registry: DedupeRegistry; readonly windowMs?: number; readonly window?: string }
    | undefined;
  /**
   * Open whenever this command sends with a token: the budget is the token's, so every campaign's
   * accepted requests count, even those of campaigns without a dailyLimit; `limit` is this one's.
   */
  readonly daily: { readonly counter: DailyCounter; readonly limit?: number } | undefined;
  /** Exclude-file lines that are not phones, for the CLI to warn about. */
  /** What the user should know before sending (an exclude file with lines that are not phones), as data. */
  readonly warnings: readonly Said[];
  /** The campaign's timezone: how times are shown (reports, status, skip reasons). */
  readonly timezone: string;
  /** "Now" for the dedupe window and the daily limit. */
  readonly clock: Clock;
  close(): Promise<void>;
}

export interface StateOptions {
  readonly stateDir: string;
  /** Needed for the daily limit, which is per token; only its fingerprint is used. */
  readonly token?: string;
  /** validate / dry run / status: read the journal without locking or writing it. */
  readonly readOnly?: boolean;
  /** @default systemClock */
  readonly clock?: Clock;
}

export async function openCampaignState(
  resolved: ResolvedCampaign,
  options: StateOptions,
): Promise<CampaignState> {
  const { campaign } = resolved;
  const clock = options.clock ?? systemClock;
  const opened: { close(): Promise<void> }[] = [];
  try {
    const journal = await openJournal({
      stateDir: options.stateDir,
      identity: identityOf(resolved),
      readOnly: options.readOnly,
      clock,
    });
    opened.push(journal);
    const excludeFiles = campaign.exclude === undefined ? [] : [campaign.exclude].flat();
    const exclude =
      excludeFiles.length === 0
        ? undefined
        : await loadExcludeList(excludeFiles, {
            baseDir: relativeBase(resolved.source, resolved.campaignPath),
            namedIn: resolved.campaignPath === undefined ? undefined : basename(resolved.campaignPath),
          });
    // Recording does not depend on this campaign's keys: another campaign's dedupeWindow or
    // dailyLimit must see what this one dialed.
    let dedupe: CampaignState["dedupe"];
    // `dedupeWindow: 0` turns the lookups off; accepted phones are still recorded for other campaigns.
    const windowMs = parseDuration(campaign.dedupeWindow);
    if (windowMs > 0 || !options.readOnly) {
      const registry = await openDedupeRegistry({ stateDir: options.stateDir, windowMs, clock });
      opened.push(registry);
      dedupe = windowMs > 0 ? { registry, windowMs, window: String(campaign.dedupeWindow) } : { registry };
    }
    let daily: CampaignState["daily"];
    if (options.token !== undefined && !options.readOnly) {
      const counter = await createDailyCounter({
        stateDir: options.stateDir,
        tokenFingerprint: tokenFingerprint(options.token),
        timezone: campaign.timezone ?? campaign.calltouchTimezone,
        clock,
      });
      opened.push(counter);
      daily = { counter, limit: campaign.dailyLimit };
    }
    const warnings = exclude === undefined ? [] : excludeWarningSaids(exclude);
    return {
      journal,
      exclude,
      dedupe,
      daily,
      warnings,
      timezone: campaign.timezone ?? campaign.calltouchTimezone,
      clock,
      close: async () => {
        for (const item of opened.reverse()) await item.close();
      },
    };
  } catch (error) {
    for (const item of opened.reverse()) await item.close().catch(() => {});
    throw error;
  }
}

/** The campaign's identity: its source (a sheet: spreadsheet id + tab id) and its campaign-wide routeKey. */
export function identityOf(resolved: ResolvedCampaign) {
  const { source, campaign, sheetTab } = resolved;
  let named: { source: string; name: string };
  if (sourceKindOf(source) !== "sheets") named = fileSource(source);
  else if (sheetTab === undefined)
    // i18n-exempt: only a bug raises it (resolveCampaign always finds the tab)
    throw new Error("a Google Sheets campaign is resolved with its tab (resolveCampaign)");
  else
    named = sheetSource(
      sheetTab.spreadsheetId,
      sheetTab.sheetId,
      `${sheetTab.spreadsheetTitle} / ${sheetTab.title}`,
    );
  return campaignIdentity({ ...named, routeKey: campaign.routeKey });
}

/** A sendable row as the journal knows it. */
export interface KnownRow {
  readonly rowNumber: number;
  readonly phoneKey: number;
  readonly rowHash: string;
  readonly request: CallbackRequest;
}

export function knownRow(rowNumber: number, phoneKey: number, request: CallbackRequest): KnownRow {
  // Hashed on first use: most rows are looked up by phone alone and never need it.
  let hash: string | undefined;
  return {
    rowNumber,
    phoneKey,
    request,
    get rowHash() {
      hash ??= rowHash(request);
      return hash;
    },
  };
}

/**
 * True when nothing is remembered that could change a row's fate: an empty journal, no exclude list,
 * no dedupe window or a registry that knows no phone. Then eligibility is known without a lookup (a
 * first validate of a big file should not pay for machinery it does not use).
 */
export function remembersNothing(state: CampaignState): boolean {
  return (
    state.journal.stats().rowsKnown === 0 &&
    state.exclude === undefined &&
    (state.dedupe?.windowMs === undefined || state.dedupe.registry.size === 0)
  );
}

/**
 * Looks the row up in every remembered list, then lets the pure `eligibility` decide. Synchronous
 * unless the dedupe registry must be asked: a million rows should not pay a million awaits for nothing.
 */
export function eligibilityOf(
  state: CampaignState,
  row: KnownRow,
  mode: PassMode,
  options: { includeUnknown?: boolean } = {},
): Eligibility | Promise<Eligibility> {
  const prior = state.journal.priorOf(row.phoneKey, () => row.rowHash);
  const excludedBy = state.exclude?.has(row.phoneKey);
  const window = state.dedupe?.window ?? "";
  const decide = (dialedRecently?: { campaign: string; at: string; window: string }): Eligibility =>
    eligibility({ mode, prior, excludedBy, dialedRecently, includeUnknown: options.includeUnknown });
  // Only rows that could still be sent need the registry; history and the exclude list settle the others.
  const windowMs = state.dedupe?.windowMs;
  if (
    state.dedupe === undefined ||
    windowMs === undefined ||
    excludedBy !== undefined ||
    prior?.status === "sent" ||
    prior?.status === "unknown"
  ) {
    return decide();
  }
  const hitToInput = (hit: DedupeHit | undefined) =>
    hit === undefined
      ? undefined
      : { campaign: hit.campaign, at: isoInZone(isoWithOffset(hit.at), state.timezone), window };
  const now = state.clock.now();
  const peeked = state.dedupe.registry.peek(row.phoneKey, now, windowMs);
  if (peeked !== null) return decide(hitToInput(peeked));
  return state.dedupe.registry.lookup(row.phoneKey, now, windowMs).then((hit) => decide(hitToInput(hit)));
}

/** What the journal and the rules say of a sendable row that is not sent now (the report's view of it). */
export function reportFate(state: CampaignState): FateOf {
  return (planned) =>
    eligibilityOf(state, knownRow(planned.row.rowNumber, planned.phoneKey, planned.request), "report");
}
