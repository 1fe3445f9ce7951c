import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { errorSentence } from "../../src/errors.js";
import { openSheetsApi } from "../../src/google-sheets/api.js";
import { locateTab } from "../../src/google-sheets/tab.js";
import { parseSheetLocation } from "../../src/google-sheets/url.js";
import { ERRORS } from "../fakes/sheets/errors.js";
import { type SheetsFake, startSheetsFake } from "../fakes/sheets/server.js";
import { tempDir } from "../tidy.js";
import { bareEnv, SA_EMAIL, serviceAccountKey, tokenApi } from "./helpers.js";

let fake: SheetsFake;
const KEY = serviceAccountKey();

beforeEach(async () => {
  fake = await startSheetsFake({ acceptToken: (token) => token !== "expired" });
  fake.add({
    spreadsheetId: "s1",
    title: "База",
    tabs: [
      { title: "Лист1", sheetId: 0, rows: [["Телефон"]] },
      { title: "Клиенты 2026", sheetId: 777, rows: [["Телефон"]] },
    ],
  });
});
afterEach(() => fake.close());

async function saApi() {
  return openSheetsApi(bareEnv({ GOOGLE_APPLICATION_CREDENTIALS: KEY, GOOGLE_SHEETS_API_URL: fake.url }), {
    sleep: async () => {},
  });
}

const write = (api: Awaited<ReturnType<typeof saApi>>) =>
  api.call("s1", "write", () =>
    api.api.spreadsheets.values.batchUpdate({
      spreadsheetId: "s1",
      requestBody: { valueInputOption: "RAW", data: [{ range: "'Лист1'!B1", values: [["x"]] }] },
    }),
  );

describe("every way Google refuses, as one sentence with a code (exit 2)", () => {
  it("403 on reading names the service account's client_email and says to share as editor", async () => {
    fake.spreadsheets.get("s1")!.access = "none";
    await expect(locateTab(await saApi(), { spreadsheetId: "s1" })).rejects.toMatchObject({
      code: "E_SHEETS_FORBIDDEN",
      exitCode: 2,
      message: `The service account ${SA_EMAIL} has no access to spreadsheet s1; share the sheet with ${SA_EMAIL} as an editor (the Share button in Google Sheets) and run again.`,
    });
  });

  it("view-only access, when results must be written, says: share as editor, or --report", async () => {
    fake.spreadsheets.get("s1")!.access = "reader";
    await expect(write(await saApi())).rejects.toMatchObject({
      code: "E_SHEETS_VIEW_ONLY",
      exitCode: 2,
      message: `The service account ${SA_EMAIL} can only view spreadsheet s1, and ctdial writes each row's result into it; share the sheet with ${SA_EMAIL} as an editor, or pass --report FILE to write the results to a local file instead.`,
    });
  });

  it("404: the link is wrong or the file is gone", async () => {
    await expect(locateTab(await saApi(), { spreadsheetId: "nope" })).rejects.toMatchObject({
      code: "E_SHEETS_NOT_FOUND",
      message: expect.stringMatching(/^Spreadsheet nope was not found .*copy the link again/),
    });
  });

  it("an .xlsx opened without converting: File -> Save as Google Sheets", async () => {
    fake.spreadsheets.get("s1")!.kind = "xlsx";
    await expect(locateTab(await saApi(), { spreadsheetId: "s1" })).rejects.toMatchObject({
      code: "E_SHEETS_NOT_CONVERTED",
      message: expect.stringContaining("File -> Save as Google Sheets"),
    });
  });

  it("401: expired credentials", async () => {
    const api = await openSheetsApi(
      bareEnv({ GOOGLE_SHEETS_ACCESS_TOKEN: "expired", GOOGLE_SHEETS_API_URL: fake.url }),
    );
    await expect(locateTab(api, { spreadsheetId: "s1" })).rejects.toMatchObject({
      code: "E_SHEETS_UNAUTHENTICATED",
    });
  });

  it("a key that cannot sign is named with what to do, not taken for a network failure", async () => {
    const dir = tempDir("ctdial-badkey-");
    const key = join(dir, "key.json");
    writeFileSync(
      key,
      JSON.stringify({
        type: "service_account",
        client_email: SA_EMAIL,
        private_key: "-----BEGIN PRIVATE KEY-----\nMIIBroken\n-----END PRIVATE KEY-----\n",
      }),
    );
    const api = await openSheetsApi(
      bareEnv({ GOOGLE_APPLICATION_CREDENTIALS: key, GOOGLE_SHEETS_API_URL: fake.url }),
    );
    const error = await locateTab(api, { spreadsheetId: "s1" }).catch((e) => e);
    expect(error).toMatchObject({ code: "E_SHEETS_KEY_UNUSABLE", exitCode: 2 });
    expect(error.message).toContain(`The private key in ${key} cannot sign`);
    expect(error.message).toContain(`create a new key for ${SA_EMAIL}`);
    expect(error.message).not.toContain("MIIBroken");
  });

  it("a saved sign-in Google no longer honours (invalid_grant) says to sign in again", async () => {
    const token = createServer((_req, res) => {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ error: "invalid_grant", error_description: "Token has been expired or revoked." }),
      );
    });
    await new Promise<void>((resolve) => token.listen(0, "127.0.0.1", resolve));
    try {
      const dir = tempDir("ctdial-signin-");
      const file = join(dir, "adc.json");
      writeFileSync(
        file,
        JSON.stringify({ type: "authorized_user", client_id: "c", client_secret: "s", refresh_token: "r" }),
      );
      const api = await openSheetsApi(
        bareEnv({ GOOGLE_APPLICATION_CREDENTIALS: file, GOOGLE_SHEETS_API_URL: fake.url }),
        { tokenUrl: `http://127.0.0.1:${(token.address() as AddressInfo).port}/token` },
      );
      const error = await locateTab(api, { spreadsheetId: "s1" }).catch((e) => e);
      expect(error).toMatchObject({ code: "E_SHEETS_SIGNIN_EXPIRED", exitCode: 2 });
      expect(error.message).toMatch(
        /^The saved Google sign-in \(.*adc\.json\) has expired or was revoked; sign in again with gcloud auth application-default login/,
      );
    } finally {
      await new Promise<void>((resolve) => token.close(() => resolve()));
    }
  });

  it("a tab that does not exist lists the tabs there are, by title or by gid", async () => {
    const api = await tokenApi(fake);
    await expect(locateTab(api, { spreadsheetId: "s1" }, "Клиенты")).rejects.toThrow(
      'Spreadsheet "База" has no tab named "Клиенты"; its tabs are: "Лист1", "Клиенты 2026".',
    );
    await expect(locateTab(api, { spreadsheetId: "s1", gid: 5 })).rejects.toThrow(
      'Spreadsheet "База" has no tab with gid=5; its tabs are: "Лист1", "Клиенты 2026".',
    );
  });

  it("finds a tab by gid, by title, or the first one; with the spreadsheet's time zone", async () => {
    const api = await tokenApi(fake);
    const link = parseSheetLocation(
      "https://docs.google.com/spreadsheets/d/s1s1s1s1s1s1s1s1s1s1s1s1s1s1/edit#gid=777",
    );
    expect(link.gid).toBe(777);
    expect(await locateTab(api, { spreadsheetId: "s1", gid: 777 })).toMatchObject({
      title: "Клиенты 2026",
      sheetId: 777,
    });
    expect(await locateTab(api, { spreadsheetId: "s1" }, "клиенты 2026")).toMatchObject({ sheetId: 777 });
    expect(await locateTab(api, { spreadsheetId: "s1" })).toMatchObject({
      title: "Лист1",
      sheetId: 0,
      timeZone: "Europe/Moscow",
      spreadsheetTitle: "База",
    });
  });

  it("429 waits with backoff and tries again; each try is one request (gaxios' own retries are off)", async () => {
    fake.failures.push(
      { kind: "read", error: ERRORS.quota("Read") },
      { kind: "read", error: ERRORS.quota("Read") },
    );
    const waits: number[] = [];
    const api = await tokenApi(fake, { sleep: async (ms) => void waits.push(ms) });
    expect((await locateTab(api, { spreadsheetId: "s1" })).title).toBe("Лист1");
    expect(fake.requests.map((r) => r.status)).toEqual([429, 429, 200]);
    expect(waits).toHaveLength(2);
    expect(waits[1]!).toBeGreaterThan(waits[0]! - 1000);
  });

  it("429 that never ends gives up after about two minutes of waiting, losing nothing", async () => {
    for (let i = 0; i < 20; i++) fake.failures.push({ kind: "read", error: ERRORS.quota("Read") });
    const api = await tokenApi(fake);
    await expect(locateTab(api, { spreadsheetId: "s1" })).rejects.toMatchObject({ code: "E_SHEETS_QUOTA" });
    expect(fake.requests.length).toBeLessThan(10);
  });

  it("no credential ever appears in an error", async () => {
    fake.spreadsheets.get("s1")!.access = "none";
    const api = await openSheetsApi(
      bareEnv({ GOOGLE_SHEETS_ACCESS_TOKEN: "ya29.secret", GOOGLE_SHEETS_API_URL: fake.url }),
    );
    const error = await locateTab(api, { spreadsheetId: "s1" }).catch((e) => e);
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain("ya29.secret");
    expect(error.message).toContain("GOOGLE_SHEETS_ACCESS_TOKEN belongs to");
  });
});

describe("the same refusals in Russian: what to do, step by step, in the console's Russian words", () => {
  it("a sheet not shared with the service account names its e-mail and the «Настройки доступа» button", async () => {
    fake.spreadsheets.get("s1")!.access = "none";
    const error = await locateTab(await saApi(), { spreadsheetId: "s1" }).catch((e) => e);
    expect(error.code).toBe("E_SHEETS_FORBIDDEN");
    expect(errorSentence("ru", error)).toBe(
      `У сервисного аккаунта ${SA_EMAIL} нет доступа к таблице s1. Откройте таблицу в Google Sheets, нажмите «Настройки доступа» (в старом интерфейсе «Открыть доступ»), вставьте адрес ${SA_EMAIL}, выберите роль «Редактор» и нажмите «Отправить», затем запустите команду ещё раз.`,
    );
    // The English sentence is what it always was.
    expect(errorSentence("en", error)).toBe(error.message);
  });

  it("view-only access: the role «Редактор» for the e-mail, or --report", async () => {
    fake.spreadsheets.get("s1")!.access = "reader";
    const error = await write(await saApi()).catch((e) => e);
    expect(errorSentence("ru", error)).toBe(
      `Сервисный аккаунт ${SA_EMAIL} может только просматривать таблицу s1, а ctdial записывает в неё результат каждой строки. Откройте таблицу в Google Sheets, нажмите «Настройки доступа» (в старом интерфейсе «Открыть доступ»), вставьте адрес ${SA_EMAIL}, выберите роль «Редактор» и нажмите «Отправить». Либо передайте --report ФАЙЛ, чтобы записать результаты в файл на этом компьютере.`,
    );
  });

  it("a token's account has no e-mail to paste: the account is named by what it is", async () => {
    fake.spreadsheets.get("s1")!.access = "none";
    const api = await openSheetsApi(
      bareEnv({ GOOGLE_SHEETS_ACCESS_TOKEN: "ya29.secret", GOOGLE_SHEETS_API_URL: fake.url }),
    );
    const error = await locateTab(api, { spreadsheetId: "s1" }).catch((e) => e);
    const ru = errorSentence("ru", error);
    expect(ru).toMatch(/^У аккаунта Google, которому принадлежит GOOGLE_SHEETS_ACCESS_TOKEN, нет доступа/);
    expect(ru).not.toContain("ya29.secret");
  });

  it("a key that cannot sign: a new key through «IAM и администрирование» → «Сервисные аккаунты» → «Ключи»", async () => {
    const dir = tempDir("ctdial-badkey-");
    const key = join(dir, "key.json");
    writeFileSync(
      key,
      JSON.stringify({
        type: "service_account",
        client_email: SA_EMAIL,
        private_key: "-----BEGIN PRIVATE KEY-----\nMIIBroken\n-----END PRIVATE KEY-----\n",
      }),
    );
    const api = await openSheetsApi(
      bareEnv({ GOOGLE_APPLICATION_CREDENTIALS: key, GOOGLE_SHEETS_API_URL: fake.url }),
    );
    const ru = errorSentence("ru", await locateTab(api, { spreadsheetId: "s1" }).catch((e) => e));
    expect(ru).toContain(`Закрытым ключом из файла ${key} нельзя подписать запрос`);
    expect(ru).toContain(
      `Создайте новый ключ для ${SA_EMAIL} (консоль Google Cloud → «IAM и администрирование» → «Сервисные аккаунты» → ваш аккаунт → вкладка «Ключи» → «Добавить ключ» → «Создать новый ключ» → JSON → «Создать»)`,
    );
    expect(ru).not.toContain("MIIBroken");
  });

  it("a missing tab lists the tabs in «»; a missing spreadsheet says to copy the link again", async () => {
    const api = await tokenApi(fake);
    const noTab = await locateTab(api, { spreadsheetId: "s1" }, "Клиенты").catch((e) => e);
    expect(errorSentence("ru", noTab)).toBe(
      "В таблице «База» нет листа «Клиенты»; её листы: «Лист1», «Клиенты 2026».",
    );
    const byGid = await locateTab(api, { spreadsheetId: "s1", gid: 5 }).catch((e) => e);
    expect(errorSentence("ru", byGid)).toBe(
      "В таблице «База» нет листа с gid=5; её листы: «Лист1», «Клиенты 2026».",
    );
    const missing = await locateTab(api, { spreadsheetId: "nope" }).catch((e) => e);
    expect(errorSentence("ru", missing)).toBe(
      "Таблица nope не найдена: в ссылке опечатка или файл удалён. Скопируйте ссылку ещё раз из адресной строки браузера.",
    );
  });

  it("an .xlsx in Drive: «Файл» → «Сохранить как Google Таблицу»", async () => {
    fake.spreadsheets.get("s1")!.kind = "xlsx";
    const error = await locateTab(await saApi(), { spreadsheetId: "s1" }).catch((e) => e);
    expect(errorSentence("ru", error)).toContain("«Файл» → «Сохранить как Google Таблицу»");
  });
});
