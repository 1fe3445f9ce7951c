import { mkdir } from "node:fs/promises";
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";
import { ConfigError } from "../errors.js";

/**
 * Where ctdial keeps what must outlive a run: journals, the daily-limit counter, the dedupe registry.
 * The XDG Base Directory spec puts such state in $XDG_STATE_HOME (default ~/.local/state); a relative
 * $XDG_STATE_HOME is invalid per the spec and ignored rather than resolved against whatever the
 * current directory happens to be.
 */
export function defaultStateDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
  home: string = homedir(),
): string {
  const xdg = env.XDG_STATE_HOME;
  const base = xdg !== undefined && xdg !== "" && isAbsolute(xdg) ? xdg : join(home, ".local", "state");
  return join(base, "ctdial");
}

/** Directories ctdial creates are private (0700): a journal reveals whom a business called and when. */
export const DIR_MODE = 0o700;
/** Files ctdial creates are private (0600). */
export const FILE_MODE = 0o600;

/** Creates `dir` (and missing parents) as 0700; an existing directory keeps the mode its owner chose. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
}

/** A file-system failure in the state directory, as one sentence naming the folder and what to do. */
export function stateDirError(dir: string, cause: unknown): ConfigError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? "error";
  return new ConfigError({ code: "E_STATE_DIR", params: { dir, errno: code } }, { cause });
}
