import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { ConfigError } from "../errors.js";
import { sourceKindOf } from "../sources/open.js";

/**
 * `.env` files: the one in the working directory, then the one beside the file named on the command
 * line (`ctdial run ~/calls/clients.csv` from another folder finds ~/calls/.env). A variable already
 * set wins over both, and the working directory's file wins over the source folder's: the environment
 * > ./.env > the source folder's .env, so a setting made where the command is typed is never
 * overridden by a file elsewhere.
 */
let searched: readonly string[] = [];

/** The .env paths looked at by the last `loadEnvFiles` (found or not), for the missing-token message. */
export function envFilesSearched(): readonly string[] {
  return searched;
}

export function envFilePaths(sourceArg: string | undefined, cwd = process.cwd()): string[] {
  const paths = [resolve(cwd, ".env")];
  if (sourceArg !== undefined && !isUrl(sourceArg)) {
    const beside = resolve(cwd, dirname(sourceArg), ".env");
    if (!paths.includes(beside)) paths.push(beside);
  }
  return paths;
}

/** Reads every .env file that exists, in precedence order (process.loadEnvFile never overrides a set variable). */
export function loadEnvFiles(sourceArg: string | undefined, cwd = process.cwd()): readonly string[] {
  searched = envFilePaths(sourceArg, cwd);
  for (const path of searched) {
    if (!existsSync(path)) continue;
    try {
      process.loadEnvFile(path);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ConfigError({ code: "E_ENV_FILE", params: { path, reason } }, { code: "E_CONFIG" });
    }
  }
  return searched;
}

function isUrl(arg: string): boolean {
  try {
    return sourceKindOf(arg) === "sheets";
  } catch {
    // Not a file ctdial reads: the command reports that; its folder is still a fine place to look.
    return false;
  }
}
