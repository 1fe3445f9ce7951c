import { looseKey } from "./did-you-mean.js";
import type { MappedField } from "./schema.js";

/**
 * Header names recognised without a mapping (docs/contract.md "Campaign file"), compared loosely: case,
 * spaces, `_`, `-` and `.` ignored, ё = е; so `utm_source`, `UTM Source` and `utmSource` are one name.
 * Beyond the contract's list: the camelCase API names, common Russian variants of "phone"
 * (Телефон клиента, Мобильный, Сотовый, Тел.), `Сессия`/`_ct_session_id` for sessionId and
 * `Страница`/`URL` for callUrl, as in docs/contract.md's mapping example. `Виджет` is deliberately NOT
 * recognised as routeKey: a column of widget names sent as keys would stop the campaign (10003).
 */
const SYNONYMS: Record<MappedField, readonly string[]> = {
  phone: [
    "Телефон",
    "Номер телефона",
    "Телефон клиента",
    "Мобильный телефон",
    "Мобильный",
    "Сотовый",
    "Сотовый телефон",
    "Тел",
    "Номер тел",
    "phone",
    "phone number",
    "tel",
    "telephone",
    "mobile",
  ],
  sessionId: ["sessionId", "Сессия", "ct_session_id"],
  scheduleTime: ["scheduleTime", "Время звонка"],
  utmSource: ["utm_source", "Источник"],
  utmMedium: ["utm_medium", "Канал"],
  utmCampaign: ["utm_campaign", "Кампания"],
  utmContent: ["utm_content", "Объявление"],
  utmTerm: ["utm_term", "Ключевая фраза", "Ключевое слово"],
  callUrl: ["callUrl", "Страница", "URL"],
  tags: ["tags", "Теги", "Тег"],
  unitId: ["unitId", "Отдел"],
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
