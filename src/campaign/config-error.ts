import { ConfigError } from "../errors.js";
import { type Key, type ParamsOf, said } from "../i18n/catalog.js";

/**
 * The public code (`--json`) of every problem with a campaign file: its sentence has its own key,
 * but scripts have always been told E_CONFIG.
 */
export const CONFIG_CODE = "E_CONFIG";

/** A ConfigError with the stable code E_CONFIG, saying `code` (a catalog key) with `params`. */
export function configError<K extends Key>(code: K, params: ParamsOf<K>, cause?: unknown): ConfigError {
  return new ConfigError(said(code, params), {
    code: CONFIG_CODE,
    ...(cause === undefined ? {} : { cause }),
  });
}
