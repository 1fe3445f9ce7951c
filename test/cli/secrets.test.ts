import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/cli/logger.js";
import { readToken, requireToken } from "../../src/cli/token.js";
import { redact, registerSecret } from "../../src/secrets.js";
import { tempDir } from "../tidy.js";

const TOKEN = "ct-test-token-9f8e7d";

function capture(): { stream: Writable; text: () => string } {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

describe("the token never reaches a log", () => {
  it("censors it under known keys and inside message text", () => {
    registerSecret(TOKEN);
    const out = capture();
    const logger = createLogger("info", false, out.stream);
    logger.info({ token: TOKEN, request: { headers: { "Access-Token": TOKEN } } }, "sending");
    logger.warn(`proxy said: <pre>Access-Token: ${TOKEN}</pre>`);
    expect(out.text()).not.toContain(TOKEN);
    expect(out.text()).toContain("[redacted]");
    expect(out.text().trim().split("\n")).toHaveLength(2);
  });

  it("redact() replaces every occurrence and ignores values too short to be secrets", () => {
    registerSecret(TOKEN);
    registerSecret("abc");
    expect(redact(`a ${TOKEN} b ${TOKEN}`)).toBe("a [redacted] b [redacted]");
    expect(redact("abc")).toBe("abc");
  });
});

describe("reading the token", () => {
  const dir = tempDir("ctdial-token-");

  it("prefers CALLTOUCH_TOKEN, else reads CALLTOUCH_TOKEN_FILE (trimmed)", () => {
    const file = join(dir, "token");
    writeFileSync(file, `  ${TOKEN}\n`);
    expect(readToken({ CALLTOUCH_TOKEN: " direct-token-1 ", CALLTOUCH_TOKEN_FILE: file })).toBe(
      "direct-token-1",
    );
    expect(readToken({ CALLTOUCH_TOKEN_FILE: file })).toBe(TOKEN);
    expect(readToken({})).toBeUndefined();
  });

  it("says what is wrong with the file without printing its contents", () => {
    const empty = join(dir, "empty");
    writeFileSync(empty, "\n");
    expect(() => readToken({ CALLTOUCH_TOKEN_FILE: empty })).toThrow(
      `CALLTOUCH_TOKEN_FILE names ${empty}, which is empty; put the Access-Token in it.`,
    );
    const missing = join(dir, "missing");
    expect(() => readToken({ CALLTOUCH_TOKEN_FILE: missing })).toThrow(
      `CALLTOUCH_TOKEN_FILE names ${missing}, which cannot be read; check the path and its permissions.`,
    );
  });

  it("asks for a token, naming where it looked, the cabinet's menu and the way to try without one", () => {
    expect(() => requireToken({}, ["/work/.env", "/home/op/calls/.env"])).toThrow(
      "CALLTOUCH_TOKEN is not set (looked in the environment, /work/.env and /home/op/calls/.env); " +
        "copy the API token from the Calltouch cabinet (Интеграции -> API и Webhooks -> API) into CALLTOUCH_TOKEN " +
        "or a .env file beside your file, or add --sandbox to try without one.",
    );
    expect(() => requireToken({}, [])).toThrow(/^CALLTOUCH_TOKEN is not set \(looked in the environment\); /);
  });
});
