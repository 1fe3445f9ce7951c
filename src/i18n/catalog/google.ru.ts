import { ruCount, ruNoun, ruNumber } from "../format.js";
import type { Translation } from "../messages.js";
import type { CredentialsFrom, googleEn, SheetsWho } from "./google.en.js";

/**
 * Русские слова области "google": те же ключи и параметры, что в google.en.ts. Меню консоли Google
 * Cloud и кнопки Google Таблиц названы так, как они подписаны в русском интерфейсе; сообщения
 * самого Google приводятся дословно.
 */

/** Кому нужен доступ к таблице: для кого (родительный падеж). */
function whomRu(p: SheetsWho): string {
  if (p.email !== undefined) return `сервисного аккаунта ${p.email}`;
  switch (p.account) {
    case "token":
      return "аккаунта Google, которому принадлежит GOOGLE_SHEETS_ACCESS_TOKEN";
    case "signed-in":
      return "аккаунта Google, с которым вы вошли (gcloud auth application-default login)";
    default:
      return "сервисного аккаунта этого сервера";
  }
}

/** Запятая, закрывающая придаточное в названии аккаунта («…, которому принадлежит X,»). */
function closeRu(p: SheetsWho): string {
  return p.email === undefined && (p.account === "token" || p.account === "signed-in") ? "," : "";
}

/** То же в начале предложения (именительный падеж). */
function subjectRu(p: SheetsWho): string {
  if (p.email !== undefined) return `Сервисный аккаунт ${p.email}`;
  switch (p.account) {
    case "token":
      return "Аккаунт Google, которому принадлежит GOOGLE_SHEETS_ACCESS_TOKEN,";
    case "signed-in":
      return "Аккаунт Google, с которым вы вошли (gcloud auth application-default login),";
    default:
      return "Сервисный аккаунт этого сервера";
  }
}

/** Как выдать доступ на редактирование в Google Таблицах. */
function shareRu(p: SheetsWho): string {
  return p.email !== undefined
    ? `Откройте таблицу в Google Sheets, нажмите «Настройки доступа» (в старом интерфейсе «Открыть доступ»), вставьте адрес ${p.email}, выберите роль «Редактор» и нажмите «Отправить»`
    : "Откройте доступ к таблице для этого аккаунта с ролью «Редактор» (кнопка «Настройки доступа» в Google Sheets)";
}

const NEW_KEY =
  "консоль Google Cloud → «IAM и администрирование» → «Сервисные аккаунты» → ваш аккаунт → вкладка «Ключи» → «Добавить ключ» → «Создать новый ключ» → JSON → «Создать»";

function namedRu(from: CredentialsFrom, path: string): string {
  return from === "env"
    ? `В GOOGLE_APPLICATION_CREDENTIALS указан файл ${path}`
    : `Сохранённые учётные данные gcloud указывают на файл ${path}`;
}

const quotedList = (items: readonly string[]): string => items.map((t) => `«${t}»`).join(", ");

export const googleRu: Translation<typeof googleEn> = {
  E_SHEETS_SIGNIN_EXPIRED: (p) =>
    `Сохранённый вход в Google${p.file === undefined ? "" : ` (${p.file})`} истёк или был отозван. Войдите снова командой gcloud auth application-default login (или создайте ключ сервисного аккаунта и укажите путь к нему в GOOGLE_APPLICATION_CREDENTIALS) и запустите команду ещё раз.`,
  E_SHEETS_KEY_UNUSABLE: (p) =>
    `Закрытым ключом из ${p.file === undefined ? "файла ключа сервисного аккаунта" : `файла ${p.file}`} нельзя подписать запрос (${p.reason ?? "ключ не читается"}). Создайте новый ключ для ${p.email} (${NEW_KEY}), укажите путь к скачанному файлу в GOOGLE_APPLICATION_CREDENTIALS и запустите команду ещё раз.`,
  E_SHEETS_UNREACHABLE: (p) =>
    `Не удалось связаться с Google Sheets (${p.reason ?? "нет ответа"}). Проверьте подключение к интернету (и GOOGLE_SHEETS_API_URL, если вы его задавали) и запустите команду ещё раз.`,
  E_SHEETS_UNAUTHENTICATED: (p) =>
    `Google отклонил учётные данные для таблицы ${p.spreadsheetId}: срок их действия истёк или доступ отозван. Создайте новый ключ (${NEW_KEY}) или новый токен и запустите команду ещё раз.`,
  E_SHEETS_VIEW_ONLY: (p) =>
    `${subjectRu(p)} может только просматривать таблицу ${p.spreadsheetId}, а ctdial записывает в неё результат каждой строки. ${shareRu(p)}. Либо передайте --report ФАЙЛ, чтобы записать результаты в файл на этом компьютере.`,
  E_SHEETS_FORBIDDEN: (p) =>
    `У ${whomRu(p)}${closeRu(p)} нет доступа к таблице ${p.spreadsheetId}. ${shareRu(p)}, затем запустите команду ещё раз.`,
  E_SHEETS_NOT_FOUND: (p) =>
    `Таблица ${p.spreadsheetId} не найдена: в ссылке опечатка или файл удалён. Скопируйте ссылку ещё раз из адресной строки браузера.`,
  E_SHEETS_NOT_CONVERTED: (p) =>
    `Таблица ${p.spreadsheetId} — это файл Excel на Google Диске, а Google Sheets API такие файлы не читает. Откройте его в Google Sheets, выберите «Файл» → «Сохранить как Google Таблицу» и возьмите ссылку на новую таблицу.`,
  E_SHEETS_QUOTA: (p) =>
    `Google Sheets раз за разом отклонял запросы к таблице ${p.spreadsheetId}: превышена квота запросов в минуту. Подождите несколько минут и запустите команду ещё раз (ничего не потеряно).`,
  E_SHEETS_API: (p) =>
    `Google Sheets ответил ${p.httpStatus}${p.status === undefined ? "" : ` ${p.status}`} для таблицы ${p.spreadsheetId}: ${p.message ?? "без пояснений"}`,
  E_SHEETS_NO_TAB: (p) => {
    const wanted =
      p.title !== undefined
        ? `нет листа «${p.title}»`
        : p.gid !== undefined
          ? `нет листа с gid=${p.gid}`
          : "нет ни одного листа";
    return p.tabs.length === 0
      ? `В таблице «${p.spreadsheetTitle}» ${wanted}.`
      : `В таблице «${p.spreadsheetTitle}» ${wanted}; её листы: ${quotedList(p.tabs)}.`;
  },
  E_SHEETS_NO_CREDENTIALS: () =>
    "Не найдены учётные данные Google для чтения таблицы. Создайте ключ сервисного аккаунта (подробно — в README.ru.md, раздел «Google Таблицы шаг за шагом»): в консоли Google Cloud включите Google Sheets API («API и сервисы» → «Библиотека» → Google Sheets API → «Включить»), создайте сервисный аккаунт («API и сервисы» → «Учетные данные» → «Создать учетные данные» → «Сервисный аккаунт»), затем в «IAM и администрирование» → «Сервисные аккаунты» откройте его и на вкладке «Ключи» выберите «Добавить ключ» → «Создать новый ключ» → JSON → «Создать». Укажите путь к скачанному JSON-файлу в GOOGLE_APPLICATION_CREDENTIALS или задайте GOOGLE_SHEETS_ACCESS_TOKEN.",
  E_SHEETS_CREDENTIALS_FILE: (p) => {
    const named = namedRu(p.from, p.path);
    switch (p.problem) {
      case "missing":
        return `${named}, но такого файла нет. Скачайте JSON-ключ сервисного аккаунта ещё раз (${NEW_KEY}) и укажите путь к нему в GOOGLE_APPLICATION_CREDENTIALS.`;
      case "not-json":
        return `${named}, но это не JSON-файл учётных данных Google. Скачайте JSON-ключ сервисного аккаунта ещё раз (${NEW_KEY}) и укажите путь к нему в GOOGLE_APPLICATION_CREDENTIALS.`;
      case "incomplete": {
        const fields = (p.fields ?? []).map((f) => `«${f}»`).join(" и ");
        const what =
          p.type === "service_account"
            ? `JSON-ключ сервисного аккаунта ещё раз (${NEW_KEY})`
            : "учётные данные ещё раз";
        return `${named} с типом ${p.type}, но в нём нет ${ruNoun((p.fields ?? []).length, ["поля", "полей", "полей"])} ${fields}: файл неполный (обрезан при копировании или набран вручную). Скачайте ${what} и укажите в GOOGLE_APPLICATION_CREDENTIALS путь к целому файлу.`;
      }
      default:
        return `${named} с учётными данными ${p.type === undefined ? "неизвестного типа" : `типа «${p.type}»`}, а ctdial такие не использует. Создайте вместо него ключ сервисного аккаунта (тип service_account): ${NEW_KEY}.`;
    }
  },
  E_SHEETS_URL: (p) => {
    switch (p.problem) {
      case "published":
        return `${p.text} — это ссылка «Опубликовать в интернете», она не ведёт к самой таблице. Откройте таблицу и скопируйте ссылку из адресной строки браузера.`;
      case "gid":
        return `В ссылке ${p.text} указан gid=${p.gid ?? ""}, а это не номер листа. Скопируйте ссылку из браузера ещё раз.`;
      default:
        return `${p.text} — не ссылка на Google Sheets. Откройте таблицу и скопируйте ссылку из адресной строки браузера (https://docs.google.com/spreadsheets/d/.../edit).`;
    }
  },
  E_WATCH_TARGET: (p) =>
    `${p.target} — не ссылка на таблицу Google. ctdial watch следит за таблицей по её ссылке.`,
  googleErrorMessage: (p) => `ошибка: ${p.message}`,
  googleWriteNotPlaced: (p) => {
    const one = p.count === 1;
    const written = ruNoun(p.count, ["не записан", "не записаны", "не записано"]);
    return `${ruCount(p.count, ["результат", "результата", "результатов"])} ${written} в таблицу: ${one ? "его строку" : "их строки"} изменили или удалили, пока шла отправка. Следующий запуск запишет ${one ? "его" : "их"}.`;
  },
  googleWriteDeferred: (p) =>
    `Результаты пока не записаны в таблицу; новая попытка через ${ruNumber(p.retryInSeconds)} с. Причина: ${p.reason}`,
  googleWatchConfirm: (p) =>
    `Звонить по каждой новой строке «${p.spreadsheet}» / «${p.tab}» через ${p.endpoint}, пока вы не остановите наблюдение?`,
  googleWatchStopping: () =>
    "Остановка: начатые запросы завершатся, результаты запишутся в таблицу, затем наблюдение закончится",
  googleWatchStarted: () => "наблюдение за таблицей началось",
  googleWatchNewRowsSent: () => "отправлены новые строки",
  googleWatchGoesOn: (p) =>
    `${p.reason} (наблюдение продолжается; следующая проверка через ${ruNumber(p.seconds)} с)`,
  googleCleanupSignals: () => "перестать ждать Ctrl+C",
  googleCleanupConnection: () => "закрыть соединение",
  googleCleanupLog: () => "дописать журнал",
};
