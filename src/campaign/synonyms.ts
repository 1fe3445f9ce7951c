// i18n-exempt-file: header synonyms are data (the names people give their columns), not words ctdial says
import { looseKey } from "./did-you-mean.js";
import type { MappedField } from "./schema.js";

/**
 * Header names recognised without a mapping (docs/contract.md "Campaign file"), compared loosely: case,
 * spaces, `_`, `-` and `.` ignored, ё = е; so `utm_source`, `UTM Source` and `utmSource` are one name.
 * Beyond the contract's list: the camelCase API names and the headers of real exports, as their
 * programs write them: amoCRM (`Рабочий телефон`, `Мобильный телефон`, `Теги сделки`), Bitrix24
 * (`Рабочий телефон`, `UTM Source`, `Источник`), Tilda leads (`Phone`, `utm_source`, `referer`),
 * Calltouch's own journals (`Номер телефона`, `Страница захвата`, `Дата/время звонка`) and what
 * people type (`Телефон клиента`, `Перезвонить в`, `Метки`, `Тэги`). A file with two phone columns
 * (Bitrix24's work and mobile phones) is not guessed at: auto-mapping asks which to use.
 * `Виджет` is deliberately NOT recognised as routeKey: a column of widget names sent as keys would
 * stop the campaign (10003).
 */
const SYNONYMS: Record<MappedField, readonly string[]> = {
  phone: [
    "Телефон",
    "Номер телефона",
    "Телефон клиента",
    "Номер телефона клиента",
    "Номер клиента",
    "Контактный телефон",
    "Телефон контакта",
    "Мобильный телефон",
    "Мобильный",
    "Моб телефон",
    "Моб тел",
    "Сотовый",
    "Сотовый телефон",
    "Рабочий телефон",
    "Домашний телефон",
    "Мобильный телефон (контакт)",
    "Рабочий телефон (контакт)",
    "Тел",
    "Номер тел",
    "Номер",
    "phone",
    "phone number",
    "tel",
    "telephone",
    "mobile",
    "mobile phone",
  ],
  sessionId: ["sessionId", "Сессия", "ct_session_id", "ID сессии", "Сессия Calltouch"],
  scheduleTime: [
    "scheduleTime",
    "Время звонка",
    "Дата звонка",
    "Дата и время звонка",
    "Дата/время звонка",
    "Время перезвона",
    "Дата перезвона",
    "Дата и время перезвона",
    "Перезвонить в",
    "Перезвонить",
    "Когда перезвонить",
    "Когда позвонить",
    "Время обратного звонка",
    "callback time",
    "call time",
  ],
  utmSource: ["utm_source", "Источник", "Источник трафика", "Источник (utm_source)"],
  utmMedium: ["utm_medium", "Канал", "Канал трафика", "Тип трафика", "Канал (utm_medium)"],
  utmCampaign: ["utm_campaign", "Кампания", "Рекламная кампания", "Кампания (utm_campaign)"],
  utmContent: ["utm_content", "Объявление", "Содержание объявления", "Объявление (utm_content)"],
  utmTerm: [
    "utm_term",
    "Ключевая фраза",
    "Ключевое слово",
    "Ключевой запрос",
    "Поисковый запрос",
    "Ключевое слово (utm_term)",
  ],
  callUrl: [
    "callUrl",
    "Страница",
    "URL",
    "URL страницы",
    "Адрес страницы",
    "Ссылка",
    "Ссылка на страницу",
    "Страница захвата",
    "Страница заявки",
    "page",
    "page url",
    "referer",
  ],
  tags: ["tags", "Теги", "Тег", "Тэги", "Тэг", "Метки", "Метка", "Теги сделки", "Теги контакта", "tag"],
  unitId: ["unitId", "Отдел", "ID отдела"],
  routeKey: ["routeKey"],
};

const BY_LOOSE_NAME = new Map<string, MappedField>(
  (Object.entries(SYNONYMS) as [MappedField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((name) => [looseKey(name), field] as const),
  ),
);

/** The Calltouch field a header names by itself, if any. */
export function fieldForHeader(header: string): MappedField | undefined {
  return BY_LOOSE_NAME.get(looseKey(header));
}
