import http from "node:http";
import type { AddressInfo } from "node:net";

/** One scripted reply: gets the request and its full body, answers (or misbehaves) as it likes. */
export type Script = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

export interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export interface ScriptedServer {
  readonly url: string;
  readonly port: number;
  readonly seen: Seen[];
  /** TCP connections accepted so far. */
  readonly connections: () => number;
  close(): Promise<void>;
}

/**
 * A tiny HTTP server on 127.0.0.1, port 0, that answers the n-th request with the n-th script (the last
 * script repeats). Like got's tests: a real server, no module mocks.
 */
export async function startScripted(...scripts: Script[]): Promise<ScriptedServer> {
  const seen: Seen[] = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    const index = Math.min(seen.length, scripts.length - 1);
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("error", () => {});
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      scripts[index]?.(req, res, body);
    });
  });
  server.on("connection", () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export const json =
  (status: number, value: unknown, headers: Record<string, string> = {}): Script =>
  (_req, res) => {
    res.writeHead(status, { "Content-Type": "application/json", ...headers });
    res.end(JSON.stringify(value));
  };

export const html =
  (status: number, page: string): Script =>
  (_req, res) => {
    res.writeHead(status, { "Content-Type": "text/html" });
    res.end(page);
  };

/** The request was read, then the connection is reset with no answer at all. */
export const resetAfterRead: Script = (req) => {
  req.socket.resetAndDestroy();
};

/** Headers and half a body, then a reset. */
export const resetMidAnswer: Script = (req, res) => {
  res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "100" });
  res.write('{"data":{"widget');
  setTimeout(() => req.socket.resetAndDestroy(), 20);
};

/** Never answers. */
export const hang: Script = () => {};

export const NGINX_502 =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
