import { readFileSync } from "node:fs";
import { ConfigError } from "../errors.js";
import { registerSecret } from "../secrets.js";
import { envFilesSearched } from "./env-files.js";

/**
 * The Access-Token: CALLTOUCH_TOKEN, else the contents of the file CALLTOUCH_TOKEN_FILE names (for
 * secrets mounted as files). Messages name the variables, never the value.
 */
export function readToken(env: NodeJS.ProcessEnv): string | undefined {
  const direct = env.CALLTOUCH_TOKEN?.trim();
  if (direct) {
    registerSecret(direct);
    return direct;
  }
  const file = env.CALLTOUCH_TOKEN_FILE?.trim();
  if (!file) return undefined;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new ConfigError(
      `CALLTOUCH_TOKEN_FILE names ${file}, which cannot be read; check the path and its permissions.`,
    );
  }
  const token = text.trim();
  if (token === "")
    throw new ConfigError(`CALLTOUCH_TOKEN_FILE names ${file}, which is empty; put the Access-Token in it.`);
  registerSecret(token);
  return token;
}

/**
 * The token, or a ConfigError that says where ctdial looked (the environment and each .env path) and
 * names the cabinet's menu the way the cabinet shows it: in Russian, as the README does.
 */
export function requireToken(
  env: NodeJS.ProcessEnv,
  envFiles: readonly string[] = envFilesSearched(),
): string {
  const token = readToken(env);
  if (token === undefined) {
    const places = ["the environment", ...envFiles];
    const looked = `${places.slice(0, -1).join(", ")}${places.length > 1 ? " and " : ""}${places.at(-1)}`;
    throw new ConfigError(
      `CALLTOUCH_TOKEN is not set (looked in ${looked}); copy the API token from the Calltouch cabinet (Интеграции -> API и Webhooks -> API) into CALLTOUCH_TOKEN or a .env file beside your file, or add --sandbox to try without one.`,
    );
  }
  return token;
}
