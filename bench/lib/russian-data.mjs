// A deterministic, realistic Russian client base for the benchmarks: the same seed gives the same
// rows, so a cached file and a file made again are identical, and the first N rows of a long file
// are the file of N rows. Ten columns, as an operator's CRM export has them: phone in the formats
// people type, full name, city, a comment with ; and quotes, manager, tags, call time, source,
// campaign and department. About 3% of rows are invalid or duplicates, as in real bases.

export const HEADERS = [
  "Телефон",
  "ФИО",
  "Город",
  "Комментарий",
  "Менеджер",
  "Теги",
  "Время звонка",
  "Источник",
  "Кампания",
  "Отдел",
];

const SURNAMES = [
  "Иванов",
  "Смирнов",
  "Кузнецов",
  "Попов",
  "Васильев",
  "Петров",
  "Соколов",
  "Михайлов",
  "Новиков",
  "Фёдоров",
  "Морозов",
  "Волков",
  "Алексеев",
  "Лебедев",
  "Семёнов",
  "Егоров",
  "Павлов",
  "Козлов",
  "Степанов",
  "Николаев",
  "Орлов",
  "Андреев",
  "Макаров",
  "Никитин",
  "Захаров",
  "Зайцев",
];
const MALE_NAMES = [
  "Александр",
  "Дмитрий",
  "Максим",
  "Сергей",
  "Андрей",
  "Алексей",
  "Артём",
  "Илья",
  "Кирилл",
  "Михаил",
  "Иван",
  "Роман",
];
const FEMALE_NAMES = [
  "Анна",
  "Мария",
  "Елена",
  "Ольга",
  "Наталья",
  "Татьяна",
  "Ирина",
  "Екатерина",
  "Светлана",
  "Юлия",
  "Дарья",
  "Алёна",
];
const PATRONYMICS_M = [
  "Александрович",
  "Дмитриевич",
  "Сергеевич",
  "Андреевич",
  "Иванович",
  "Петрович",
  "Викторович",
  "Олегович",
];
const PATRONYMICS_F = [
  "Александровна",
  "Дмитриевна",
  "Сергеевна",
  "Андреевна",
  "Ивановна",
  "Петровна",
  "Викторовна",
  "Олеговна",
];
const CITIES = [
  "Москва",
  "Санкт-Петербург",
  "Новосибирск",
  "Екатеринбург",
  "Казань",
  "Нижний Новгород",
  "Челябинск",
  "Самара",
  "Омск",
  "Ростов-на-Дону",
  "Уфа",
  "Красноярск",
  "Воронеж",
  "Пермь",
  "Волгоград",
  "Краснодар",
  "Ростов-на-Дону",
  "Тюмень",
  "Ижевск",
  "Барнаул",
  "Ульяновск",
  "Владивосток",
  "Ярославль",
  "Хабаровск",
];
const COMMENTS = [
  "Перезвонить после 18:00; просил не звонить в выходные",
  'Интересовался тарифом "Бизнес Плюс"; отправить КП',
  "Клиент с сайта, оставил заявку на консультацию",
  'Сказал: "перезвоните через неделю"; уточнить бюджет',
  "Повторное обращение; в прошлый раз не дозвонились",
  "",
  "Хочет скидку 10%; менеджер обещал уточнить",
  "Звонил сам, линия была занята",
  'Спрашивал про доставку в регион; "срочно"',
  "",
  "Постоянный клиент; обслуживается с 2019 года",
  "Не берёт трубку днём; лучше вечером",
];
const MANAGERS = ["Ковалёва А.", "Белов Д.", "Гусева Е.", "Тарасов М.", "Жукова О.", "Комаров С."];
const TAGS = [
  "холодная база",
  "vip",
  "повторный",
  "сайт; лендинг",
  "холодная база, регионы",
  "",
  "акция-весна",
  "возврат, vip",
];
const SOURCES = ["base-2026", "yandex", "google", "vk", "avito", "2gis", ""];
const CAMPAIGNS = ["Весна-2026", "Реактивация", "Новые клиенты", "Допродажи", ""];
const UNITS = ["112233", "112234", "112235", "", ""];

// Mobile and landline codes whose numbers libphonenumber's full metadata knows as Russian.
const MOBILE_CODES = [
  "903",
  "905",
  "906",
  "909",
  "910",
  "911",
  "912",
  "913",
  "914",
  "915",
  "916",
  "917",
  "918",
  "919",
  "920",
  "921",
  "922",
  "923",
  "924",
  "925",
  "926",
  "927",
  "928",
  "929",
  "930",
  "931",
  "932",
  "933",
  "950",
  "951",
  "952",
  "953",
  "960",
  "961",
  "962",
  "963",
  "964",
  "965",
  "966",
  "967",
  "968",
  "969",
  "977",
  "980",
  "981",
  "982",
  "983",
  "984",
  "985",
  "986",
  "987",
  "988",
  "989",
  "991",
  "992",
  "993",
  "994",
  "995",
  "996",
  "997",
  "999",
];
const LANDLINE_CODES = ["495", "499", "812", "343", "383", "846", "861", "863"];

/** mulberry32: small, fast, good enough to vary text; the same seed gives the same sequence. */
export function createRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (random, list) => list[Math.floor(random() * list.length)];
const pad = (n, width) => String(n).padStart(width, "0");

/**
 * The 10 national digits of row `index`: a permutation of subscriber numbers, so no two rows share a
 * phone unless a duplicate is made on purpose.
 */
export function nationalNumber(index) {
  const subscriber = (index * 7919 + 1_234_567) % 10_000_000;
  const landline = index % 10 === 7;
  const codes = landline ? LANDLINE_CODES : MOBILE_CODES;
  return `${codes[index % codes.length]}${pad(subscriber, 7)}`;
}

/** The national number written the way a person or a CRM would, in one of several formats. */
export function formatPhone(national, style) {
  const [a, b, c, d] = [national.slice(0, 3), national.slice(3, 6), national.slice(6, 8), national.slice(8)];
  switch (style % 7) {
    case 0:
      return `+7 (${a}) ${b}-${c}-${d}`;
    case 1:
      return `8 ${a} ${b} ${c} ${d}`;
    case 2:
      return national;
    case 3:
      return `7${national}`;
    case 4:
      return `8(${a})${b}-${c}-${d}`;
    case 5:
      return `+7${national}`;
    default:
      return `7-${a}-${b}-${c}-${d}`;
  }
}

/**
 * The phone cell of row `index`: mostly valid, with the faults real bases have: toll-free numbers
 * (about 0.5%), too few digits (0.5%), digits lost to scientific notation (0.5%), and a repeat of an
 * earlier row's phone in another format (1%, `skipped` as a duplicate).
 */
export function phoneCell(index, random) {
  const roll = index % 200;
  if (roll === 11)
    return `8-800-${pad(index % 1000, 3)}-${pad(index % 100, 2)}-${pad((index >> 3) % 100, 2)}`;
  if (roll === 37) return `+7 916 ${pad(index % 1000, 3)}-${pad(index % 100, 2)}`;
  if (roll === 73) return `7,99${pad(index % 1000, 3)}E+10`;
  // Both point at a row with roll 1, whose phone is its own.
  if ((roll === 101 || roll === 151) && index > 200) {
    return formatPhone(nationalNumber(index - (roll - 1)), Math.floor(random() * 7));
  }
  return formatPhone(nationalNumber(index), Math.floor(random() * 7));
}

/** Row `index` (0-based) as 10 strings, `random` advanced the same way whatever the output format. */
export function makeRow(index, random) {
  const female = random() < 0.5;
  const surname = pick(random, SURNAMES) + (female ? "а" : "");
  const name = pick(random, female ? FEMALE_NAMES : MALE_NAMES);
  const patronymic = pick(random, female ? PATRONYMICS_F : PATRONYMICS_M);
  const scheduled = random() < 0.3;
  const when = scheduled
    ? `${pad(1 + Math.floor(random() * 28), 2)}.${pad(1 + Math.floor(random() * 12), 2)}.2030 ${pad(9 + Math.floor(random() * 10), 2)}:${pad(Math.floor(random() * 4) * 15, 2)}`
    : "";
  return [
    phoneCell(index, random),
    `${surname} ${name} ${patronymic}`,
    pick(random, CITIES),
    pick(random, COMMENTS),
    pick(random, MANAGERS),
    pick(random, TAGS),
    when,
    pick(random, SOURCES),
    pick(random, CAMPAIGNS),
    pick(random, UNITS),
  ];
}

/** A CSV cell quoted only when it must be, as Excel does (`;`, `"`, line breaks). */
export function csvCell(value, delimiter) {
  if (value.includes(delimiter) || value.includes('"') || value.includes("\n") || value.includes("\r")) {
    return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}
