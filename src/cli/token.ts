import { readFileSync } from "node:fs";
import { ConfigError } from "../errors.js";
import { registerSecret } from "../secrets.js";

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

export function requireToken(env: NodeJS.ProcessEnv): string {
  const token = readToken(env);
  if (token === undefined) {
    throw new ConfigError(
      "CALLTOUCH_TOKEN is not set; copy the API token from Calltouch (Integrations -> API and Webhooks -> API) into CALLTOUCH_TOKEN or a .env file, or add --sandbox to try without one.",
    );
  }
  return token;
}
