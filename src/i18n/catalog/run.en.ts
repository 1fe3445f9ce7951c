import type { Messages } from "../messages.js";

/**
 * English words of the "run" area. A message is a function of one parameters object (or none) that
 * returns the sentence; catalog/run.ru.ts must have the same keys with the same parameters (the
 * typecheck says so). Keys are unique across areas (test/i18n/catalog.test.ts).
 */
export const runEn = {
  /** The campaign names no widget key; where one could go depends on what was read. */
  E_NO_ROUTE_KEY: (p: { campaignFile?: string; sheet?: boolean; create?: boolean }) => {
    const where =
      p.sheet === true
        ? "write a campaign file with routeKey: <key> and source: <the sheet's link> (ctdial init <link> writes one)"
        : p.create === true
          ? `create ${p.campaignFile} with routeKey: <key> (ctdial init writes one)`
          : `add routeKey: <key> to ${p.campaignFile}`;
    return `no routeKey: ${where}, or pass --route-key KEY, or set CALLTOUCH_ROUTE_KEY; it is the key of your "Форма на сайте" widget (Calltouch cabinet -> Виджеты).`;
  },
} satisfies Messages;
