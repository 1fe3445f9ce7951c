/**
 * The journal and the other state that outlives a run: per-campaign journals (what was sent, what
 * failed, what may have been sent), the per-token daily-limit counter and the cross-campaign dedupe
 * registry. A library for the run engine; nothing here prints.
 */
export { createDailyCounter, type DailyCounter, type DailyCounterOptions } from "./daily-counter.js";
export {
  type ClaimResult,
  type DedupeHit,
  type DedupeRegistry,
  type DedupeRegistryOptions,
  openDedupeRegistry,
  type PhoneClaim,
} from "./dedupe-registry.js";
export { JOURNAL_VERSION, type JournaledStatus } from "./format.js";
export { type CampaignIdentity, campaignIdentity, fileSource, journalPath, sheetSource } from "./identity.js";
export {
  type Journal,
  type JournalRow,
  type JournalStats,
  type OpenJournalOptions,
  openJournal,
} from "./journal.js";
export { lockHolder } from "./lock.js";
export { NO_ANSWER_MESSAGE, type PriorState, priorToOutcome } from "./prior.js";
export { rowHash, tokenFingerprint } from "./row-hash.js";
export type { StatusCounts } from "./row-table.js";
export { defaultStateDir } from "./state-dir.js";
