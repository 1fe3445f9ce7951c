import type { googleEn } from "../../../src/i18n/catalog/google.en.js";
import type { Samples } from "./samples.js";

const EMAIL = "ctdial-bot@my-project.iam.gserviceaccount.com";
const ID = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEf";

/** Sample parameters for every message of the "google" area: each list is rendered in every language. */
export const googleSamples: Samples<typeof googleEn> = {
  E_SHEETS_SIGNIN_EXPIRED: [{ file: "/home/anna/.config/gcloud/application_default_credentials.json" }, {}],
  E_SHEETS_KEY_UNUSABLE: [
    {
      file: "/home/anna/ключ.json",
      email: EMAIL,
      reason: "error:1E08010C:DECODER routines::unsupported",
    },
    { email: EMAIL },
  ],
  E_SHEETS_UNREACHABLE: [{ reason: "getaddrinfo ENOTFOUND sheets.googleapis.com" }, {}],
  E_SHEETS_UNAUTHENTICATED: [{ spreadsheetId: ID }],
  E_SHEETS_VIEW_ONLY: [
    { spreadsheetId: ID, email: EMAIL, account: "service-account" },
    { spreadsheetId: ID, account: "token" },
    { spreadsheetId: ID, account: "signed-in" },
    { spreadsheetId: ID, account: "cloud" },
    { spreadsheetId: ID, email: EMAIL, account: "cloud" },
  ],
  E_SHEETS_FORBIDDEN: [
    { spreadsheetId: ID, email: EMAIL, account: "service-account" },
    { spreadsheetId: ID, account: "token" },
    { spreadsheetId: ID, account: "signed-in" },
    { spreadsheetId: ID, account: "cloud" },
  ],
  E_SHEETS_NOT_FOUND: [{ spreadsheetId: ID }],
  E_SHEETS_NOT_CONVERTED: [{ spreadsheetId: ID }],
  E_SHEETS_QUOTA: [{ spreadsheetId: ID }],
  E_SHEETS_API: [
    {
      spreadsheetId: ID,
      httpStatus: 400,
      status: "INVALID_ARGUMENT",
      message: "Unable to parse range: 'Клиенты'!A1:Z",
    },
    { spreadsheetId: ID, httpStatus: 418 },
  ],
  E_SHEETS_NO_TAB: [
    { spreadsheetTitle: "База", title: "Клиенты", tabs: ["Лист1", "Клиенты 2026"] },
    { spreadsheetTitle: "База", gid: 5, tabs: ["Лист1"] },
    { spreadsheetTitle: "База", tabs: [] },
  ],
  E_SHEETS_NO_CREDENTIALS: [{}],
  E_SHEETS_CREDENTIALS_FILE: [
    { from: "env", path: "/nope/key.json", problem: "missing" },
    { from: "env", path: "/home/anna/k.json", problem: "not-json" },
    {
      from: "env",
      path: "/home/anna/k.json",
      problem: "incomplete",
      type: "service_account",
      fields: ["client_email", "private_key"],
    },
    {
      from: "gcloud",
      path: "/home/anna/adc.json",
      problem: "incomplete",
      type: "authorized_user",
      fields: ["refresh_token"],
    },
    { from: "env", path: "/home/anna/k.json", problem: "unknown-type", type: "external_account" },
    { from: "gcloud", path: "/home/anna/adc.json", problem: "unknown-type" },
  ],
  E_SHEETS_URL: [
    { text: "https://docs.google.com/spreadsheets/d/e/2PACX-1vQ/pubhtml", problem: "published" },
    { text: "https://docs.google.com/spreadsheets/d/abc/edit#gid=x1", problem: "gid", gid: "x1" },
    { text: "https://example.com/table", problem: "not-a-link" },
  ],
  E_WATCH_TARGET: [{ target: "клиенты.csv" }],
  googleErrorMessage: [{ message: "socket hang up" }],
  googleWriteNotPlaced: [1, 2, 5, 11, 21, 101].map((count) => ({ count })),
  googleWriteDeferred: [{ reason: "socket hang up", retryInSeconds: 15 }],
  googleWatchConfirm: [
    { spreadsheet: "Лиды", tab: "Заявки", endpoint: "api.calltouch.ru" },
    { spreadsheet: "Лиды", tab: "Заявки", endpoint: "встроенную песочницу" },
  ],
  googleWatchStopping: [{}],
  googleWatchStarted: [{}],
  googleWatchNewRowsSent: [{}],
  googleWatchGoesOn: [
    { reason: "Не удалось связаться с Google Sheets (нет ответа).", seconds: 15 },
    { reason: "x", seconds: 1.5 },
  ],
  googleCleanupSignals: [{}],
  googleCleanupConnection: [{}],
  googleCleanupLog: [{}],
};
