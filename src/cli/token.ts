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
    throw new ConfigError({ code: "E_TOKEN_FILE_UNREADABLE", params: { file } }, { code: "E_CONFIG" });
  }
  const token = text.trim();
  if (token === "")
    throw new ConfigError({ code: "E_TOKEN_FILE_EMPTY", params: { file } }, { code: "E_CONFIG" });
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
    throw new ConfigError({ code: "E_NO_TOKEN", params: { envFiles } }, { code: "E_CONFIG" });
  }
  return token;
}
