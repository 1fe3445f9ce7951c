import { createCalltouchClient } from "../calltouch/client.js";
import { DEFAULT_API_URL } from "../calltouch/endpoint.js";
import type { CalltouchClient } from "../calltouch/types.js";
import { SANDBOX_TOKEN, startSandbox } from "../sandbox/index.js";
import { readToken, requireToken } from "./token.js";

/** Where requests go: the real API, or an emulator started inside this process (`--sandbox`). */
export interface Endpoint {
  readonly client: CalltouchClient;
  /** For people: "api.calltouch.ru" or "the built-in sandbox at http://127.0.0.1:PORT". */
  readonly description: string;
  readonly sandbox: boolean;
  /** The token in use, for the per-token daily limit (only its fingerprint is ever stored). */
  readonly token: string;
  close(): Promise<void>;
}

export async function openEndpoint(useSandbox: boolean, env: NodeJS.ProcessEnv): Promise<Endpoint> {
  if (useSandbox) {
    const sandbox = await startSandbox();
    const token = readToken(env) ?? SANDBOX_TOKEN;
    const client = createCalltouchClient({ baseUrl: sandbox.url, token });
    return {
      client,
      token,
      description: `the built-in sandbox at ${sandbox.url} (nothing reaches Calltouch)`,
      sandbox: true,
      close: async () => {
        await client.close();
        await sandbox.close();
      },
    };
  }
  const token = requireToken(env);
  const baseUrl = env.CALLTOUCH_API_URL?.trim() || DEFAULT_API_URL;
  const client = createCalltouchClient({ baseUrl, token });
  return { client, token, description: new URL(baseUrl).host, sandbox: false, close: () => client.close() };
}
