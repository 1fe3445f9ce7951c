import { ruCount, ruNumber } from "../format.js";
import type { Translation } from "../messages.js";
import { type GridPlace, type SameNames, sameNameGroups, type sourcesEn } from "./sources.en.js";

/** Русские слова области "sources": те же ключи и параметры, что в sources.en.ts. */

const COLUMNS = ["столбец", "столбца", "столбцов"] as const;
const CHARS = ["символ", "символа", "символов"] as const;

/** «2 и 5», «2, 5 и 7». */
function andList(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(", ")} и ${items.at(-1)}`;
}

/** «2 столбца с одним названием «Телефон» (столбцы B и E)». */
function sameNamesRu(group: SameNames): string {
  const count = ruCount(group.columns.length, COLUMNS);
  const named =
    group.names.length === 1
      ? `с одним названием «${group.names[0]}»`
      : `с названиями ${andList(group.names.map((name) => `«${name}»`))}, которые считаются одинаковыми (регистр, пробелы и ё/е не различаются)`;
  return `${count} ${named} (столбцы ${andList(group.columns)})`;
}

function placeRu(p: GridPlace): string {
  if ("where" in p) return p.where;
  if ("spreadsheet" in p) return `Лист «${p.tab}» таблицы «${p.spreadsheet}»`;
  return `${p.file}, лист «${p.sheet}»`;
}

const REPORT_WRITE_REASONS: Readonly<Record<string, string>> = {
  ENOENT: "его папки не существует",
  ENOTDIR: "часть пути — это файл, а не папка",
  EISDIR: "это папка",
  EACCES: "нет доступа (закройте файл, если он открыт в Excel или другой программе для таблиц)",
  EPERM: "нет доступа (закройте файл, если он открыт в Excel или другой программе для таблиц)",
  EROFS: "диск доступен только для чтения",
  ENOSPC: "диск заполнен",
  EDQUOT: "исчерпана дисковая квота",
  EBUSY: "файл открыт в другой программе",
};

export const sourcesRu: Translation<typeof sourcesEn> = {
  E_INPUT_ENCODING: (p) =>
    "encoding" in p
      ? `Неизвестная кодировка «${p.encoding}»; укажите, например, \`utf-8\`, \`windows-1251\`, \`utf-16le\`, \`utf-16be\` или \`koi8-r\`.`
      : `${p.file}, строка ${p.line}: эта строка не в кодировке UTF-8, хотя строки выше — в ней; в файле смешаны кодировки. Сохраните файл заново в UTF-8 (или укажите его кодировку через --encoding).`,
  E_INPUT_QUOTE: (p) =>
    p.limit === undefined
      ? `${p.file}, строка ${p.line}: открытая здесь кавычка (") нигде не закрыта; закройте её или удалите.`
      : `${p.file}, строка ${p.line}: ячейка, которая начинается здесь, длиннее, чем ${ruCount(p.limit, CHARS)}; скорее всего, открытая здесь кавычка (") нигде не закрыта.`,
  E_INPUT_CSV: (p) => `${p.file}, строка ${p.line}: эту строку не удаётся прочитать как CSV (${p.reason}).`,
  E_INPUT_COLUMNS: (p) =>
    p.columns === undefined
      ? `${p.file}, строка ${p.line}: в ней столбцов больше, чем ${ruNumber(p.limit)}, — столько не помещается ни в одну таблицу; проверьте, тот ли это файл и верно ли определён разделитель (его можно указать через --delimiter).`
      : `${p.file}, строка ${p.line}: в ней ${ruCount(p.columns, COLUMNS)}, а в таблице помещается не больше ${ruNumber(p.limit)}; проверьте, тот ли это файл и верно ли определён разделитель (его можно указать через --delimiter).`,
  E_INPUT_LINE: (p) =>
    `${p.file}, строка ${p.line} длиннее, чем ${ruCount(p.limit, CHARS)}, — таких строк в клиентской базе не бывает; проверьте, тот ли это файл и разделены ли его строки переводами строки.`,
  E_INPUT_READ: (p) => {
    const reason =
      p.reason === "missing"
        ? "такого файла нет"
        : p.reason === "denied"
          ? "нет доступа"
          : p.reason === "folder"
            ? "это папка, а не файл"
            : (p.detail ?? "");
    return `Не удаётся прочитать файл ${p.file}: ${reason}.`;
  },
  E_INPUT_OPEN: (p) =>
    p.reason === "missing"
      ? `Файл ${p.file} не найден; проверьте путь.`
      : p.reason === "folder"
        ? `${p.file} — это папка, а не файл .xlsx.`
        : p.reason === "denied"
          ? `Файл ${p.file} не открывается: нет доступа.`
          : `Не удаётся прочитать файл ${p.file} (${p.detail ?? ""}).`,
  E_INPUT_BINARY: (p) => {
    switch (p.kind) {
      case "xlsx":
        return `Файл ${p.file} похож на файл Excel (.xlsx), а не на текст CSV; переименуйте его в .xlsx или откройте в Excel и сохраните как CSV.`;
      case "xls":
        return `Файл ${p.file} похож на старый файл Excel (.xls), а не на текст CSV; откройте его в Excel или LibreOffice и сохраните как .xlsx или CSV.`;
      case "utf-16":
        return `Файл ${p.file} похож на текст в UTF-16 без метки порядка байтов (BOM); укажите кодировку: \`--encoding utf-16le\` (или \`utf-16be\`).`;
      case "binary":
        return `Файл ${p.file} — не текстовый файл (в нём есть нулевые байты); выгрузите таблицу из её программы в CSV.`;
    }
  },
  E_INPUT_DELIMITER: (p) =>
    `Разделитель должен быть одним символом, например ; , | или \`tab\` (табуляция), а указано ${JSON.stringify(p.delimiter)}.`,
  E_INPUT_EMPTY: (p) =>
    p.headerLine === undefined
      ? `Файл ${p.file} пуст: в нём нет ни строки заголовков, ни строк с данными.`
      : `В файле ${p.file} есть строка заголовков (строка ${p.headerLine}), но нет ни одной строки с данными.`,
  E_INPUT_HEADER: (p) => {
    if ("column" in p) {
      return `${p.file}, строка ${p.line}: в столбце ${p.column} есть значение, но у столбца нет названия в строке заголовков (строка ${p.headerLine}); назовите столбец или удалите его.`;
    }
    const groups = sameNameGroups(p.names, p.columns);
    const described = groups.map(sameNamesRu).join(" и ");
    const onlyPair = groups.length === 1 && groups[0]!.columns.length === 2;
    return `${p.file}, строка ${p.line}: в строке заголовков ${described}; ${onlyPair ? "переименуйте один из них" : "переименуйте их"}.`;
  },
  E_HEADERS: (p) => {
    const where = placeRu(p);
    if ("column" in p) {
      return `${where}: у столбца ${p.column} нет заголовка в строке ${p.headerRow}, но в строке ${p.row} есть значение; впишите заголовок в ячейку ${p.column}${p.headerRow} или очистите столбец.`;
    }
    const groups = sameNameGroups(p.names, p.columns);
    const described = groups.map(sameNamesRu).join(" и ");
    const onlyPair = groups.length === 1 && groups[0]!.columns.length === 2;
    return `${where}: в строке заголовков (строка ${p.row}) ${described}; ${onlyPair ? "переименуйте один из них" : "переименуйте их так, чтобы каждое название встречалось один раз"}.`;
  },
  E_INPUT_XLS: (p) =>
    `${p.file} — старый файл Excel (.xls); откройте его в Excel или LibreOffice и сохраните как .xlsx или .csv.`,
  E_INPUT_FORMAT: (p) =>
    `${p.file}: ctdial читает файлы .csv, .tsv, .txt и .xlsx или ссылку на таблицу Google Sheets; переименуйте файл или выгрузите таблицу в один из этих форматов.`,
  E_INPUT_NOT_XLSX: (p) => {
    switch (p.kind) {
      case "empty":
        return `Файл ${p.file} пуст (0 байт), это не книга .xlsx.`;
      case "ole2":
        return `${p.file} — не книга .xlsx: это старый файл Excel .xls или книга, защищённая паролем; сохраните её как .xlsx без пароля.`;
      case "empty-zip":
        return `${p.file} — пустой zip-архив, а не книга .xlsx.`;
      case "text":
        return `${p.file} — не книга .xlsx, а текстовый файл (может быть, это файл CSV, переименованный в .xlsx? дайте ему расширение .csv).`;
      case "other":
        return `${p.file} — не книга .xlsx; откройте его в Excel или LibreOffice и сохраните как .xlsx.`;
      case "ods":
        return `${p.file} — таблица OpenDocument (.ods), а не .xlsx; сохраните её как .xlsx.`;
      case "zip":
        return `${p.file} — zip-архив, но не книга .xlsx; откройте его в Excel или LibreOffice и сохраните как .xlsx.`;
    }
  },
  E_INPUT_DAMAGED: (p) =>
    p.incomplete === true
      ? `Файл ${p.file} неполный (он обрывается раньше времени; может быть, прервалась загрузка или копирование?); скачайте файл заново или снова сохраните его из Excel.`
      : `Файл ${p.file} повреждён, его не удаётся прочитать как книгу .xlsx (${p.detail ?? ""}); откройте его в Excel или LibreOffice и сохраните заново.`,
  E_INPUT_SHEET_MISSING: (p) =>
    `${p.file}: листа «${p.sheet}» в файле нет; откройте файл в Excel или LibreOffice и сохраните заново.`,
  E_INPUT_NO_SHEETS: (p) =>
    `В файле ${p.file} нет ни одного листа; добавьте лист со строкой заголовков и данными.`,
  E_SHEET: (p) => {
    const names = p.sheets
      .map((name) => (p.hidden.includes(name) ? `«${name}» (скрытый)` : `«${name}»`))
      .join(", ");
    return `В файле ${p.file} нет листа «${p.sheet}»; есть листы: ${names}.`;
  },
  E_EMPTY: (p) =>
    "file" in p
      ? `${p.file}: лист «${p.sheet}» пуст; внесите в него строку заголовков и строки клиентов.`
      : `${placeRu(p)} пуст. Впишите в него строку заголовков и строки клиентов.`,
  E_INPUT_CELL_TOO_LONG: (p) => {
    const where = [
      p.file,
      p.sheet === undefined ? undefined : `лист «${p.sheet}»`,
      p.cell === undefined ? undefined : `ячейка ${p.cell}`,
    ]
      .filter((part) => part !== undefined)
      .join(", ");
    const what =
      p.cell === undefined && p.sharedString !== undefined
        ? `в тексте (общая строка книги № ${p.sharedString})`
        : p.cell === undefined
          ? "в одной из ячеек"
          : "в ячейке";
    return `${where}: ${what} больше символов, чем ${ruNumber(p.limit)} (это предел Excel для одной ячейки); откройте файл в Excel или LibreOffice, сократите или очистите эту ячейку и сохраните файл заново.`;
  },
  E_INPUT_TOO_LARGE: (p) =>
    `В ячейках файла ${p.file} текста больше, чем ${ruCount(p.limit, CHARS)}, — намного больше, чем в любой клиентской базе; проверьте, тот ли это файл, или сохраните его как CSV и запустите ctdial на нём.`,
  E_REPORT_WRITE: (p) => {
    const reason =
      p.errno === undefined
        ? "файл уже закрыт"
        : (REPORT_WRITE_REASONS[p.errno] ?? `система отказала (${p.errno})`);
    return `Не удаётся записать отчёт ${p.file}: ${reason}.`;
  },
  E_REPORT_TARGET: (p) => {
    const what =
      p.kind === "source"
        ? "файл, по которому идёт обзвон"
        : p.kind === "campaign"
          ? "файл кампании"
          : p.kind === "exclude"
            ? "список исключений (exclude)"
            : p.kind === "config"
              ? `файл ${(p.ext ?? "").toUpperCase()}, а не отчёт .csv или .xlsx`
              : "существующий файл, который не является отчётом ctdial";
    return `Отчёт был бы записан поверх ${p.file}, а это ${what}; укажите в --report другое имя файла или не указывайте --report, и отчёт будет записан в ${p.defaultName}.`;
  },
  E_REPORT_DELIMITER: (p) =>
    `Разделитель отчёта должен состоять из одного или нескольких символов, кроме кавычек и переводов строки, а указано ${JSON.stringify(p.delimiter)}.`,
};
