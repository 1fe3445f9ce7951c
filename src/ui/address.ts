import { isIP } from "node:net";
import { ConfigError } from "../errors.js";

/** Where the page listens. */
export interface UiAddress {
  readonly host: string;
  readonly port: number;
}

export const DEFAULT_UI_HOST = "127.0.0.1";
export const DEFAULT_UI_PORT = 8484;

/**
 * `--ui` as given: bare (true) is 127.0.0.1:8484; `PORT` alone listens on 127.0.0.1; `HOST:PORT`
 * and `[v6]:PORT` name the address. Port 0 picks a free one (tests).
 */
export function parseUiAddress(value: string | true): UiAddress {
  if (value === true) return { host: DEFAULT_UI_HOST, port: DEFAULT_UI_PORT };
  const given = value.trim();
  const match = /^(?:(\[[^\]]+\]|[^:[\]]*):)?(\d{1,5})$/.exec(given);
  const port = Number(match?.[2]);
  const rawHost = match?.[1];
  const host = rawHost === undefined || rawHost === "" ? DEFAULT_UI_HOST : rawHost.replace(/^\[|\]$/g, "");
  const hostOk = isIP(host) !== 0 || /^[a-z0-9.-]+$/i.test(host);
  if (match === null || !(port >= 0 && port <= 65_535) || !hostOk) {
    throw new ConfigError({ code: "E_UI_ADDRESS", params: { given } });
  }
  return { host, port };
}

/** True for an address only this machine reaches: 127.0.0.0/8, ::1, localhost. */
export function isLoopback(host: string): boolean {
  const bare = host.toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127(\.\d{1,3}){3}$/.test(bare);
}

/** `127.0.0.1:8484`, `[::1]:8484`. */
export function hostPort(host: string, port: number): string {
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}
