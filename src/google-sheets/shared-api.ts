import { openSheetsApi, type SheetsApi } from "./api.js";
import { locateTab, type SheetTab } from "./tab.js";
import { parseSheetLocation } from "./url.js";

/**
 * One Sheets client per set of credentials for the whole process: a command resolves the tab,
 * reads the rows and writes results back with the same client (and one credentials lookup).
 */
const clients = new Map<string, Promise<SheetsApi>>();

export function sharedSheetsApi(env: NodeJS.ProcessEnv): Promise<SheetsApi> {
  const key = JSON.stringify([
    env.GOOGLE_SHEETS_ACCESS_TOKEN ?? "",
    env.GOOGLE_APPLICATION_CREDENTIALS ?? "",
    env.GOOGLE_SHEETS_API_URL ?? "",
    env.HOME ?? "",
  ]);
  let client = clients.get(key);
  if (client === undefined) {
    client = openSheetsApi(env);
    clients.set(key, client);
    // A failed lookup (no credentials yet) is not remembered: the user may fix it and retry in-process.
    client.catch(() => clients.delete(key));
  }
  return client;
}

/** The tab a sheet source names (link, bare id; `sheet` by title wins). */
export async function locateSheetTab(
  location: string,
  sheet: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<SheetTab> {
  return locateTab(await sharedSheetsApi(env), parseSheetLocation(location), sheet);
}
