import { readableTime, ruCount, ruNoun, ruNumber } from "../format.js";
import type { Translation } from "../messages.js";
import { type cliEn, STATUS_ORDER, type StatusCounts, SUMMARY_ORDER } from "./cli.en.js";

const ROWS = ["строка", "строки", "строк"] as const;
/** «отправить 1 строку, 2 строки, 5 строк». */
const ROWS_ACCUSATIVE = ["строку", "строки", "строк"] as const;

/** Статусы в итогах: слово, которое не зависит от числа («отправлено 30», «с ошибками 1»). */
const STATUS_WORDS: Readonly<Record<keyof StatusCounts, string>> = {
  wouldSend: "к отправке",
  sent: "отправлено",
  skipped: "пропущено",
  invalid: "с ошибками",
  failed: "не удалось отправить",
  unknown: "ответ потерян",
  pending: "в очереди",
};

function counts(p: StatusCounts, order: readonly (keyof StatusCounts)[]): string {
  return order
    .filter((status) => (p[status] ?? 0) > 0)
    .map((status) => `${STATUS_WORDS[status]} ${ruNumber(p[status] ?? 0)}`)
    .join(", ");
}

/** «Пропущена 1 строка», «Пропущены 2 строки», «Пропущено 5 строк». */
function skipped(count: number): string {
  return `${ruNoun(count, ["Пропущена", "Пропущены", "Пропущено"])} ${ruCount(count, ROWS)}`;
}

/** Русские слова области "cli": те же ключи и параметры, что в cli.en.ts. */
export const cliRu: Translation<typeof cliEn> = {
  cliSummaryCounts: (p) => `${ruCount(p.total, ROWS)}: ${counts(p, SUMMARY_ORDER) || "нечего отправлять"}`,
  cliSummaryAttention: (p) =>
    `${ruNoun(p.count, ["Требует", "Требуют", "Требуют"])} внимания ${ruCount(p.count, ROWS)}:`,
  cliSummaryProblem: (p) =>
    `  строка ${String(p.row).padStart(p.width)}  ${p.status.padEnd(7)}  ${p.message}${p.was === undefined ? "" : ` (при чтении была строкой ${p.was})`}`,
  cliSummaryMore: (p) => `  ... и ещё ${ruNumber(p.count)} (см. отчёт)`,
  cliSkippedRecent: (p) =>
    `${skipped(p.count)}: кампания на этом компьютере уже отправила этот номер в пределах dedupeWindow (24 ч, если в файле кампании не указано иное); чтобы позвонить снова, укажите dedupeWindow: 0 в файле кампании.`,
  cliSkippedPast: (p) =>
    `${skipped(p.count)}: время звонка уже прошло; чтобы позвонить сразу, укажите pastScheduleTime: call-now в файле кампании.`,
  cliSkippedSentBefore: (p) =>
    `${skipped(p.count)}: в отчёте ctdial, из которого шло чтение, ${ruNoun(p.count, ["она отмечена как отправленная", "они отмечены как отправленные", "они отмечены как отправленные"])}; чтобы отправить снова, очистите ячейку ctdial_status.`,
  cliWarning: (p) => `предупреждение: ${p.text}`,

  cliProgressCounts: (p) =>
    counts(
      p,
      p.order.filter((status): status is keyof StatusCounts => status in STATUS_WORDS),
    ),
  cliProgressRate: (p) => `${p.rate.toFixed(1).replace(".", ",")}/с`,
  cliProgressEta: (p) => `осталось ${p.left}`,

  cliConfirmQuestion: (p) => {
    const verb = p.retry ? "Отправить повторно" : "Отправить";
    const kind = !p.retry ? "" : p.includeUnknown ? " со статусом failed или unknown" : " со статусом failed";
    const count =
      p.toSend !== undefined
        ? `${ruCount(p.toSend, ROWS_ACCUSATIVE)}${kind} из ${p.file} (всего в файле ${ruNumber(p.inFile ?? 0)})`
        : `${p.retry ? "строки" : "неотправленные строки"}${kind} из ${p.file} (${p.inFile === undefined ? "" : `в файле около ${ruNumber(p.inFile)}; `}подсчёт ещё идёт)`;
    return `${verb} ${count} на ${p.endpoint} (routeKey ${p.routeKey ?? "из файла"})?`;
  },
  cliConfirmPrompt: () => "[д/Н]",
  E_DECLINED: () =>
    "Ничего не отправлено: запуск не подтверждён (ответьте «д», чтобы отправить, или добавьте --yes, чтобы не спрашивать).",

  cliStatusCounts: (p) => `${ruCount(p.total, ROWS)}: ${counts(p, STATUS_ORDER) || "нет"}`,
  cliStatusNeverRun: () => "Кампания ещё не запускалась: ничего не отправлено.",
  cliStatusLastRun: (p) =>
    `Последний запуск: ${p.at === undefined ? "неизвестно" : readableTime("ru", p.at, { zone: p.zone })} (всего ${ruCount(p.runs, ["запуск", "запуска", "запусков"])})`,
  cliStatusLeft: (p) => `Осталось отправить: ${ruNumber(p.count)} (ctdial run продолжит отправку)`,
  cliStatusNothingLeft: () => "Отправлять больше нечего.",
  cliStatusFailed: (p) => `Не удалось отправить: ${ruNumber(p.count)} (ctdial retry отправит повторно)`,
  cliStatusUnknown: (p) =>
    `Ответ потерян: ${ruNumber(p.count)} (звонок мог состояться; ctdial retry --include-unknown отправит повторно)`,
  cliStatusTornLine: (p) =>
    `Примечание: последняя строка журнала оборвалась из-за сбоя (строка ${p.line}); она пропущена.`,
  cliStatusJournal: (p) => `Журнал: ${p.path}`,

  cliInitWrote: (p) =>
    `Записан файл ${p.target}. Укажите в нём routeKey, затем выполните: ctdial validate ${p.source}`,
  E_CAMPAIGN_EXISTS: (p) =>
    `${p.file} уже существует: исправьте его или выполните ctdial init --force, чтобы заменить.`,

  cliUnexpectedError: (p) =>
    `непредвиденная ошибка: ${p.message} (это ошибка в самом ctdial; подробности покажет CTDIAL_DEBUG=1)`,
  cliStdoutFailed: (p) => `не удалось писать в stdout (${p.message}); дальше вывода не будет.`,
  cliStopping: () =>
    "остановка: начатые запросы завершатся, затем будет записан отчёт (нажмите Ctrl+C ещё раз, чтобы выйти сразу)",
  cliCleanupFailed: (p) => `не удалось ${p.what}: ${p.message}`,
  cliCleanupReleaseSender: () => "освободить отправку для другого ctdial на этом компьютере",
  cliCleanupProgress: () => "стереть строку прогресса",
  cliCleanupSignals: () => "перестать следить за Ctrl+C",
  cliCleanupConnection: () => "закрыть соединение",
  cliCleanupLog: () => "дописать лог",
  cliCleanupCloseFile: (p) => `закрыть ${p.file}`,
  cliCleanupAnnounceStop: () => "сообщить об остановке",
  cliCleanupSandboxConnection: () => "закрыть соединение со встроенной песочницей",
  cliCleanupBuiltInSandbox: () => "закрыть встроенную песочницу",
  cliCleanupCalltouchConnection: () => "закрыть соединение с Calltouch",
  cliCleanupSandbox: () => "закрыть песочницу",

  cliAttemptRow: (p) => `строка ${p.row}: ${p.message}`,
  cliAttemptResend: (p) => `строка ${p.row}: ${p.message}; повторная отправка без sessionId`,
  cliAttemptRetry: (p) => `строка ${p.row}: ${p.message}; повтор через ${p.after}`,
  cliAttemptPending: (p) => `строка ${p.row}: ${p.message}; строка отложена, её отправит следующий запуск`,
  cliAttemptGaveUp: (p) =>
    `строка ${p.row}: ${p.message}; отправка прекращена после ${ruCount(p.tries, ["попытки", "попыток", "попыток"])}`,
  cliSending: () => "отправка началась",
  cliDemoDone: (p) =>
    `Это была демонстрация: откройте ${p.source} и отчёт рядом с ним, там результат по каждой строке.`,
  cliDemoTry: () =>
    "Попробуйте свой файл: npx ctdial validate clients.csv, затем npx ctdial run clients.csv --sandbox",
};
