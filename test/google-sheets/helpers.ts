import { generateKeyPairSync } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { openSheetsApi, type SheetsApi, type SheetsApiOptions } from "../../src/google-sheets/api.js";
import type { SheetsFake } from "../fakes/sheets/server.js";
import { tempDir } from "../tidy.js";

export const SA_EMAIL = "ctdial-bot@my-project.iam.gserviceaccount.com";

/** A service-account key file as Google's console downloads it (with a freshly made RSA key). */
export function serviceAccountKey(dir = tempDir("ctdial-sa-")): string {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const path = join(dir, "key.json");
  writeFileSync(
    path,
    JSON.stringify({
      type: "service_account",
      project_id: "my-project",
      private_key_id: "abc123",
      private_key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      client_email: SA_EMAIL,
      client_id: "1234567890",
      token_uri: "https://oauth2.googleapis.com/token",
    }),
  );
  return path;
}

/** An env that finds no credentials anywhere (HOME points at an empty folder). */
export function bareEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { HOME: tempDir("ctdial-home-"), ...extra };
}

/** The API client against the fake with a bearer token; retries do not wait. */
export function tokenApi(fake: SheetsFake, options: SheetsApiOptions = {}): Promise<SheetsApi> {
  return openSheetsApi(
    bareEnv({ GOOGLE_SHEETS_ACCESS_TOKEN: "test-token", GOOGLE_SHEETS_API_URL: fake.url }),
    {
      sleep: async () => {},
      ...options,
    },
  );
}
