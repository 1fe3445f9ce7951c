import { readableTime, ruCount, ruNumber } from "../format.js";
import type { Translation } from "../messages.js";
import type { uiEn } from "./ui.en.js";

/** Русские слова области "ui": страница `ctdial watch --ui` и то, что о ней говорит командная строка. */
const at = (ms: number, zone?: string): string => readableTime("ru", ms, { zone });

const WAITS: Record<string, string> = {
  "daily-limit": "достигнут дневной лимит",
  "report-held": "отчёт открыт в другой программе",
  stopped: "запуск остановлен",
  "not-now": "сейчас запустить нельзя",
  unexpected: "непредвиденная ошибка",
  "finishing-failed": "ошибка при завершении",
};

export const uiRu: Translation<typeof uiEn> = {
  uiOptionHelp: () =>
    "пока служба работает, показывать страницу с её состоянием (и `/metrics` для мониторинга) по адресу [адрес:]порт (просто --ui: 127.0.0.1:8484)",
  uiListening: (p) => `страница: ${p.url} (состояние, пауза и продолжение; метрики: \`${p.url}metrics\`)`,
  uiPausedLog: (p) =>
    `пауза со страницы (${p.by}): запросы в пути завершатся, больше ничего не отправляется, пока отправку не продолжат там же`,
  uiResumedLog: (p) => `отправка продолжена со страницы (${p.by})`,
  uiHeldStatus: (p) =>
    `вся отправка приостановлена со страницы ctdial watch --ui (${p.by}); файлы остаются в папке, ничего не отправляется, пока там не нажмут «Продолжить»`,
  E_UI_ADDRESS: (p) => `--ui ждёт [адрес:]порт, например 127.0.0.1:8484 или 8484, а получено «${p.given}».`,
  E_UI_TOKEN_NEEDED: (p) =>
    `с --ui ${p.address} страница (с данными клиентов) будет видна не только на этом компьютере: сначала задайте в \`CTDIAL_UI_TOKEN\` придуманный вами секрет (страница спросит его один раз) или слушайте на 127.0.0.1.`,
  E_UI_LISTEN: (p) =>
    `не удалось открыть страницу на ${p.address} (${p.reason}): возможно, порт занят другой программой; укажите другой: --ui адрес:порт.`,

  uiPageTitle: (p) => `Папка ${p.where} — ctdial watch`,
  uiPageTitleSheet: (p) => `Таблица «${p.where}» — ctdial watch`,
  uiServiceHeading: () => "Служба",
  uiServiceSince: (p) => `Работает с ${at(p.since)}`,
  uiServiceEndpoint: (p) => `Отправляет в ${p.endpoint}`,
  uiServiceSandbox: (p) => `Отправляет во встроенную песочницу ${p.address}: в Calltouch ничего не уходит`,
  uiServiceStopped: (p) => `Остановлена в ${at(p.at)}; страница больше не обновляется.`,
  uiLockHeld: () =>
    "Блокировка отправки: у этой службы (другие ctdial на этом компьютере пока не отправляют).",
  uiLockFree: () => "Блокировка отправки: не занята (сейчас отправлять нечего).",
  uiLockSandbox: () => "Блокировка отправки: не нужна (у встроенной песочницы нет лимита на компьютер).",
  uiLockWaiting: (p) =>
    p.holder === undefined
      ? "Блокировка отправки: с этого компьютера отправляет другой ctdial; эта служба ждёт, пока он закончит."
      : `Блокировка отправки: у другого ctdial (${p.holder}); эта служба ждёт, пока он закончит.`,
  uiAccountPaused: (p) =>
    `Calltouch отклоняет все запросы: ${p.reason}. Ничего перезапускать не нужно: ctdial сам проверит снова ${at(p.nextCheck)}.`,
  uiAccountAdvice: (p) => `Что сделать: ${p.advice}`,
  uiHeldBanner: (p) =>
    `Вся отправка приостановлена с этой страницы с ${at(p.since)} (${p.by}). Файлы остаются в папке; чтобы продолжить, нажмите «Продолжить».`,
  uiPauseButton: () => "Приостановить отправку",
  uiResumeButton: () => "Продолжить",
  uiActionFailed: () => "Служба не приняла команду; обновите страницу и попробуйте ещё раз.",
  uiChartHeading: () => "Запросы, принятые Calltouch, по минутам за последний час",
  uiChartMax: (p) => `больше всего за минуту: ${ruNumber(p.count)}`,
  uiChartAgo: () => "час назад",
  uiChartNow: () => "сейчас",
  uiChartTotal: (p) => `${ruCount(p.count, ["запрос", "запроса", "запросов"])} за последний час`,
  uiLive: () => "Страница обновляется сама.",
  uiReconnecting: () => "Связь со службой потеряна; подключаемся снова…",
  uiNoCampaigns: (p) =>
    `Кампаний пока нет: положите в папку файл (${p.kinds}), и его строки будут обзвонены.`,

  uiCampaignsHeading: () => "Кампании",
  uiStateQueued: () => "Ждёт запуска",
  uiStateDialing: () => "Идёт обзвон",
  uiStateCallWindow: (p) => `Ждёт окна звонков, оно откроется ${at(p.opensAt, p.zone)}`,
  uiStatePaused: () => "На паузе вместе со всей отправкой",
  uiStateAccountPaused: (p) => `Пауза: Calltouch отклоняет запросы; проверка снова ${at(p.nextCheck)}`,
  uiStateWaits: (p) => {
    const why = WAITS[p.why];
    const then = p.until === undefined ? "" : `; продолжит ${at(p.until, p.zone)}`;
    return `Ждёт${why === undefined ? "" : `: ${why}`}${then}`;
  },
  uiStateNextLook: (p) =>
    p.at === undefined ? "Ждёт следующей проверки таблицы" : `Следующая проверка таблицы ${at(p.at)}`,
  uiStateLeaving: (p) => `Готово; переносится в папку ${p.folder}/`,
  uiStateDone: (p) => `Готово: ${at(p.at)}`,
  uiStateFailed: (p) => `Не удалось: ${p.note}`,
  uiStateStopped: () => "Остановлена вместе со службой",
  uiProgress: (p) => `обработано ${ruNumber(p.done)} из ${ruCount(p.known, ["строки", "строк", "строк"])}`,
  uiRate: (p) => `сейчас ${ruCount(p.perMinute, ["строка", "строки", "строк"])} в минуту`,
  uiRateNone: () => "за последнюю минуту ни одна строка не обработана",
  uiEta: (p) => `закончит примерно ${at(p.at)}`,
  uiProblemsHeading: () => "Последние ошибки",
  uiProblem: (p) =>
    p.column === undefined
      ? `строка ${p.row}: ${p.text}`
      : `строка ${p.row}, столбец «${p.column}»: ${p.text}`,
  uiReportLink: () => "Скачать отчёт",

  uiTokenHeading: () => "Для этой страницы нужен токен",
  uiTokenExplain: () =>
    "ctdial запущен с `CTDIAL_UI_TOKEN`, потому что страница открыта не только на этом компьютере: введите этот токен (он спрашивается один раз и запоминается браузером).",
  uiTokenButton: () => "Открыть страницу",
  uiTokenWrong: () => "Это не тот токен; попробуйте ещё раз.",
};
