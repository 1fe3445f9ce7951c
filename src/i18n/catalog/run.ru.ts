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
};
