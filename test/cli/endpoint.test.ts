import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { openEndpoint } from "../../src/cli/endpoint.js";

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(url, { method: "GET" }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on("error", () => resolve(false));
    req.end();
  });
}

describe("closing the --sandbox endpoint", () => {
  it("closes the in-process sandbox server even when closing the client throws, and reports the failure", async () => {
    const errors: string[] = [];
    const endpoint = await openEndpoint(true, {}, (what, error) =>
      errors.push(`${what}: ${(error as Error).message}`),
    );
    const url = /at (http:\/\/\S+)/.exec(endpoint.description)?.[1] ?? "";
    expect(await answers(url)).toBe(true);
    (endpoint.client as { close: () => Promise<void> }).close = () =>
      Promise.reject(new Error("client broke"));
    await expect(endpoint.close()).resolves.toBeUndefined();
    expect(errors).toEqual(["close the connection to the built-in sandbox: client broke"]);
    // A server left open kept `ctdial run --sandbox` alive forever.
    expect(await answers(url)).toBe(false);
  });
});
