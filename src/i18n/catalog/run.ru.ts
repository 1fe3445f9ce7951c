import { countdown, readableTime, ruCount, ruNoun, ruNumber } from "../format.js";
import type { Translation } from "../messages.js";
import type { RowAdviceWhich, runEn, StopAdviceWhich } from "./run.en.js";

const AGAIN = "затем запустите ту же команду снова";

const STOP_ADVICE: Record<StopAdviceWhich, string> = {
  "10001": `Пополните минуты обратного звонка в Calltouch, ${AGAIN}.`,
  "10002": `Включите услугу обратного звонка в Calltouch, ${AGAIN}.`,
  "10003": `Включите в Calltouch виджет «Форма на сайте» с этим routeKey или исправьте routeKey, ${AGAIN}.`,
  token: `Проверьте CALLTOUCH_TOKEN (или CALLTOUCH_TOKEN_FILE): Calltouch не принял токен. Скопируйте его в кабинете Calltouch: Интеграции → API и Webhooks → API, ${AGAIN}.`,
  endpoint: `Проверьте CALLTOUCH_API_URL: сервер по этому адресу не похож на API обратного звонка Calltouch; исправьте адрес, ${AGAIN}.`,
};

const ROW_ADVICE: Record<RowAdviceWhich, string> = {
  field: "Calltouch не принял поле этой строки: исправьте его в источнике и выполните `ctdial retry`.",
  bug: "Calltouch не смог прочитать запрос, который отправил ctdial: это ошибка в ctdial, пожалуйста, сообщите о ней.",
  "10004":
    "Calltouch не знает этот sessionId: исправьте или удалите его, или задайте resendWithoutSessionId: true, чтобы звонить без него.",
  "10005": "Calltouch не принимает больше заявок в этой сессии.",
  "10006": "Calltouch ограничивает заявки на этот телефон: не отправляйте его повторно сегодня.",
};

/** Русские слова области "run": те же ключи и параметры, что в run.en.ts. */
export const runRu: Translation<typeof runEn> = {
  E_NO_ROUTE_KEY: (p) => {
    const where =
      p.sheet === true
        ? "напишите файл кампании с routeKey: <ключ> и source: <ссылка на таблицу> (его создаст ctdial init <ссылка>)"
        : p.create === true
          ? `создайте ${p.campaignFile} с routeKey: <ключ> (его создаст ctdial init)`
          : `добавьте routeKey: <ключ> в ${p.campaignFile}`;
    return `Не указан routeKey: ${where}, или передайте --route-key КЛЮЧ, или задайте CALLTOUCH_ROUTE_KEY. Это ключ вашего виджета «Форма на сайте» (кабинет Calltouch → Виджеты).`;
  },

  E_STATE_DIR: (p) =>
    `Не удаётся использовать папку состояния ${p.dir} (${p.errno}): проверьте права доступа и свободное место на диске или выберите другую папку состояния.`,
  runStateDirCli: (p) =>
    `Не удаётся использовать папку состояния ${p.dir} (${p.errno}): проверьте права доступа и свободное место на диске или укажите другую папку через --state-dir.`,
  E_JOURNAL_WRITE: (p) =>
    `Не удаётся записать журнал ${p.path} (${p.errno}): освободите место на диске или исправьте права доступа.`,
  runJournalWriteCli: (p) =>
    `Не удаётся записать журнал ${p.path} (${p.errno}): освободите место на диске или исправьте права доступа, затем запустите ту же команду снова.`,
  E_JOURNAL_LOCKED: (p) =>
    `Эту кампанию сейчас отправляет ${p.pid === undefined ? "другой ctdial" : `другой ctdial (процесс ${p.pid})`}. Дождитесь, пока он закончит, или удалите ${p.lockFile}, если ctdial не запущен.`,
  E_JOURNAL_VERSION: (p) =>
    p.version > p.supported
      ? `Журнал ${p.path} записан более новой версией ctdial (формат ${p.version}): обновите ctdial, чтобы продолжить эту кампанию.`
      : `Журнал ${p.path} в формате ${p.version}, который эта версия ctdial не читает: используйте ту версию ctdial, которая его записала.`,
  E_JOURNAL_NOT_JOURNAL: (p) =>
    `${p.path} — не журнал ctdial (его первая строка не заголовок журнала): уберите файл из папки журналов и запустите снова.`,
  E_JOURNAL_CORRUPT: (p) =>
    `Журнал ${p.path} повреждён в строке ${ruNumber(p.line)}. Чтобы начать кампанию заново, переместите файл в другое место (тогда ctdial забудет, какие строки уже отправлены).`,
  E_JOURNAL_OWNER: (p) =>
    `Журнал ${p.path} принадлежит другой кампании (${p.source}, routeKey «${p.routeKey}»): переместите его в другое место и запустите снова.`,
  E_TIMEZONE: (p) =>
    `Часовой пояс «${p.timezone}» не найден в базе IANA: укажите его в виде «Регион/Город», как в этой базе.`,

  E_SENDER_BUSY: (p) =>
    p.pid === undefined
      ? "С этого компьютера уже отправляет другой ctdial."
      : `С этого компьютера уже отправляет другой ctdial (процесс ${p.pid}: ${p.command}, с ${p.since || "неизвестного времени"}).`,
  runSenderBusy: (p) =>
    p.pid === undefined
      ? "С этого компьютера уже отправляет другой ctdial"
      : `С этого компьютера уже отправляет другой ctdial (процесс ${p.pid}: ${p.command}, с ${p.since ? readableTime("ru", p.since) : "неизвестного времени"})`,
  runSenderWait: (p) =>
    `${p.busy}. Ждём, пока он закончит (Calltouch ограничивает частоту запросов на весь компьютер).`,

  SIGNAL: (p) =>
    p.while === "call-window"
      ? "Остановлено во время ожидания окна звонков."
      : p.while === "sender"
        ? "Остановлено во время ожидания, пока другой ctdial закончит отправку."
        : "Запуск прерван сигналом до отправки строки.",
  E_DAILY_LIMIT: (p) =>
    `Достигнут дневной лимит: ${ruCount(p.limit, ["принятая заявка", "принятые заявки", "принятых заявок"])} (сегодня принято ${ruNumber(p.used)}).`,
  E_CALL_WINDOW: (p) =>
    `Сейчас вне окна звонков (${p.from}–${p.to}, ${p.days.join(" ")}, ${p.zone}); оно откроется ${p.opensAt}.`,
  runCallWindowCli: (p) =>
    `Сейчас вне окна звонков (${p.from}–${p.to}, ${p.days.join(" ")}, ${p.zone}); оно откроется ${readableTime("ru", p.opensAt, { zone: p.zone })}.`,
  E_INPUT_MIDRUN: (p) =>
    `${p.inputMessage} Отправка остановлена на этом месте (отправлено строк: ${ruNumber(p.sent)}); уже отправленные строки не будут отправлены повторно.`,
  runInputMidrunCli: (p) =>
    `${p.input} Отправка остановлена на этом месте, ${p.sent === 0 ? "ни одна строка не отправлена" : `отправлено ${ruCount(p.sent, ["строка", "строки", "строк"])}`}. Исправьте файл и запустите ту же команду снова (уже отправленные строки не будут отправлены повторно).`,
  runStopWidgets: (p) =>
    `Calltouch отклонил ${ruNoun(p.keys.length, ["ключ виджета", "ключи виджетов", "ключи виджетов"])} ${p.keys.join(", ")}: ${p.message}`,
  runAdviceWidget: () => "Включите в Calltouch виджет с этим routeKey и запустите снова.",
  runAdvicePending: () => "Запустите ту же команду снова, чтобы отправить строки в статусе pending.",
  runAdviceDailyLimit: () => "Запустите ту же команду завтра или увеличьте dailyLimit в файле кампании.",
  runAdviceCallWindow: () =>
    "Запустите ту же команду, когда окно откроется, или уберите --no-wait, чтобы дождаться его.",
  runAdviceFixAbove: () => "Исправьте проблему, описанную выше, и запустите ту же команду снова.",
  runAdviceSenderBusy: () =>
    "Запустите снова, когда другой ctdial закончит, или уберите --no-wait, чтобы дождаться его.",
  runAdviceNothingSent: () => "Ничего не отправлено; запустите ту же команду снова.",
  runStopAdvice: (p) => STOP_ADVICE[p.which],
  runRowAdvice: (p) => ROW_ADVICE[p.which],
  runStopped: (p) =>
    p.code === undefined
      ? `Остановлено: ${p.message}`
      : `Остановлено: Calltouch ответил ${p.code}: ${p.message}`,

  runReportAnotherRun: (p) =>
    `${p.report} не тронут: эту кампанию сейчас отправляет ctdial (процесс ${p.pid}), он запишет отчёт, когда закончит.`,
  runReportFailed: (p) =>
    `${p.failure}; все результаты есть в журнале: \`ctdial validate\` с тем же файлом запишет отчёт заново.`,
  runReportCutShort: (p) =>
    `${p.report} не перезаписан, чтобы завершиться сразу; все результаты есть в журнале: \`ctdial validate\` с тем же файлом запишет отчёт заново, или это сделает следующий \`ctdial run\`.`,
  runReportLine: (p) => `Отчёт: ${p.text}`,
  runSinkName: (p) => (p.kind === "report" ? `отчёт ${p.where}` : `лист «${p.where}» таблицы`),
  runSinkFailure: (p) =>
    `Не удалось записать ${p.name} (${p.message}); отправка продолжается, все результаты сохраняются в журнале, и следующий запуск их запишет.`,
  runSinkFailureShort: (p) => `Не удалось записать ${p.name} (${p.message}); отправка продолжается.`,
  runHookError: (p) => `Не удалось записать строку лога: ${p.message}`,
  runWaitCallWindow: (p) => `Ждём окна звонков, откроется через ${countdown("ru", p.ms)}`,

  E_TOKEN_EMPTY: () => "Токен Calltouch пустой: задайте CALLTOUCH_TOKEN или CALLTOUCH_TOKEN_FILE.",
  E_TOKEN_CHARS: () =>
    "В токене Calltouch есть пробелы или символы, которые нельзя передать в заголовке HTTP: проверьте CALLTOUCH_TOKEN.",
  E_TOKEN_FILE_UNREADABLE: (p) =>
    `CALLTOUCH_TOKEN_FILE указывает на ${p.file}, но этот файл не читается: проверьте путь и права доступа.`,
  E_TOKEN_FILE_EMPTY: (p) =>
    `CALLTOUCH_TOKEN_FILE указывает на ${p.file}, но этот файл пустой: запишите в него токен (Access-Token).`,
  E_NO_TOKEN: (p) => {
    const places = ["в окружении", ...p.envFiles];
    const looked = `${places.slice(0, -1).join(", ")}${places.length > 1 ? " и " : ""}${places.at(-1)}`;
    return `Не задан CALLTOUCH_TOKEN (искали ${looked}). Скопируйте токен API из кабинета Calltouch (Интеграции → API и Webhooks → API) в CALLTOUCH_TOKEN или в файл .env рядом с вашим файлом, или добавьте --sandbox, чтобы попробовать без токена.`;
  },
  E_API_URL: (p) => `CALLTOUCH_API_URL — не адрес (URL): «${p.url}».`,
  E_API_URL_SCHEME: (p) =>
    `CALLTOUCH_API_URL должен начинаться с https:// или http://, а не с «${p.protocol}».`,
  E_ENV_FILE: (p) =>
    `Не удаётся прочитать ${p.path} (${p.reason}): исправьте права доступа или удалите файл.`,
  runEndpointSandbox: (p) => `встроенная песочница по адресу ${p.url} (в Calltouch ничего не уходит)`,
  runCleanupSandboxClient: () => "закрыть соединение со встроенной песочницей",
  runCleanupSandbox: () => "остановить встроенную песочницу",
  runCleanupCalltouch: () => "закрыть соединение с Calltouch",

  E_NO_SOURCE_KEY: (p) =>
    `В ${p.campaignFile} нет ключа source: добавьте source: clients.csv (файл с номерами для обзвона).`,
  E_SOURCE_MISSING: (p) => `Файл ${p.path} не найден: проверьте путь.`,

  E_SHEET_ON_CSV: (p) =>
    `--sheet ${p.sheet} называет лист файла XLSX, но ${p.file} — файл CSV, листов в нём нет: уберите --sheet или укажите файл .xlsx.`,
  E_CSV_OPTIONS_ON_XLSX: (p) =>
    `${p.options.join(" и ")} ${p.options.length === 1 ? "относится" : "относятся"} только к файлам CSV, а ${p.file} — файл XLSX: уберите ${p.options.join(" и ")} или укажите файл .csv.`,
  E_INCLUDE_UNKNOWN_ON_RUN: () =>
    "--include-unknown — опция ctdial retry: run никогда не отправляет повторно строки, ответ на которые потерян; чтобы отправить их снова, используйте ctdial retry --include-unknown.",
  runWarnRate: (p) =>
    `--rate ни на что не влияет в ${p.command}: эта команда ничего не отправляет; значение только проверено.`,
  runWarnNoWait: (p) =>
    `--no-wait ни на что не влияет в ${p.command}: эта команда ничего не отправляет и никогда не ждёт окна звонков.`,
  runWarnLogLevel: (p) =>
    `--log-level ни на что не влияет в ${p.command}: эта команда не ведёт лог; проблемы видны в сводке и в отчёте.`,

  E_SANDBOX_OPTIONS: () => "Настройки песочницы неверны:",
  runSandboxShare: (p) => `нужна доля от 0 до 1, а указано ${ruNumber(p.got)}`,
  runSandboxShares: (p) => `сумма ${ruNumber(p.total)} больше 1`,
  runSandboxWhole: (p) =>
    `нужно целое число не меньше ${p.least}, а указано ${typeof p.got === "number" ? ruNumber(p.got) : p.got}`,
  runSandboxLatencyMax: (p) => `нужно целое число не меньше latencyMs (${p.latency}), а указано ${p.got}`,
  runSandboxTokenEmpty: () => "токен не может быть пустым",
  runSandboxListening: (p) => `Песочница Calltouch слушает по адресу ${p.url}`,
  runSandboxTry: (p) =>
    `Попробуйте: CALLTOUCH_API_URL=${p.url} CALLTOUCH_TOKEN=sandbox ctdial run clients.csv`,
  runSandboxPressCtrlC: () => "Чтобы остановить, нажмите Ctrl+C.",
  runSandboxStopped: (p) => `Остановлено. Принято ${ruCount(p.accepted, ["заявка", "заявки", "заявок"])}.`,
  runCleanupSandboxServer: () => "остановить песочницу",
  runSandboxHelp: () => "запустить встроенный эмулятор Calltouch как сервер, чтобы пробовать интеграции",
  runSandboxHelpPort: () => "порт для приёма запросов (0 — любой свободный)",
  runSandboxHelpHost: () => "адрес для приёма запросов",
  runSandboxHelpRouteKey: () => "включённые ключи виджетов (по умолчанию любые)",
  runSandboxHelpToken: () => "принимаемые токены (по умолчанию любой непустой)",
  runSandboxHelpMinutes: () => "минуты обратного звонка на балансе; когда кончатся — ответ 10001",
  runSandboxHelpFailRate: () => "доля запросов, на которые ответ 500",
  runSandboxHelpHtmlRate: () => "доля запросов, на которые ответ — страница HTML с кодом 502",
  runSandboxHelpResetAfterRate: () =>
    "доля запросов, которые обрабатываются, но соединение рвётся без ответа",
  runSandboxHelpLatency: () => "задержка перед каждым ответом",
  runSandboxHelpSeed: () => "начальное значение случайных сбоев и задержек (по умолчанию 1)",
  runSandboxHelpMinInterval: () =>
    "наименьший промежуток между принятыми заявками на один номер; раньше — ответ 10007 (по умолчанию 60000)",
  runSandboxHelpPhoneDailyLimit: () =>
    "принятых заявок на один номер за любые 24 часа; сверх — ответ 10006 (по умолчанию 5)",
  runSandboxHelpQuiet: () => "не печатать строку на каждый запрос",

  runNoAnswer: () =>
    "Прошлый запуск остановился после отправки этой строки, но до получения ответа: обратный звонок мог быть создан (ctdial retry --include-unknown отправит её снова).",
};
