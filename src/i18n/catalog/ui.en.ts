/**
 * English words of the "ui" area. A message is a function of one parameters object (or none) that
 * returns the sentence; catalog/ui.ru.ts must have the same keys with the same parameters (the
 * typecheck says so). Keys are unique across areas (test/i18n/catalog.test.ts).
 */
export const uiEn = {} satisfies Messages;

import type { Messages } from "../messages.js";
