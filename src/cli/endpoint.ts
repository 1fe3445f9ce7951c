import { createCalltouchClient } from "../calltouch/client.js";
import { DEFAULT_API_URL } from "../calltouch/endpoint.js";
import type { CalltouchClient } from "../calltouch/types.js";
import { SANDBOX_TOKEN, startSandbox } from "../sandbox/index.js";
import { type CleanupErrorHandler, runCleanup, warnOnStderr } from "./cleanup.js";
import { t } from "./lang.js";
import { readToken, requireToken } from "./token.js";

/** Where requests go: the real API, or an emulator started inside this process (`--sandbox`). */
export interface Endpoint {
  readonly client: CalltouchClient;
  /** For people: "api.calltouch.ru" or "the built-in sandbox at http://127.0.0.1:PORT". */
  readonly description: string;
  readonly sandbox: boolean;
  /** The token in use, for the per-token daily limit (only its fingerprint is ever stored). */
  readonly token: string;
  /** Closes the client and the sandbox server independently; what fails goes to `onError`, never thrown. */
  close(): Promise<void>;
}

export async function openEndpoint(
  useSandbox: boolean,
  env: NodeJS.ProcessEnv,
  onError: CleanupErrorHandler = warnOnStderr,
): Promise<Endpoint> {
  if (useSandbox) {
    const sandbox = await startSandbox();
    const token = readToken(env) ?? SANDBOX_TOKEN;
    const client = createCalltouchClient({ baseUrl: sandbox.url, token });
    return {
      client,
      token,
      description: t().runEndpointSandbox({ url: sandbox.url }),
      sandbox: true,
      // The server is closed even when closing the client fails: an open server keeps the process alive.
      close: () =>
        runCleanup(
          [
            { what: t().runCleanupSandboxClient(), run: () => client.close() },
            { what: t().runCleanupSandbox(), run: () => sandbox.close() },
          ],
          onError,
        ),
    };
  }
  const token = requireToken(env);
  const baseUrl = env.CALLTOUCH_API_URL?.trim() || DEFAULT_API_URL;
  const client = createCalltouchClient({ baseUrl, token });
  return {
    client,
    token,
    description: new URL(baseUrl).host,
    sandbox: false,
    close: () => runCleanup([{ what: t().runCleanupCalltouch(), run: () => client.close() }], onError),
  };
}
