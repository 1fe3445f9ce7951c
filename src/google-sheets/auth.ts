import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { type AuthClient, GoogleAuth, JWT, OAuth2Client, UserRefreshClient } from "google-auth-library";
import { ConfigError } from "../errors.js";
import type { CredentialsFrom, SheetsAccount } from "../i18n/catalog/google.en.js";

/** Read and write: results go back into the sheet. */
export const SHEETS_SCOPE = "https://www.googleapis.com/auth/spreadsheets";

/** Who reads the sheet, as the error messages name them (data: the catalog words them). */
export interface SheetsCredentials {
  readonly client: AuthClient;
  /**
   * The e-mail the sheet must be shared with: a service account's `client_email`, when the
   * credentials have one (otherwise `kind` says whose they are). Never a secret.
   */
  readonly principal: string | undefined;
  /** True when `principal` is an e-mail address the user can paste into Share. */
  readonly hasEmail: boolean;
  /**
   * The file the credentials came from (a service-account key, or a saved sign-in), so that a key
   * that cannot sign or a sign-in Google no longer honours is named. Never its content.
   */
  readonly file?: string;
  /** What kind of credentials these are: what to do about a failure depends on it. */
  readonly kind: SheetsAccount;
}

export interface AuthOptions {
  /** The OAuth token endpoint for authorized-user files (tests point it at a loopback fake). */
  readonly tokenUrl?: string;
}

/**
 * Finds Google credentials the way docs/contract.md lists them: GOOGLE_SHEETS_ACCESS_TOKEN (a ready
 * token), GOOGLE_APPLICATION_CREDENTIALS (a service-account key or an authorized-user file), then
 * application default credentials (gcloud's well-known file; the metadata server only when running
 * on Google Cloud, so that a laptop without credentials gets the advice at once instead of a timeout).
 */
export async function sheetsCredentials(
  env: NodeJS.ProcessEnv,
  options: AuthOptions = {},
): Promise<SheetsCredentials> {
  const token = env.GOOGLE_SHEETS_ACCESS_TOKEN?.trim();
  if (token) {
    const client = new OAuth2Client();
    client.setCredentials({ access_token: token });
    return { client, principal: undefined, hasEmail: false, kind: "token" };
  }
  const keyFile = env.GOOGLE_APPLICATION_CREDENTIALS?.trim();
  if (keyFile) return fromFile(keyFile, "env", options);
  const wellKnown = wellKnownFile(env);
  if (existsSync(wellKnown)) return fromFile(wellKnown, "gcloud", options);
  if (onGoogleCloud(env)) {
    const client = await new GoogleAuth({ scopes: [SHEETS_SCOPE] }).getClient();
    const email = (await new GoogleAuth().getCredentials().catch(() => undefined))?.client_email;
    return email
      ? { client, principal: email, hasEmail: true, kind: "cloud" }
      : { client, principal: undefined, hasEmail: false, kind: "cloud" };
  }
  throw new ConfigError({ code: "E_SHEETS_NO_CREDENTIALS", params: {} });
}

interface CredentialFile {
  type?: string;
  client_email?: string;
  private_key?: string;
  private_key_id?: string;
  client_id?: string;
  client_secret?: string;
  refresh_token?: string;
}

/** The fields a known type of credentials file needs and this one lacks; undefined for an unknown type. */
function missingFields(json: CredentialFile): string[] | undefined {
  const needs: Record<string, readonly (keyof CredentialFile)[]> = {
    service_account: ["client_email", "private_key"],
    authorized_user: ["refresh_token"],
  };
  const fields = json.type === undefined ? undefined : needs[json.type];
  return fields?.filter((field) => !json[field]);
}

function fromFile(path: string, from: CredentialsFrom, options: AuthOptions): SheetsCredentials {
  let json: CredentialFile;
  try {
    json = JSON.parse(readFileSync(path, "utf8")) as CredentialFile;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new ConfigError({
      code: "E_SHEETS_CREDENTIALS_FILE",
      params: { from, path, problem: missing ? "missing" : "not-json" },
    });
  }
  if (json.type === "service_account" && json.client_email && json.private_key) {
    const client = new JWT({
      email: json.client_email,
      key: json.private_key,
      keyId: json.private_key_id,
      scopes: [SHEETS_SCOPE],
    });
    // A self-signed token: no round trip to Google's token endpoint before the first request.
    client.useJWTAccessWithScope = true;
    return { client, principal: json.client_email, hasEmail: true, file: path, kind: "service-account" };
  }
  if (json.type === "authorized_user" && json.refresh_token) {
    const client = new UserRefreshClient({
      clientId: json.client_id,
      clientSecret: json.client_secret,
      refreshToken: json.refresh_token,
      ...(options.tokenUrl ? { endpoints: { oauth2TokenUrl: options.tokenUrl } } : {}),
    });
    return { client, principal: undefined, hasEmail: false, file: path, kind: "signed-in" };
  }
  const missing = missingFields(json);
  if (missing !== undefined) {
    throw new ConfigError({
      code: "E_SHEETS_CREDENTIALS_FILE",
      params: { from, path, problem: "incomplete", type: String(json.type), fields: missing },
    });
  }
  const type = json.type === undefined ? {} : { type: String(json.type) };
  throw new ConfigError({
    code: "E_SHEETS_CREDENTIALS_FILE",
    params: { from, path, problem: "unknown-type", ...type },
  });
}

function wellKnownFile(env: NodeJS.ProcessEnv): string {
  if (process.platform === "win32" && env.APPDATA) {
    return join(env.APPDATA, "gcloud", "application_default_credentials.json");
  }
  const config = env.CLOUDSDK_CONFIG ?? join(env.HOME ?? homedir(), ".config", "gcloud");
  return join(config, "application_default_credentials.json");
}

/** Cloud Run, Cloud Functions, GKE and Compute Engine say so in their environment or their BIOS. */
function onGoogleCloud(env: NodeJS.ProcessEnv): boolean {
  if (env.GCE_METADATA_HOST || env.K_SERVICE || env.FUNCTION_TARGET) {
    return true;
  }
  try {
    return readFileSync("/sys/class/dmi/id/product_name", "utf8").includes("Google");
  } catch {
    return false;
  }
}
