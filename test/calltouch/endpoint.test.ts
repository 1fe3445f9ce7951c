import { expect, it } from "vitest";
import { CREATE_PATH, createEndpoint } from "../../src/calltouch/endpoint.js";
import { ConfigError } from "../../src/errors.js";

it.each([
  ["https://api.calltouch.ru", `https://api.calltouch.ru${CREATE_PATH}`],
  ["https://api.calltouch.ru/", `https://api.calltouch.ru${CREATE_PATH}`],
  ["http://127.0.0.1:8080//", `http://127.0.0.1:8080${CREATE_PATH}`],
  ["http://proxy.local/ct/?x=1#y", `http://proxy.local/ct${CREATE_PATH}`],
])("%s -> %s", (base, url) => {
  expect(createEndpoint(base).href).toBe(url);
});

it("names a bad URL without the password it may carry", () => {
  expect(() => createEndpoint("not a url")).toThrow(ConfigError);
  expect(() => createEndpoint("ht tp://user:hunter2@host")).not.toThrow(/hunter2/);
  expect(() => createEndpoint("mailto:me@example.com")).toThrow(/must start with https:\/\//);
});
