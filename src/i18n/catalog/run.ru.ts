import { countdown, readableTime, ruCount, ruNoun, ruNumber } from "../format.js";
import type { Translation } from "../messages.js";
import type { runEn } from "./run.en.js";

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
  runSinkFailure: (p) =>
    `Не удалось записать ${p.name} (${p.message}); отправка продолжается, все результаты сохраняются в журнале, и следующий запуск их запишет.`,
  runSinkFailureShort: (p) => `Не удалось записать ${p.name} (${p.message}); отправка продолжается.`,
  runHookError: (p) => `Не удалось записать строку лога: ${p.message}`,
  runWaitCallWindow: (p) => `Ждём окна звонков, откроется через ${countdown("ru", p.ms)}`,
};
