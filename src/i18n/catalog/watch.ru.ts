import { readableTime, ruCount, ruNoun, ruNumber } from "../format.js";
import type { Translation } from "../messages.js";
import type { FolderAdviceWord, FolderWaitWord, IgnoreReasonWord, watchEn } from "./watch.en.js";

/** Русские слова области "watch" (папка кампаний, `ctdial watch`): те же ключи и параметры, что в watch.en.ts. */

const ROW = ["строка", "строки", "строк"] as const;
/** "после отправки 1 строки, 5 строк". */
const ROW_OF = ["строки", "строк", "строк"] as const;

const at = (ms: number, zone?: string): string => readableTime("ru", ms, { zone });

/** " в <время>" или "" (с «в» по-русски: «повторим 7 декабря 2026, 09:00»). */
const atThen = (p: { at?: number; zone?: string }): string =>
  p.at === undefined ? "" : ` ${at(p.at, p.zone)}`;

const pauseReason = (p: { code: string | number; message: string }): string =>
  `Calltouch ответил ${p.code}: ${p.message}`;

const senderBusy = (p: { pid?: number; command?: string; since?: string }): string => {
  if (p.pid === undefined) return "с этого компьютера уже отправляет другой ctdial";
  const since = p.since === undefined ? Number.NaN : Date.parse(p.since);
  const when = Number.isNaN(since) ? (p.since ?? "") : at(since);
  return `с этого компьютера уже отправляет другой ctdial (процесс ${p.pid}: ${p.command ?? ""}, с ${when})`;
};

const campaignNamed = (p: { campaignFile?: string }): string =>
  p.campaignFile === undefined ? "колонки определены по заголовкам" : `файл кампании ${p.campaignFile}`;

const AGAIN =
  "Исправьте и положите файл обратно в папку кампаний: уже отправленные строки повторно не отправляются.";

const IGNORED: Record<Exclude<IgnoreReasonWord, "not-a-table">, string> = {
  "own-folder": "служебная папка ctdial",
  subfolder: "это папка: обрабатываются только файлы, лежащие прямо в папке кампаний",
  "libreoffice-lock": "файл блокировки LibreOffice (таблица открыта в нём)",
  "excel-lock": "файл блокировки Excel (таблица открыта в Excel)",
  "report-being-written": "отчёт, который сейчас записывается",
  "status-being-written": "файл состояния ctdial, который сейчас записывается",
  hidden: "скрытый файл",
  temporary: "временный файл (его ещё копируют или редактируют)",
  "status-file": "файл состояния ctdial",
  "error-note": "описание ошибки",
  report:
    "назван как отчёт (.report.csv или .report.xlsx), а таблицы с тем же именем рядом нет; отчёты папка не обзванивает. Чтобы обзвонить его строки, переименуйте файл (строки, отмеченные в нём как отправленные, повторно не отправляются)",
  "campaign-file": "файл кампании (используется для своих таблиц)",
  "old-xls": "книга в старом формате .xls: откройте её в Excel и сохраните как .xlsx, чтобы обзвонить",
  "not-a-regular-file": "не обычный файл",
};

const WAITING_FOR: Record<FolderWaitWord, string> = {
  "call-window": "сейчас вне окна звонков",
  "daily-limit": "достигнут дневной лимит",
  retry: "ожидают повторной попытки",
};

const FOLDER_ADVICE: Record<FolderAdviceWord, string> = {
  "10001": "Пополните минуты обратного звонка в Calltouch.",
  "10002": "Включите услугу обратного звонка в Calltouch.",
  "10003": "Включите в Calltouch виджет «Форма на сайте» с этим routeKey или исправьте routeKey.",
  token:
    "Проверьте CALLTOUCH_TOKEN (или CALLTOUCH_TOKEN_FILE): Calltouch не принял токен. Скопируйте его в кабинете Calltouch: Интеграции → API и Webhooks → API.",
  endpoint: "Проверьте CALLTOUCH_API_URL: сервер по этому адресу не похож на API обратного звонка Calltouch.",
};

/** Report statuses as a Russian summary counts them: "отправлено 30, с ошибками 6". */
const STATUS_WORDS: Readonly<Record<string, string>> = {
  sent: "отправлено",
  invalid: "с ошибками",
  failed: "не удалось",
  skipped: "пропущено",
  pending: "ожидают",
  unknown: "без ответа",
  "would-send": "будет отправлено",
};

export const watchRu: Translation<typeof watchEn> = {
  // ---- строки журнала ----
  watchWatching: (p) => `слежу за папкой ${p.dir}${p.once ? " (один проход)" : ""}`,
  watchCampaignNamed: (p) => campaignNamed(p),
  watchPickedUp: (p) => `${p.file}: взят в работу (${campaignNamed(p)})`,
  watchUnexpectedError: (p) => `${p.file}: непредвиденная ошибка: ${p.message} (это ошибка в ctdial)`,
  watchPauseReason: (p) => pauseReason(p),
  watchPausedLog: (p) =>
    `пауза: ${pauseReason(p)}.${p.advice === undefined ? "" : ` ${p.advice}`} Файлы остаются в папке, перезапускать ничего не нужно: ctdial сам проверит снова ${at(p.nextCheck)} и продолжит, как только Calltouch начнёт принимать заявки.`,
  watchResumed: () => "Calltouch снова принимает заявки: работа папки продолжается",
  watchFileWaits: (p) => `${p.file}: ждёт: ${p.why}`,
  watchFileDone: (p) => `${p.line}; перенесён в ${p.to}/`,
  watchFileFailed: (p) => `${p.file}: перенесён в ${p.to}/: ${p.note}`,
  watchBusy: () => "занят",
  watchMoveWaits: (p) =>
    `${p.file}: пока не удаётся перенести ${p.left.join(", ")} (открыт в другой программе?); попробую ещё раз`,
  watchFileLeft: (p) =>
    `${p.file}: файл убрали из папки во время отправки${p.renamedTo === undefined ? "" : ` (переименован в ${p.renamedTo})`}: отправка остановлена; начатые запросы завершатся, неотправленные строки остаются в его журнале`,
  watchFileLeftStopped: (p) =>
    `${p.file}: остановлен после отправки ${ruCount(p.sent, ROW_OF)}; ${ruCount(p.notSent, ROW)} под этим именем ${ruNoun(p.notSent, ["не отправлена", "не отправлены", "не отправлены"])}`,
  watchFileChanged: (p) =>
    `${p.file}: ${p.running ? "файл изменился во время отправки: отправка остановлена" : "файл изменился после чтения: в done/ не перенесён"}; он запустится снова, когда файл перестанет меняться, и отправит только ещё не отправленные строки`,
  watchFileCameBack: (p) =>
    `${p.file}: тот же список, что ${p.was}, который убрали из папки во время отправки: номера, принятые под тем именем, повторно не обзваниваются`,
  watchPassedOver: (p) => `${p.file}: ${p.own ? "пропущен" : "не обрабатывается"}: ${p.reason}`,
  watchIgnoreReason: (p) =>
    p.reason === "not-a-table"
      ? `ctdial не читает такие файлы (читает ${p.extensions.join(", ")})`
      : IGNORED[p.reason],
  watchScanFailed: (p) => `не удаётся прочитать папку кампаний ${p.dir}: ${p.message}`,
  watchSenderBusy: (p) => senderBusy(p),
  watchSenderWait: (p) =>
    `${senderBusy(p)}; жду, пока он закончит (лимит Calltouch действует на весь компьютер)`,
  watchEventsOff: (p) => `нет уведомлений о файлах для ${p.dir} (${p.message}); папка только просматривается`,
  watchStoppedLog: () => "остановлено: начатые запросы завершены, отчёты записаны",
  watchStopping: () =>
    "останавливаюсь: начатые запросы завершатся, отчёты будут записаны, затем ctdial выйдет",

  // ---- почему файл ждёт ----
  watchWaitReportHeld: (p) => `${p.note}; повторю ${p.at === undefined ? "чуть позже" : atThen(p).trim()}`,
  watchWaitDailyLimit: (p) =>
    `${p.message}; продолжу на следующий день${p.at === undefined ? "" : `, ${at(p.at, p.zone)}`}`,
  watchWaitStopped: (p) => `${p.message}; повторю ${p.at === undefined ? "чуть позже" : at(p.at, p.zone)}`,
  watchWaitNotNow: (p) => (p.at === undefined ? p.message : `${p.message}; повторю ${at(p.at, p.zone)}`),
  watchWaitUnexpected: (p) =>
    `непредвиденная ошибка: ${p.message}; повторю ${p.at === undefined ? "чуть позже" : at(p.at, p.zone)}`,
  watchWaitFinishing: (p) =>
    `ошибка при завершении; повторю ${p.at === undefined ? "через минуту" : at(p.at, p.zone)}`,
  watchReportAnotherRun: (p) =>
    `${p.report} не тронут: сейчас отправляет другой запуск ctdial этой кампании (процесс ${p.pid}), он и запишет отчёт, когда закончит`,
  watchReportFailed: (p) =>
    `${p.failure.replace(/\.$/, "")}; все результаты есть в журнале: \`ctdial validate\` на том же файле запишет отчёт заново`,
  watchReportCutShort: (p) =>
    `${p.report} не перезаписан, чтобы выйти сразу; все результаты есть в журнале: \`ctdial validate\` на том же файле запишет отчёт заново, или это сделает следующий \`ctdial run\``,

  // ---- файл обработан ----
  watchCountPart: (p) => `${STATUS_WORDS[p.status] ?? p.status} ${ruNumber(p.count)}`,
  watchSentEarlierPart: (p) => `отправлено ранее ${ruNumber(p.count)}`,
  watchDoneLine: (p) => {
    const rows = `${p.file}: ${ruCount(p.total, ROW)}`;
    if (p.parts.length === 0) return `${rows}: отправлять нечего`;
    if (p.allEarlier) return `${rows}: все отправлены ранее, отправлять нечего`;
    return `${rows}: ${p.parts.join(", ")}`;
  },

  // ---- STATUS.txt ----
  watchStatusTitle: (p) =>
    `ctdial watch: ${p.state} ${p.stopped ? "в" : "с"} ${at(p.at, p.zone)}${p.detail === "" ? "" : `: ${p.detail}`}`,
  watchStatusFolder: (p) => `Папка: ${p.dir}`,
  watchStatusUpdated: (p) =>
    `Обновлено: ${readableTime("ru", p.at, { zone: p.zone, seconds: true })} ${
      p.stopped
        ? "(ctdial watch не запущен; запустите его снова, чтобы папка работала)"
        : `(файл обновляется не реже чем раз в ${p.minutes === 1 ? "минуту" : `${ruCount(p.minutes, ["минуту", "минуты", "минут"])}`}, пока работает ctdial watch: время старее значит, что он не запущен)`
    }`,
  watchStatusPausedWhy: (p) => `${p.stopped ? "Была пауза: " : "Причина: "}${pauseReason(p)}`,
  watchStatusWhatToDo: (p) => `Что сделать: ${p.advice}`,
  watchStatusPausedFiles: (p) =>
    p.stopped
      ? "Файлы остаются на месте; после запуска ctdial продолжит с ними, как только Calltouch начнёт принимать заявки."
      : `Файлы остаются на месте. Перезапускать ничего не нужно: ctdial сам проверит снова ${at(p.nextCheck, p.zone)} и продолжит, как только Calltouch начнёт принимать заявки.`,
  watchStatusSenderWaiting: (p) => `Ожидание: ${senderBusy(p)}.`,
  watchStatusRunningHeader: () => "Отправляются:",
  watchStatusRunningLine: (p) =>
    `${p.name}: готово ${ruCount(p.done, ROW)}${p.parts.length === 0 ? "" : ` (${p.parts.join(", ")})`}${
      p.opensAt === undefined ? "" : `; ждёт окна звонков, оно откроется ${at(p.opensAt, p.zone)}`
    }`,
  watchStatusWaitingHeader: (p) => (p.stopped ? "Остались в папке:" : "Ждут:"),
  watchStatusRecentHeader: () => "Недавно обработаны:",
  watchStatusRecentDone: (p) => `${p.line} (перенесён в ${p.to}/)`,
  watchStatusRecentFailed: (p) => `${p.file}: не удалось обработать (см. ${p.to}/${p.note})`,
  watchStateDetail: (p) =>
    p.state === "paused"
      ? "Calltouch не принимает заявки; ctdial продолжит сам, как только он начнёт их принимать"
      : p.state === "waiting-for-sender"
        ? "с этого компьютера уже отправляет другой ctdial"
        : "положите сюда файл .csv, .tsv, .txt или .xlsx, чтобы обзвонить его",
  watchStateWaiting: (p) =>
    `сейчас ни один файл не может отправлять: ${p.for.map((reason) => WAITING_FOR[reason]).join("; ")}${
      p.until === undefined ? "" : `; первый продолжит ${at(p.until, p.zone)}`
    }`,
  watchStopCause: (p) =>
    p.cause === "signal"
      ? "получена команда остановиться; необработанные файлы остаются здесь и продолжат, когда ctdial watch запустят снова"
      : p.cause === "once"
        ? "--once обработал всё, что было в папке"
        : p.message === undefined || p.message === ""
          ? "работа прервана ошибкой (см. журнал)"
          : `работа прервана ошибкой: ${p.message}`,
  watchWaitingWhy: (p) =>
    p.why === "leaving"
      ? "обработан; будет перенесён, когда его не будет держать открытым другая программа"
      : p.why === "waiting"
        ? "ждёт"
        : p.why === "paused"
          ? "на паузе вместе с папкой"
          : "следующий в очереди",

  // ---- <имя>.error.txt ----
  watchNoteWidgetRefused: (p) => {
    const keys = p.routeKeys;
    const which =
      keys.length === 0
        ? "ключ виджета этого файла"
        : `${keys.length > 1 ? "ключи виджетов" : "ключ виджета"} ${keys.join(", ")}`;
    const advice = p.advice === undefined ? "" : `${p.advice} `;
    return `${p.file}: отправка остановлена, Calltouch отклонил ${which}: ${p.calltouchMessage} (ошибка 10003). ${advice}До этого отправлено: ${ruCount(p.sent, ROW)}; в отчёте есть каждая строка. ${AGAIN}`;
  },
  watchNoteInputChanged: (p) => `${p.message} ${AGAIN}`,
  watchNoteCannotRun: (p) => `${p.file} не удалось обработать: ${p.message} ${AGAIN}`,
  watchNoteReportNameTaken: (p) =>
    `${p.file} не удалось обработать: его отчёт должен называться ${p.report}, но ${p.report} в папке кампаний не отчёт ctdial. ctdial никогда не перезаписывает чужие файлы, поэтому ${p.report} оставлен на месте. Переименуйте ${p.report} или ${p.file} (отчёт называется по таблице), затем положите ${p.file} обратно в папку кампаний: уже отправленные строки повторно не отправляются.`,
  watchFolderAdvice: (p) => FOLDER_ADVICE[p.which],

  // ---- ошибки ----
  E_WATCH_FOLDER: (p) => {
    switch (p.problem) {
      case "no-table":
        return `Файла ${p.target} здесь нет, а \`ctdial watch\` обслуживает папку. Чтобы обзвонить один файл, используйте \`ctdial run <файл>\` с правильным именем файла, или укажите папку: ctdial watch <папка>.`;
      case "missing":
        return `Папки кампаний ${p.target} нет. Создайте её (\`mkdir ${p.target}\`) или укажите нужную папку: ctdial watch <папка>.`;
      case "gone":
        return `Папки кампаний ${p.target} нет. Создайте её или укажите нужную папку: ctdial watch <папка>.`;
      case "file":
        return `${p.target} это файл, а не папка. Чтобы обзвонить один файл, используйте \`ctdial run ${p.target}\`; \`ctdial watch\` обслуживает папку, в которую кладут файлы (${p.name ?? p.target} можно положить в такую папку).`;
    }
  },
  E_WATCH_OPTIONS: (p) => {
    const names = p.options.join(", ");
    const one = p.options.length === 1;
    return p.for === "folder"
      ? `${names} ${one ? "относится" : "относятся"} к папке кампаний, а не к таблице Google; ${one ? "уберите этот параметр" : "уберите эти параметры"}.`
      : `${names} ${one ? "относится" : "относятся"} к работе с таблицей Google, а не к папке кампаний (лист и колонки файла задаёт его собственный файл кампании); ${one ? "уберите этот параметр" : "уберите эти параметры"}.`;
  },
  watchParallelInvalid: (p) => `Нужно целое число от 1, получено «${p.value}».`,

  // ---- ctdial watch --help ----
  watchHelpDescription: () =>
    "обслуживать папку кампаний (каждый положенный в неё файл .csv/.tsv/.txt/.xlsx обзванивается) или следить за таблицей Google (новые строки обзваниваются, результаты записываются обратно)",
  watchHelpTarget: () =>
    "папка кампаний (по умолчанию `./campaigns`), ссылка на таблицу Google или файл кампании",
  watchHelpRate: () => "запросов в секунду, 0 < n <= 5 (по умолчанию 5)",
  watchHelpSandbox: () => "отправлять во встроенный эмулятор Calltouch вместо Calltouch",
  watchHelpLogLevel: () => "сколько подробностей выводить в журнал (в поток ошибок)",
  watchHelpOnce: () =>
    "для папки: обработать то, что в ней сейчас, дождаться окончания и выйти с худшим кодом выхода",
  watchHelpNoWait: () =>
    "для папки: если с этого компьютера отправляет другой ctdial, выйти с кодом 3, а не ждать",
  watchHelpParallel: () =>
    "для папки: сколько файлов обзванивать одновременно, с общей скоростью (по умолчанию 4)",
  watchHelpInterval: () => "для таблицы: секунд между проверками (по умолчанию 15)",
  watchHelpYes: () => "для таблицы: не спрашивать подтверждения перед отправкой",
};
