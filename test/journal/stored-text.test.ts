import { describe, expect, it } from "vitest";
import { said } from "../../src/i18n/catalog.js";
import { NO_ANSWER_MESSAGE, priorToOutcome } from "../../src/journal/index.js";
import { readProblems, readText, storeProblems, storeText } from "../../src/journal/stored-text.js";
import { outcomeCells } from "../../src/sinks/columns.js";

const LOST = said("rowsNetClosed", { host: "api.calltouch.ru", code: "ECONNRESET", after: true });

describe("what the journal keeps of an outcome's words", () => {
  it("keeps ctdial's own words as a key and parameters, and reads them back as they were", () => {
    const stored = storeText(LOST);
    expect(stored).toBe('ctdial:rowsNetClosed{"host":"api.calltouch.ru","code":"ECONNRESET","after":true}');
    expect(readText(stored)).toEqual(LOST);
    expect(readText(storeText(said("runNoAnswer", {})))).toEqual({ code: "runNoAnswer", params: {} });
    expect(readText(NO_ANSWER_MESSAGE)).toEqual({ code: "runNoAnswer", params: {} });
  });

  it("keeps Calltouch's messages verbatim", () => {
    expect(storeText("Недостаточно минут")).toBe("Недостаточно минут");
    expect(readText("Недостаточно минут")).toBe("Недостаточно минут");
  });

  it("keeps an invalid row's problems with their columns", () => {
    const problems = [
      { column: "Телефон", problem: said("rowsPhoneService", { number: "8-800" }) },
      { problem: said("rowsTooManyFields", { count: 6, max: 5 }) },
    ];
    expect(readProblems(storeProblems(problems))).toEqual(problems);
  });

  it("reads an old journal's English as it is, and knows its lost-answer sentence", () => {
    const old =
      "an earlier run stopped after sending this row and before its answer arrived; it may have created a callback (ctdial retry --include-unknown sends it again)";
    expect(readText(old)).toEqual({ code: "runNoAnswer", params: {} });
    expect(readText("Calltouch error 10006")).toBe("Calltouch error 10006");
    expect(readProblems("column Телефон: phone is empty")).toEqual([
      { problem: { code: "rowsVerbatim", params: { text: "column Телефон: phone is empty" } } },
    ]);
    // Something that looks like ours but is not: shown as it is.
    expect(readText("ctdial:noSuchKey")).toBe("ctdial:noSuchKey");
    expect(readProblems("ctdial-rows:[[1,2]]")).toEqual([
      { problem: { code: "rowsVerbatim", params: { text: "ctdial-rows:[[1,2]]" } } },
    ]);
  });

  it("lets a report written later say a journal's outcome in Russian, and an old one as it was", () => {
    const unknown = priorToOutcome({
      status: "unknown",
      code: "ECONNRESET",
      message: storeText(LOST),
      attempts: 1,
      rowNumber: 2,
      noAnswer: false,
    });
    expect(outcomeCells(unknown, undefined, "ru")[2]).toBe(
      "api.calltouch.ru закрыл соединение после отправки заявки и не ответил; обратный звонок мог быть создан.",
    );
    expect(outcomeCells(unknown, undefined, "en")[2]).toBe(
      "api.calltouch.ru closed the connection after the request was sent, without an answer; the callback may have been created.",
    );
    const invalid = priorToOutcome({
      status: "invalid",
      message: storeProblems([{ column: "Телефон", problem: said("rowsPhoneEmpty", {}) }]),
      attempts: 0,
      rowNumber: 3,
    });
    expect(outcomeCells(invalid, undefined, "ru")[2]).toBe("колонка Телефон: телефон не заполнен");
    const old = priorToOutcome({
      status: "invalid",
      message: "column Телефон: phone is empty",
      attempts: 0,
      rowNumber: 3,
    });
    expect(outcomeCells(old, undefined, "ru")[2]).toBe("column Телефон: phone is empty");
  });
});
