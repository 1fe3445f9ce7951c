import { ruCount } from "../format.js";
import type { Translation } from "../messages.js";
import type { helpEn } from "./help.en.js";

/** «(Возможно, вы имели в виду --x?)» после неизвестного параметра или команды. */
function didYouMean(names: readonly string[] | undefined): string {
  if (names === undefined || names.length === 0) return "";
  return names.length === 1
    ? `\n(Возможно, вы имели в виду ${names[0]}?)`
    : `\n(Возможно, вы имели в виду одно из: ${names.join(", ")}?)`;
}

/** Русские слова области "help": те же ключи и параметры, что в help.en.ts. */
export const helpRu: Translation<typeof helpEn> = {
  helpProgramDescription: () => "Превращает таблицу клиентов в кампанию обратных звонков Calltouch.",
  helpRunDescription: () =>
    "проверить, сопоставить и отправить все строки кампании; продолжает с места, где остановился прошлый запуск",
  helpRetryDescription: () =>
    "отправить повторно только строки, последний результат которых failed (и unknown с --include-unknown)",
  helpValidateDescription: () =>
    "прочитать, сопоставить и проверить все строки и записать отчёт, ничего не отправляя",
  helpStatusDescription: () =>
    "что известно из журнала: сколько строк в каждом статусе, когда был последний запуск, сколько осталось",
  helpInitDescription: () =>
    "прочитать заголовки, предложить сопоставление столбцов и записать <имя>.campaign.yaml рядом с источником",
  helpSourceArgument: (p) =>
    `файл ${p.kinds}, ссылка на Google Sheets или файл кампании, в котором указан источник`,
  helpInitSourceArgument: (p) => `файл ${p.kinds} или ссылка на Google Sheets`,

  helpOptionCampaign: () =>
    "файл кампании (по умолчанию <имя>.campaign.yaml или campaign.yaml рядом с источником)",
  helpOptionRouteKey: () =>
    "ключ виджета Calltouch для всех строк (важнее файла кампании и CALLTOUCH_ROUTE_KEY)",
  helpOptionSheet: () => "лист XLSX или Google Sheets (по умолчанию лист из ссылки, иначе первый)",
  helpOptionReport: () =>
    "куда записать отчёт (по умолчанию <имя>.report.csv или <имя>.report.xlsx рядом с источником; для Google Sheets — в саму таблицу)",
  helpOptionEncoding: (p) => `кодировка CSV, если не определять её автоматически (${p.examples}, ...)`,
  helpOptionDelimiter: (p) => `разделитель CSV, если не определять его автоматически (${p.examples})`,
  helpOptionStateDir: (p) => `где хранятся журналы (по умолчанию ${p.env} или ${p.path})`,
  helpOptionJson: () => "вывести итог одним объектом JSON последней строкой stdout",
  helpOptionLang: () =>
    "язык сообщений и справки: en или ru (по умолчанию из CTDIAL_LANG, иначе из языка системы)",

  helpOptionRate: () => "запросов в секунду, 0 < n <= 5 (по умолчанию 5)",
  helpOptionDryRun: () => "проверить все строки и записать отчёт, ничего не отправляя",
  helpOptionSandbox: () => "отправлять во встроенный эмулятор Calltouch вместо настоящего Calltouch",
  helpOptionYes: () => "не спрашивать подтверждения перед отправкой",
  helpOptionNoWait: () =>
    "вне окна звонков или пока с этого компьютера отправляет другой ctdial — остановиться (код выхода 3), а не ждать",
  helpOptionLogLevel: () => "сколько подробностей писать в stderr",
  helpOptionIncludeUnknown: () =>
    "отправить повторно и строки, ответ на которые потерялся (по ним мог быть создан обратный звонок)",

  helpValidateRate: () => "проверяется как для run; validate ничего не отправляет",
  helpValidateDryRun: () => "validate никогда не отправляет (принимается для единообразия с run)",
  helpValidateSandbox: () => "сверять с журналом запусков с --sandbox",
  helpValidateYes: () => "validate ни о чём не спрашивает (принимается для единообразия с run)",
  helpStatusSandbox: () => "показать журнал запусков с --sandbox",
  helpInitEncoding: () => "кодировка CSV, если не определять её автоматически",
  helpInitDelimiter: () => "разделитель CSV, если не определять его автоматически",
  helpInitForce: () => "перезаписать существующий файл кампании",

  helpExpectedRate: (p) =>
    `нужно число больше 0 и не больше 5 (ограничение Calltouch), а указано «${p.value}».`,
  helpExpectedPort: (p) => `нужен номер порта от 0 до 65535, а указано «${p.value}».`,
  helpExpectedShare: (p) => `нужна доля от 0 до 1, например 0.2, а указано «${p.value}».`,
  helpExpectedSeconds: (p) => `нужно число секунд, не меньше 1, а указано «${p.value}».`,
  helpExpectedCount: (p) => `нужно целое число от 0 и больше, а указано «${p.value}».`,
  helpExpectedLang: () => "нужно en или ru.",

  helpVersionOption: () => "показать номер версии",
  helpHelpOption: () => "показать справку по команде",
  helpHelpCommand: () => "показать справку по команде",
  helpAfterError: () => "(справка: ctdial --help)",
  helpTitleUsage: () => "Использование:",
  helpTitleArguments: () => "Аргументы:",
  helpTitleOptions: () => "Параметры:",
  helpTitleGlobalOptions: () => "Общие параметры:",
  helpTitleCommands: () => "Команды:",
  helpUsageOptions: () => "[параметры]",
  helpUsageCommand: () => "[команда]",
  helpChoices: (p) => `варианты: ${p.values.join(", ")}`,
  helpDefault: (p) => `по умолчанию: ${p.value}`,
  helpError: (p) => `ошибка: ${p.text}`,
  helpUnknownOption: (p) => `неизвестный параметр ${p.option}${didYouMean(p.suggestions)}`,
  helpUnknownCommand: (p) => `неизвестная команда «${p.command}»${didYouMean(p.suggestions)}`,
  helpMissingArgument: (p) => `не указан обязательный аргумент <${p.argument}>`,
  helpOptionMissingArgument: (p) => `у параметра ${p.option} не указано значение`,
  helpMissingMandatoryOption: (p) => `не указан обязательный параметр ${p.option}`,
  helpExcessArguments: (p) =>
    `слишком много аргументов${p.command === undefined ? "" : ` у команды ${p.command}`}: ожидается ${ruCount(p.expected, ["аргумент", "аргумента", "аргументов"])}, а получено ${p.got}.`,
  helpInvalidOptionValue: (p) => `неверное значение «${p.value}» у параметра ${p.option}: ${p.reason}`,
  helpInvalidArgumentValue: (p) => `неверное значение «${p.value}» у аргумента <${p.argument}>: ${p.reason}`,
  helpAllowedChoices: (p) => `допустимые значения: ${p.values.join(", ")}.`,
};
