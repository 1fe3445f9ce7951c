import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { errorSentence } from "../../src/errors.js";
import { openSheetsApi } from "../../src/google-sheets/api.js";
import { sheetsCredentials } from "../../src/google-sheets/auth.js";
import { type SheetsFake, startSheetsFake } from "../fakes/sheets/server.js";
import { tempDir } from "../tidy.js";
import { bareEnv, SA_EMAIL, serviceAccountKey } from "./helpers.js";

let fake: SheetsFake;
const seen: string[] = [];

beforeEach(async () => {
  seen.length = 0;
  fake = await startSheetsFake({
    acceptToken: (token) => {
      seen.push(token);
      return true;
    },
  });
  fake.add({ spreadsheetId: "s1", tabs: [{ title: "Лист1", rows: [["Телефон"]] }] });
});
afterEach(() => fake.close());

async function title(env: NodeJS.ProcessEnv, tokenUrl?: string): Promise<string | null | undefined> {
  const api = await openSheetsApi(env, { tokenUrl });
  return (await api.call("s1", "read", () => api.api.spreadsheets.get({ spreadsheetId: "s1" }))).properties
    ?.title;
}

describe("Google credentials, in the order the README gives", () => {
  it("GOOGLE_SHEETS_ACCESS_TOKEN is sent as a bearer token", async () => {
    expect(
      await title(bareEnv({ GOOGLE_SHEETS_ACCESS_TOKEN: "ya29.tok", GOOGLE_SHEETS_API_URL: fake.url })),
    ).toBe("Клиенты");
    expect(seen).toEqual(["ya29.tok"]);
  });

  it("a service-account key signs its own token (no trip to Google's token endpoint) as its client_email", async () => {
    const key = serviceAccountKey();
    await title(bareEnv({ GOOGLE_APPLICATION_CREDENTIALS: key, GOOGLE_SHEETS_API_URL: fake.url }));
    const [jwt] = seen;
    const payload = JSON.parse(Buffer.from(jwt!.split(".")[1]!, "base64url").toString("utf8"));
    expect(payload).toMatchObject({
      iss: SA_EMAIL,
      sub: SA_EMAIL,
      scope: "https://www.googleapis.com/auth/spreadsheets",
    });
    expect((await sheetsCredentials(bareEnv({ GOOGLE_APPLICATION_CREDENTIALS: key }))).principal).toBe(
      SA_EMAIL,
    );
  });

  it("an authorized-user file (gcloud's application default credentials) is found in its well-known place", async () => {
    const home = tempDir("ctdial-home-");
    mkdirSync(join(home, ".config", "gcloud"), { recursive: true });
    writeFileSync(
      join(home, ".config", "gcloud", "application_default_credentials.json"),
      JSON.stringify({ type: "authorized_user", client_id: "c", client_secret: "s", refresh_token: "r" }),
    );
    await title({ HOME: home, GOOGLE_SHEETS_API_URL: fake.url }, new URL("token", fake.url).href);
    expect(seen).toEqual(["fake-user-access-token"]);
  });

  it("without any credentials, says how to get them", async () => {
    await expect(sheetsCredentials(bareEnv())).rejects.toMatchObject({
      code: "E_SHEETS_NO_CREDENTIALS",
      exitCode: 2,
      message: expect.stringMatching(
        /^No Google credentials were found.*GOOGLE_APPLICATION_CREDENTIALS.*GOOGLE_SHEETS_ACCESS_TOKEN\.$/,
      ),
    });
  });

  it("a key path that does not exist or a file that is not a key is named, never printed", async () => {
    await expect(
      sheetsCredentials(bareEnv({ GOOGLE_APPLICATION_CREDENTIALS: "/nope/key.json" })),
    ).rejects.toThrow(
      "GOOGLE_APPLICATION_CREDENTIALS names /nope/key.json, which does not exist; download the service account's JSON key again and point the variable at it.",
    );
    const dir = tempDir("ctdial-key-");
    writeFileSync(join(dir, "k.json"), "private-bits-not-json");
    const error = await sheetsCredentials(
      bareEnv({ GOOGLE_APPLICATION_CREDENTIALS: join(dir, "k.json") }),
    ).catch((e) => e);
    expect(error.message).toMatch(/is not a Google credentials JSON file/);
    expect(error.message).not.toContain("private-bits");
  });

  it("a key of a known type with fields missing names the missing fields, not its type", async () => {
    const dir = tempDir("ctdial-key-");
    const key = join(dir, "k.json");
    writeFileSync(key, JSON.stringify({ type: "service_account", private_key_id: "x" }));
    const error = await sheetsCredentials(bareEnv({ GOOGLE_APPLICATION_CREDENTIALS: key })).catch((e) => e);
    expect(error.message).toContain(
      `a service_account credentials file without "client_email" and "private_key"; it is incomplete`,
    );
    expect(error.message).not.toContain("cannot use");
    writeFileSync(
      key,
      JSON.stringify({ type: "service_account", client_email: "a@b.iam", private_key_id: "x" }),
    );
    const one = await sheetsCredentials(bareEnv({ GOOGLE_APPLICATION_CREDENTIALS: key })).catch((e) => e);
    expect(one.message).toContain(`without "private_key";`);
    writeFileSync(key, JSON.stringify({ type: "external_account" }));
    const other = await sheetsCredentials(bareEnv({ GOOGLE_APPLICATION_CREDENTIALS: key })).catch((e) => e);
    expect(other.message).toContain(`of type "external_account" that ctdial cannot use`);
  });
});

describe("credentials problems in Russian", () => {
  it("no credentials: the steps in the Google Cloud console, by the Russian names of its menus", async () => {
    const error = await sheetsCredentials(bareEnv()).catch((e) => e);
    const ru = errorSentence("ru", error);
    expect(ru).toMatch(/^Не найдены учётные данные Google для чтения таблицы\./);
    expect(ru).toContain("«API и сервисы» → «Библиотека» → Google Sheets API → «Включить»");
    expect(ru).toContain(
      "«API и сервисы» → «Учетные данные» → «Создать учетные данные» → «Сервисный аккаунт»",
    );
    expect(ru).toContain("«IAM и администрирование» → «Сервисные аккаунты»");
    expect(ru).toContain("«Добавить ключ» → «Создать новый ключ» → JSON");
    expect(ru).toMatch(/GOOGLE_APPLICATION_CREDENTIALS или задайте GOOGLE_SHEETS_ACCESS_TOKEN\.$/);
  });

  it("a key file that is missing or incomplete is named, with the fields it lacks", async () => {
    const missing = await sheetsCredentials(
      bareEnv({ GOOGLE_APPLICATION_CREDENTIALS: "/nope/key.json" }),
    ).catch((e) => e);
    expect(errorSentence("ru", missing)).toMatch(
      /^В GOOGLE_APPLICATION_CREDENTIALS указан файл \/nope\/key\.json, но такого файла нет\. Скачайте JSON-ключ/,
    );
    const dir = tempDir("ctdial-key-");
    const key = join(dir, "k.json");
    writeFileSync(key, JSON.stringify({ type: "service_account", private_key_id: "x" }));
    const incomplete = await sheetsCredentials(bareEnv({ GOOGLE_APPLICATION_CREDENTIALS: key })).catch(
      (e) => e,
    );
    expect(errorSentence("ru", incomplete)).toContain(
      `В GOOGLE_APPLICATION_CREDENTIALS указан файл ${key} с типом service_account, но в нём нет полей «client_email» и «private_key»: файл неполный`,
    );
    writeFileSync(key, JSON.stringify({ type: "service_account", client_email: "a@b.iam" }));
    const one = await sheetsCredentials(bareEnv({ GOOGLE_APPLICATION_CREDENTIALS: key })).catch((e) => e);
    expect(errorSentence("ru", one)).toContain("нет поля «private_key»:");
  });
});
