import { ConfigError } from "../errors.js";

/** The callback-request path, appended to CALLTOUCH_API_URL (docs/contract.md "Environment"). */
export const CREATE_PATH = "/widget-service/v1/api/widget-request/user-form/create";

/** Calltouch's production API, the default of CALLTOUCH_API_URL. */
export const DEFAULT_API_URL = "https://api.calltouch.ru";

/**
 * The full URL of the create call for a base URL that may end with "/" or carry a path prefix (a
 * proxy mounted under /calltouch). Query and fragment of the base are dropped: the API takes none.
 */
export function createEndpoint(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw new ConfigError(
      { code: "E_API_URL", params: { url: describeBase(baseUrl) } },
      { code: "E_CONFIG" },
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(
      { code: "E_API_URL_SCHEME", params: { protocol: url.protocol } },
      { code: "E_CONFIG" },
    );
  }
  url.pathname = `${url.pathname.replace(/\/+$/, "")}${CREATE_PATH}`;
  url.search = "";
  url.hash = "";
  return url;
}

/** The host for messages: never the userinfo part of a URL, which may hold a password. */
export function describeHost(url: URL): string {
  return url.host;
}

function describeBase(baseUrl: string): string {
  // A malformed URL may still carry "user:password@"; show at most its shape.
  const cut = baseUrl.replace(/\/\/[^/@]*@/, "//***@");
  return cut.length > 80 ? `${cut.slice(0, 80)}…` : cut;
}
