import { describe, expect, it } from "vitest";
import { readAnswer, snippetOf } from "../../src/calltouch/read-answer.js";

const NOW = Date.parse("2026-03-02T10:00:00Z");
const read = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  readAnswer({ status, headers, body: typeof body === "string" ? body : JSON.stringify(body) }, NOW);

describe("readAnswer follows docs/calltouch-api.md's order", () => {
  it("a widgetRequestId is accepted, as a number or a string", () => {
    expect(read(200, { data: { widgetRequestId: 242839778 } })).toEqual({
      kind: "accepted",
      status: 200,
      requestId: 242839778,
    });
    expect(read(200, { data: { widgetRequestId: "A-1" } })).toMatchObject({
      kind: "accepted",
      requestId: "A-1",
    });
  });

  it("apiErrorData becomes an api-error with the message verbatim; a numeric string code is read", () => {
    const message = "Не найден включённый виджет с указанным routeKey";
    expect(read(400, { data: { apiErrorData: { errorCode: 10003, errorMessage: message } } })).toEqual({
      kind: "api-error",
      status: 400,
      code: 10003,
      message,
    });
    expect(read(400, { data: { apiErrorData: { errorCode: "10007" } } })).toEqual({
      kind: "api-error",
      status: 400,
      code: 10007,
      message: "",
    });
  });

  it("validation violations keep their messages and property paths", () => {
    const body = {
      data: {
        validationErrorData: {
          violations: [
            { message: "Значение не должно быть пустым.", propertyPath: "phone" },
            { message: "Слишком длинно" },
            "plain",
          ],
        },
      },
    };
    expect(read(400, body)).toEqual({
      kind: "validation-error",
      status: 400,
      violations: [
        { message: "Значение не должно быть пустым.", propertyPath: "phone" },
        { message: "Слишком длинно" },
        { message: "plain" },
      ],
    });
  });

  it("a bare message, top-level or under data, is an http-error carrying it", () => {
    expect(read(403, { message: "Invalid credentials" })).toEqual({
      kind: "http-error",
      status: 403,
      message: "Invalid credentials",
    });
    expect(read(429, { data: { message: "Слишком много запросов" } }, { "retry-after": "3" })).toEqual({
      kind: "http-error",
      status: 429,
      message: "Слишком много запросов",
      retryAfterMs: 3000,
    });
  });

  it("an apiErrorData without a usable code falls back to its message", () => {
    expect(read(400, { data: { apiErrorData: { errorMessage: "что-то не так" } } })).toEqual({
      kind: "http-error",
      status: 400,
      message: "что-то не так",
    });
  });

  it("JSON with nothing known, or an empty body, is an http-error with the status only", () => {
    expect(read(503, { status: "down" })).toEqual({ kind: "http-error", status: 503 });
    expect(read(502, "")).toEqual({ kind: "http-error", status: 502 });
    expect(read(500, "null")).toEqual({ kind: "http-error", status: 500 });
    expect(read(500, "[1,2]")).toEqual({ kind: "http-error", status: 500 });
  });

  it("a 200 without a widgetRequestId is never accepted", () => {
    expect(read(200, { data: {} })).toEqual({ kind: "http-error", status: 200 });
    expect(read(200, "")).toEqual({ kind: "http-error", status: 200 });
    expect(read(200, "<html>OK</html>")).toEqual({ kind: "bad-body", status: 200, snippet: "OK" });
    expect(read(200, { data: { widgetRequestId: "" } })).toEqual({ kind: "http-error", status: 200 });
  });

  it("a non-JSON body is bad-body with a tag-free snippet and Retry-After", () => {
    const page =
      "<html><head><style>p{}</style><script>var a = 1;</script></head><body><h1>503 &amp; down</h1></body></html>";
    expect(read(503, page, { "retry-after": "Mon, 02 Mar 2026 10:00:30 GMT" })).toEqual({
      kind: "bad-body",
      status: 503,
      snippet: "503 & down",
      retryAfterMs: 30_000,
    });
  });
});

describe("snippetOf", () => {
  it("cuts long pages to 200 characters with an ellipsis", () => {
    const snippet = snippetOf(`<p>${"д".repeat(500)}</p>`);
    expect(snippet).toHaveLength(201);
    expect(snippet.endsWith("…")).toBe(true);
  });

  it("collapses whitespace and drops comments", () => {
    expect(snippetOf("<!-- secret -->\n  a \t\n b ")).toBe("a b");
  });
});
