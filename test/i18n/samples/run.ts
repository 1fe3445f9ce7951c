import type { runEn } from "../../../src/i18n/catalog/run.en.js";
import type { Samples } from "./samples.js";

/** Sample parameters for every message of the "run" area: each list is rendered in every language. */
export const runSamples: Samples<typeof runEn> = {
  E_NO_ROUTE_KEY: [
    { sheet: true },
    { campaignFile: "клиенты.campaign.yaml", create: true },
    { campaignFile: "campaign.yaml" },
  ],
  E_STATE_DIR: [{ dir: "/home/anna/.local/state/ctdial", errno: "EACCES" }],
  runStateDirCli: [{ dir: "/home/anna/.local/state/ctdial", errno: "ENOSPC" }],
  E_JOURNAL_WRITE: [{ path: "/state/journals/a1.jsonl", errno: "ENOSPC" }],
  runJournalWriteCli: [{ path: "/state/journals/a1.jsonl", errno: "EACCES" }],
  E_JOURNAL_LOCKED: [
    { lockFile: "/state/journals/a1.lock", pid: 4242 },
    { lockFile: "/state/journals/a1.lock" },
  ],
  E_JOURNAL_VERSION: [
    { path: "/state/journals/a1.jsonl", version: 2, supported: 1 },
    { path: "/state/journals/a1.jsonl", version: 0, supported: 1 },
  ],
  E_JOURNAL_NOT_JOURNAL: [{ path: "/state/journals/notes.jsonl" }],
  E_JOURNAL_CORRUPT: [{ path: "/state/journals/a1.jsonl", line: 12345 }],
  E_JOURNAL_OWNER: [
    { path: "/state/journals/a1.jsonl", source: "file:/data/clients.csv", routeKey: "other" },
  ],
  E_TIMEZONE: [{ timezone: "Moscow" }],
  E_SENDER_BUSY: [{}, { pid: 4242, command: "ctdial run clients.csv", since: "2026-12-06T11:03:00.000Z" }],
  runSenderBusy: [
    {},
    { pid: 4242, command: "ctdial run clients.csv", since: "2026-12-06T11:03:00.000Z" },
    { pid: 4242, command: "ctdial", since: "" },
  ],
  runSenderWait: [{ busy: "another ctdial is sending from this machine" }],
  SIGNAL: [{}, { while: "call-window" }, { while: "sender" }],
  E_DAILY_LIMIT: [
    { limit: 1, used: 1 },
    { limit: 2, used: 2 },
    { limit: 5, used: 5 },
    { limit: 21, used: 21 },
    { limit: 12345, used: 12345 },
  ],
  E_CALL_WINDOW: [
    {
      from: "09:00",
      to: "18:00",
      days: ["mon", "tue"],
      zone: "Europe/Moscow",
      opensAt: "2026-12-07T09:00:00+03:00",
    },
  ],
  runCallWindowCli: [
    {
      from: "09:00",
      to: "18:00",
      days: ["mon", "tue"],
      zone: "Europe/Moscow",
      opensAt: "2026-12-07T09:00:00+03:00",
    },
  ],
  E_INPUT_MIDRUN: [{ inputMessage: "clients.csv: line 12 is not UTF-8.", sent: 3 }],
  runInputMidrunCli: [
    { input: "clients.csv: line 12 is not UTF-8.", sent: 0 },
    { input: "clients.csv: line 12 is not UTF-8.", sent: 1 },
    { input: "clients.csv: line 12 is not UTF-8.", sent: 2 },
    { input: "clients.csv: line 12 is not UTF-8.", sent: 11 },
    { input: "clients.csv: line 12 is not UTF-8.", sent: 101 },
  ],
  runStopWidgets: [
    { keys: ["abc"], message: "Не найден включённый виджет с указанным routeKey" },
    { keys: ["abc", "def"], message: "Не найден включённый виджет с указанным routeKey" },
  ],
  runAdviceWidget: [{}],
  runAdvicePending: [{}],
  runAdviceDailyLimit: [{}],
  runAdviceCallWindow: [{}],
  runAdviceFixAbove: [{}],
  runAdviceSenderBusy: [{}],
  runAdviceNothingSent: [{}],
  runStopped: [
    { message: "the daily limit of 5 accepted requests is reached (5 accepted today)" },
    { message: "Недостаточно минут для обратного звонка", code: "10001" },
  ],
  runReportAnotherRun: [{ report: "clients.report.csv", pid: 4242 }],
  runReportFailed: [{ failure: "EACCES: permission denied, open 'clients.report.csv'" }],
  runReportCutShort: [{ report: "clients.report.csv" }],
  runReportLine: [{ text: "clients.report.csv" }],
  runSinkFailure: [{ name: "clients.report.csv", message: "ENOSPC" }],
  runSinkFailureShort: [{ name: "clients.report.csv", message: "ENOSPC" }],
  runHookError: [{ message: "EPIPE" }],
  runWaitCallWindow: [{ ms: 7_530_000 }, { ms: 3 * 86_400_000 + 60_000 }],
};
