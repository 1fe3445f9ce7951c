// i18n-exempt-file: data, the rows of the bundled example client base (a Russian business's comments)
import iconv from "iconv-lite";
import { DateTime } from "luxon";

/**
 * The bundled example client base (`npm run demo` writes it to campaigns/example.csv): an Excel export
 * as our users have them, with a few rows wrong on purpose (an 8-800 number, a Belarusian number, a
 * phone Excel turned into 7,99922E+10, a repeated phone, an empty phone, an impossible date).
 *
 * Its call times are days after `now`, never fixed dates: a file with literal dates dials fewer rows
 * every week as they pass, until the example shows nothing but "the call time has passed". Built
 * from `now` (the caller's clock), it dials the same 30 rows whatever the day, and tests that pass a
 * fixed clock get the same bytes every time.
 */

/** A call time: `days` after today (in the example's zone) at `time`; or a date that cannot exist. */
type CallTime = { readonly days: number; readonly time: string } | "impossible";

type ExampleRow = readonly [
  phone: string,
  name: string,
  city: string,
  note: string,
  tags: string,
  at?: CallTime,
];

const HEADER = ["Телефон", "ФИО", "Город", "Комментарий", "Теги", "Время звонка"] as const;

const SITE = "Оставил заявку на сайте; ждёт звонка";
const AFTER_LUNCH = "Просил перезвонить после обеда";
const TARIFF = 'Интересуется тарифом "Бизнес"';
const REPEAT_VIP = "vip; повторный";

const ROWS: readonly ExampleRow[] = [
  ["+7 (952) 601-81-59", "Иванов Иван", "Санкт-Петербург", SITE, ""],
  ["+7 (931) 860-91-39", "Петрова Анна", "Казань", "", ""],
  ["+7 (946) 281-94-82", "Сидоров Пётр", "Санкт-Петербург", "", ""],
  ["79909378657", "Кузнецова Мария", "Санкт-Петербург", AFTER_LUNCH, REPEAT_VIP],
  ["+7 (994) 875-74-91", "Смирнов Алексей", "Самара", SITE, ""],
  ["8-800-555-35-35", "ООО Ромашка", "Москва", "Горячая линия, не звонить", ""],
  ["79018955597", "Попова Ольга", "Москва", "", REPEAT_VIP],
  ["8 949 746 50 75", "Васильев Дмитрий", "Казань", TARIFF, ""],
  ["8(936)6712768", "Соколова Елена", "Нижний Новгород", SITE, "vip", { days: 3, time: "16:30" }],
  ["7,99922E+10", "Тихонов Павел", "Казань", "Номер испорчен Excel", ""],
  ["9632122330", "Михайлов Сергей", "Самара", AFTER_LUNCH, ""],
  ["9859952890", "Новикова Татьяна", "Краснодар", "", ""],
  ["79603137215", "Фёдоров Андрей", "Нижний Новгород", "", "", { days: 1, time: "10:00" }],
  ["+7 (946) 281-94-82", "Сидоров Пётр (дубль)", "Казань", "Повторная заявка", ""],
  ["79901396245", "Морозова Ирина", "Краснодар", SITE, "повторный"],
  ["79741215472", "Волков Николай", "Москва", "", ""],
  ["79841485253", "Алексеева Наталья", "Екатеринбург", AFTER_LUNCH, "", { days: 2, time: "18:30" }],
  ["+375 29 123-45-67", "Ковальчук Андрей", "Минск", "", ""],
  ["8(936)3387500", "Лебедев Максим", "Нижний Новгород", TARIFF, REPEAT_VIP],
  ["79131373537", "Семёнова Юлия", "Санкт-Петербург", TARIFF, "", { days: 3, time: "10:30" }],
  ["9163726516", "Егоров Артём", "Москва", AFTER_LUNCH, REPEAT_VIP],
  ["999 12 34", "Гусев Степан", "Самара", "Неполный номер", ""],
  ["79297299752", "Павлова Светлана", "Казань", "", "", { days: 2, time: "10:00" }],
  ["79633043483", "Козлов Игорь", "Нижний Новгород", "", "повторный"],
  ["79798682828", "Степанова Ксения", "Казань", "", "", { days: 4, time: "17:00" }],
  ["+7 916 555-12-34", "Медведева Алина", "Москва", "", "", "impossible"],
  ["79227918058", "Николаев Роман", "Новосибирск", AFTER_LUNCH, ""],
  ["79018780175", "Орлова Дарья", "Краснодар", TARIFF, "", { days: 5, time: "18:00" }],
  ["9887838483", "Андреев Виктор", "Санкт-Петербург", TARIFF, "vip"],
  ["", "Без телефона", "Краснодар", "", ""],
  ["8(936)1341252", "Макарова Екатерина", "Казань", SITE, "vip"],
  ["8(932)6865635", "Захаров Олег", "Краснодар", "", ""],
  ["+7 (970) 658-94-81", "Зайцева Полина", "Казань", "", "vip"],
  ["9426462889", "Соловьёв Антон", "Самара", AFTER_LUNCH, "повторный", { days: 1, time: "14:00" }],
  ["8(914)0141931", "Борисова Вера", "Новосибирск", SITE, "", { days: 7, time: "10:30" }],
  ["8 992 083 12 40", "Яковлев Григорий", "Казань", SITE, "vip"],
  ["8 945 040 00 88", "Григорьева Людмила", "Краснодар", SITE, ""],
];

/** The zone the example's times are written in (its campaign file says `timezone: Europe/Moscow`). */
const ZONE = "Europe/Moscow";

function callTime(at: CallTime | undefined, today: DateTime): string {
  if (at === undefined) return "";
  // 31 February: the row shows how an impossible date is reported, in any year.
  if (at === "impossible") return `31.02.${today.year + 1} 12:00`;
  const [hour, minute] = at.time.split(":").map(Number);
  return today.plus({ days: at.days }).set({ hour, minute }).toFormat("dd.MM.yyyy HH:mm");
}

/** Excel's way of quoting a `;`-separated cell: only when it holds `;`, a quote or a line break. */
function excelCell(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The example's rows as cells, header first, with call times counted from `now` (epoch ms). */
export function exampleClientRows(now: number): string[][] {
  const today = DateTime.fromMillis(now, { zone: ZONE }).startOf("day");
  const rows = ROWS.map(([phone, name, city, note, tags, at]) => [
    phone,
    name,
    city,
    note,
    tags,
    callTime(at, today),
  ]);
  return [[...HEADER], ...rows];
}

export type ExampleEncoding = "utf-8-bom" | "windows-1251";

/**
 * The example as Excel saves "CSV (разделители — точки с запятой)": `;`, CRLF, and either UTF-8 with a
 * BOM (what the demo writes) or Windows-1251 (what older Excel writes, for tests of that path).
 */
export function exampleClientsCsv(now: number, encoding: ExampleEncoding = "utf-8-bom"): Buffer {
  const [header = [], ...rows] = exampleClientRows(now);
  const text = [header, ...rows].map((cells) => `${cells.map(excelCell).join(";")}\r\n`).join("");
  return encoding === "windows-1251" ? iconv.encode(text, "win1251") : Buffer.from(`\uFEFF${text}`, "utf8");
}
