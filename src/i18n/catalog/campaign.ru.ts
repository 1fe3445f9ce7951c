import { ruCount, ruNumber } from "../format.js";
import type { Translation } from "../messages.js";
import type { campaignEn } from "./campaign.en.js";

/** Показанное значение (describe-value.ts) словами: «быстро», 5, список, ... */
export function gotRu(shown: string): string {
  switch (shown) {
    case "~nothing":
      return "ничего";
    case "~empty":
      return "пустое значение";
    case "~list":
      return "список";
    case "~emptyList":
      return "пустой список";
    case "~group":
      return "группа ключей";
    default:
      if (shown.startsWith("~date:")) return `дата ${shown.slice(6)}`;
      if (shown.startsWith("~other:")) return shown.slice(7);
      return quotedRu(shown);
  }
}

/** Текст пользователя в «ёлочках»: `"9 утра"` -> «9 утра»; числа и true/false как есть. */
function quotedRu(shown: string): string {
  if (!shown.startsWith('"')) return shown;
  try {
    return `«${JSON.parse(shown) as string}»`;
  } catch {
    return shown;
  }
}

/** «а указано «9 утра»», «а указан список»: продолжение фразы «нужно указать ...». */
function butRu(shown: string): string {
  switch (shown) {
    case "~list":
    case "~emptyList":
      return `а указан ${gotRu(shown)}`;
    case "~group":
      return "а указана группа ключей";
    case "~nothing":
      return "а ничего не указано";
    default:
      if (shown.startsWith("~date:")) return `а указана ${gotRu(shown)}`;
      return `а указано ${gotRu(shown)}`;
  }
}

/** Что нужно указать (винительный падеж: «нужно указать ...»). */
const EXPECTED_RU: Readonly<Record<string, string>> = {
  text: "текст",
  number: "число",
  int: "целое число",
  boolean: "true или false",
  array: "список",
  object: "группу ключей",
  null: "пустое значение",
  header: "заголовок столбца (текст)",
  fieldName: "имя поля (текст)",
  time: "время вида 09:00",
  timeZone: "часовой пояс IANA, например Europe/Moscow",
  tag: "метку (текст)",
  tags: "список меток",
  sourceName: "имя файла или ссылку на Google Sheets",
  tabName: "имя листа (текст)",
  fileName: "имя файла",
  fileNames: "имя файла или список имён файлов",
  other: "значение другого вида",
};

function expectedRu(expected: readonly string[], keys: readonly string[] | undefined): string {
  const names = expected.map((token) => EXPECTED_RU[token] ?? token).join(" или ");
  if (keys === undefined || keys.length === 0) return names;
  return `${names} (${keys.length > 4 ? `${keys.slice(0, 4).join(", ")}, …` : keys.join(", ")})`;
}

/** Откуда кампания: имя файла, или `~commandLine` / `~defaults`. */
function originRu(origin: string): string {
  return origin === "~commandLine"
    ? "Параметры командной строки"
    : origin === "~defaults"
      ? "Настройки по умолчанию"
      : origin;
}

const inName = (text: string, p: { name?: string }): string =>
  p.name === undefined ? text : `${text} (имя ${gotRu(p.name)})`;

function headerListRu(p: { headers: readonly string[]; more: number }): string {
  if (p.headers.length === 0) return "ни одного столбца с названием";
  return p.more > 0 ? `${p.headers.join(", ")} и ещё ${p.more}` : p.headers.join(", ");
}

const namedInRu = (p: { namedIn?: string }): string =>
  p.namedIn === undefined ? "" : ` (указан в ${p.namedIn})`;

/** Русские слова области "campaign": те же ключи и параметры, что в campaign.en.ts. */
export const campaignRu: Translation<typeof campaignEn> = {
  E_CAMPAIGN_FILE_MISSING: (p) =>
    p.explicit === true
      ? `Файла кампании ${p.file} нет; проверьте путь в --campaign.`
      : `Файла кампании ${p.file} нет.`,
  E_CAMPAIGN_FILE_FOLDER: (p) =>
    p.explicit === true
      ? `${p.file} — это папка, а не файл кампании.`
      : `Файл кампании ${p.file} — это папка.`,
  E_CAMPAIGN_FILE_UNREADABLE: (p) => `Не удалось прочитать файл кампании ${p.file} (${p.errno}).`,
  E_CAMPAIGN_FILES_BOTH: (p) =>
    `В папке ${p.folder} есть сразу ${p.files.join(" и ")}; оставьте один или укажите нужный через --campaign ФАЙЛ.`,
  E_CAMPAIGN_NOT_KEYS: (p) =>
    `${originRu(p.origin)}: здесь должны быть ключи, например routeKey: и mapping:, ${butRu(p.got)}.`,
  E_CAMPAIGN_INVALID: (p) =>
    `${originRu(p.origin)}: ${p.count === 1 ? "найдена 1 ошибка" : `найдено ${ruCount(p.count, ["ошибка", "ошибки", "ошибок"])}`}:`,
  E_CAMPAIGN_NO_SOURCE: (p) =>
    `В ${p.file} нет ключа source; добавьте source: clients.csv (файл с номерами для обзвона).`,
  E_CAMPAIGN_YAML: (p) => `${p.where}: это не YAML: ${p.detail}`,
  E_CAMPAIGN_JSON: (p) => `${p.where}: это не JSON: ${p.detail}`,
  E_CAMPAIGN_YAML_INDENT: (p) => {
    if (p.tab === true) {
      return `${p.where}: в начале строки табуляция, а YAML допускает только пробелы; замените табуляцию пробелами, столько же, сколько в строках выше.`;
    }
    const fix =
      p.parent === undefined
        ? "ключи верхнего уровня пишутся с начала строки, без пробелов перед ними"
        : `ключи внутри ${p.parent}: сдвигайте на одинаковое число пробелов (без табуляции)`;
    return `${p.where}: отступ этой строки не совпадает со строками выше; ${fix}.`;
  },
  E_DURATION_INVALID: (p) => `Нужен срок вида 24h, 30m или 7d, ${butRu(p.got)}`,
  E_DURATION_TOO_LONG: (p) => `Срок ${gotRu(p.got)} слишком большой`,

  campaignIssueType: (p) =>
    inName(
      p.got === undefined
        ? `ключ обязателен: нужно указать ${expectedRu(p.expected, p.keys)}`
        : `нужно указать ${expectedRu(p.expected, p.keys)}, ${butRu(p.got)}`,
      p,
    ),
  campaignIssueEmpty: (p) =>
    inName(
      p.what === "header"
        ? "заголовок столбца не может быть пустым"
        : p.what === "fieldName"
          ? "имя поля не может быть пустым"
          : p.what === "tag"
            ? "метка не может быть пустой"
            : "не может быть пустым",
      p,
    ),
  campaignIssueEmptyList: (p) => inName("список не может быть пустым", p),
  campaignIssueTooSmall: (p) =>
    inName(
      p.origin === "string"
        ? `нужно не меньше ${ruCount(p.min, ["символа", "символов", "символов"])}, ${butRu(p.got)}`
        : p.origin === "array"
          ? `нужно не меньше ${ruCount(p.min, ["элемента", "элементов", "элементов"])}, а указано ${gotRu(p.got)}`
          : p.inclusive
            ? `нужно не меньше ${p.min}, ${butRu(p.got)}`
            : `нужно число больше ${p.min}, ${butRu(p.got)}`,
      p,
    ),
  campaignIssueTooBig: (p) =>
    inName(
      p.origin === "string"
        ? `нужно не больше ${ruCount(p.max, ["символа", "символов", "символов"])}, а указано ${gotRu(p.got)}`
        : p.origin === "array"
          ? `нужно не больше ${ruCount(p.max, ["элемента", "элементов", "элементов"])}, а указано ${gotRu(p.got)}`
          : p.inclusive
            ? `нужно не больше ${p.max}, ${butRu(p.got)}`
            : `нужно число меньше ${p.max}, ${butRu(p.got)}`,
      p,
    ),
  campaignIssueOneOf: (p) => {
    const expected = p.values.length === 1 ? p.values[0] : `одно из: ${p.values.join(", ")}`;
    const base = `нужно ${expected}, ${butRu(p.got)}`;
    return inName(p.guess === undefined ? base : `${base} (может быть, имелось в виду ${p.guess}?)`, p);
  },
  campaignIssueFormat: (p) => inName(`неверный вид значения, ${butRu(p.got)}`, p),
  campaignIssueMultipleOf: (p) => inName(`нужно число, кратное ${p.divisor}, ${butRu(p.got)}`, p),
  campaignIssueBadName: (p) => inName("недопустимое имя", p),
  campaignIssueInvalid: (p) => inName(`недопустимое значение: ${gotRu(p.got)}`, p),
  campaignIssueTime: (p) => inName(`нужно время вида 09:00, ${butRu(p.got)}`, p),
  campaignIssueTimeZone: (p) => inName(`нужен часовой пояс IANA, например Europe/Moscow, ${butRu(p.got)}`, p),
  campaignIssueDuration: (p) =>
    inName(`нужен срок вида 24h, 30m или 7d (или 0, чтобы отключить), ${butRu(p.got)}`, p),
  campaignIssueTooManyFields: (p) =>
    inName(
      `Calltouch принимает не больше ${ruCount(p.max, ["поля", "полей", "полей"])}, а указано ${p.count}`,
      p,
    ),
  campaignIssueTooManyTags: (p) =>
    inName(
      `Calltouch принимает не больше ${ruCount(p.max, ["метки", "меток", "меток"])}, а указано ${p.count}`,
      p,
    ),
  campaignIssueRate: (p) =>
    inName(
      `Calltouch принимает не больше ${ruCount(p.max, ["запроса", "запросов", "запросов"])} в секунду, ${butRu(p.got)}`,
      p,
    ),
  campaignIssueWindowOrder: (p) => inName(`from (${p.from}) должно быть раньше, чем to (${p.to})`, p),
  campaignIssueUnknownKeys: (p) =>
    inName(`${p.keys.length === 1 ? "неизвестный ключ" : "неизвестные ключи"} ${p.keys.join(", ")}`, p),
  campaignUnknownKeySwapped: (p) =>
    `неизвестный ключ (может быть, имелось в виду ${p.field}: ${p.key}? сначала пишется поле Calltouch, потом ваш столбец)`,
  campaignUnknownKeyGuess: (p) => `неизвестный ключ (может быть, имелось в виду ${p.guesses.join(" или ")}?)`,
  campaignUnknownKeyAllowed: (p) => {
    const listed = `здесь можно: ${p.allowed.join(", ")}`;
    return p.fieldsUnder === undefined
      ? `неизвестный ключ; ${listed}`
      : `неизвестный ключ; ${listed}. Другие имена пишутся внутри ${p.fieldsUnder}`;
  },

  campaignHeaderList: (p) => headerListRu(p),
  campaignNoPhoneColumn: (p) =>
    `не найден столбец с телефоном; в файле есть: ${headerListRu(p)}. ${
      p.remedy === "init"
        ? "Назовите столбец с телефоном «Телефон» и запустите ctdial init ещё раз"
        : "Назовите столбец с телефоном «Телефон» или укажите mapping.phone"
    }`,
  E_NO_PHONE_COLUMN: (p) =>
    `${p.source}: не найден столбец с телефоном; в файле есть: ${headerListRu(p)}. Назовите столбец с телефоном «Телефон» и запустите ctdial init ещё раз.`,
  campaignColumnsAmbiguous: (p) =>
    `столбцы ${p.columns.join(", ")} подходят как ${p.field}; укажите в mapping.${p.field} тот, который нужен`,
  campaignTooManyFields: (p) =>
    `Отправить как поля пришлось бы ${ruCount(p.columns.length, ["столбец", "столбца", "столбцов"])}, а Calltouch принимает не больше ${p.max}: ` +
    `${p.columns.join(", ")}. Перечислите нужные в mapping.fields файла кампании ` +
    "(его создаст ctdial init <источник>)",
  campaignColumnNameTooLong: (p) => `у столбца «${p.start}…» название длиннее 255 символов; переименуйте его`,
  E_CANNOT_AUTO_MAP: () => "Не удалось сопоставить столбцы по их названиям:",
  campaignWarnDateColumn: (p) =>
    `столбец ${p.column} похож на даты или время, но отправляется как обычное поле, поэтому невозможная дата вроде 31.02 не будет замечена; если в нём время звонка, укажите mapping.scheduleTime: ${p.column}`,
  campaignWarnTagColumn: (p) =>
    `столбец ${p.column} похож на метки, но отправляется одним обычным полем; чтобы отправить их как метки, укажите mapping.tags: ${p.column}`,

  campaignInitRecognised: (p) => `Распознаны: ${p.pairs.join(", ")}`,
  campaignInitPhoneGuess: (p) =>
    `Столбец с телефоном не распознан: предполагаем ${p.column}; проверьте mapping.phone.`,
  campaignInitAsFields: (p) => `Пойдут как поля: ${p.columns.join(", ")}`,
  campaignInitNotUsed: (p) => `Не используется: ${p.column} (${p.field} уже берётся из другого столбца)`,
  campaignInitNotSent: (p) =>
    `Не отправляются (Calltouch принимает не больше ${ruCount(p.max, ["поля", "полей", "полей"])}): ${p.columns.join(", ")}`,

  campaignYamlHeader: (p) =>
    `Кампания ctdial для ${p.source}: её предложил ctdial init по заголовкам столбцов.`,
  campaignYamlCheck: () => "Проверьте сопоставление, укажите routeKey и попробуйте без отправки:",
  campaignYamlRouteKey: () =>
    "Ключ виджета Calltouch «Форма на сайте», который принимает заявки (от 1 до 255 символов).",
  campaignYamlRouteKeyElse: () =>
    "Или передайте его через --route-key КЛЮЧ или переменную окружения CALLTOUCH_ROUTE_KEY.",
  campaignYamlMapping: (p) =>
    `Поле Calltouch -> столбец ${p.source} (без учёта пробелов по краям и регистра).`,
  campaignYamlPhoneGuess: () =>
    "ДОГАДКА: ни один столбец не назван как телефон (Телефон, Номер телефона, phone); проверьте эту строку.",
  campaignYamlAlsoField: (p) => `тоже похож на ${p.field}; использовать можно только один столбец`,
  campaignYamlFields: () => "до 5 полей, видны в карточке клиента: имя поля -> столбец",
  campaignYamlFieldsLeftOut: (p) =>
    `Calltouch принимает не больше ${ruCount(p.max, ["поля", "полей", "полей"])}; чтобы отправить одно из этих, поменяйте его местами со строкой выше:`,
  campaignYamlOptional: () => "Необязательные правила: чтобы включить блок, уберите «# » в начале его строк.",
  campaignYamlExclude: () => "файлы с телефонами, по которым не звонить",
  campaignYamlCallWindow: () => "когда можно отправлять заявки",
  campaignYamlDailyLimit: () => "наибольшее число принятых заявок в день (бюджет баллов Calltouch)",
  campaignYamlDedupe: () =>
    "пропускать телефон, по которому любая кампания на этом компьютере звонила за это время (0 — не пропускать)",
  campaignYamlDefaults: () => "берутся, где ячейка строки пуста; метки добавляются к меткам строки",
  campaignYamlTimezone: () => "в каком поясе читать время звонка, записанное без смещения",
  campaignYamlCalltouchTimezone: () => "часовой пояс проекта Calltouch (по умолчанию Europe/Moscow)",
  campaignYamlPastScheduleTime: () =>
    "время звонка уже прошло к началу запуска: skip — пропустить, call-now — звонить сразу",
  campaignYamlRate: () => "запросов в секунду, не больше 5 (по умолчанию 5)",

  E_EXCLUDE_TOO_MANY: (p) =>
    `Можно использовать не больше ${ruCount(p.max, ["файла", "файлов", "файлов"])} исключений сразу, а указано ${ruNumber(p.count)}${namedInRu(p)}.`,
  E_EXCLUDE_KIND: (p) =>
    `Файл исключений ${p.file} — не файл CSV, TXT или XLSX${namedInRu(p)}; сохраните телефоны в одном из этих форматов.`,
  E_EXCLUDE_FOLDER: (p) => `Файл исключений ${p.file} — это папка, а не файл${namedInRu(p)}.`,
  E_EXCLUDE_MISSING: (p) => `Файла исключений ${p.file} нет${namedInRu(p)}.`,
  E_EXCLUDE_NO_PHONE_COLUMN: (p) =>
    `В файле исключений ${p.file} нет столбца с телефонами${namedInRu(p)}: в нём столбцы ${p.columns.join(", ")}; ` +
    "назовите столбец с телефонами «Телефон» или оставьте в файле только телефоны.",
  campaignExcludedBy: (p) => `в списке исключений ${p.file}`,
};
