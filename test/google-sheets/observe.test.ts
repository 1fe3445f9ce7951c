import { describe, expect, it } from "vitest";
import { observeSheets, openSheetsApi, type SheetsActivity } from "../../src/google-sheets/api.js";

/** Every Sheets request of the process, and every wait for Google's quota, can be followed (`watch --ui`'s /metrics). */
describe("following the Sheets requests of the process", () => {
  it("tells each attempt with its action and each 429 wait, and stops telling once unfollowed", async () => {
    const api = await openSheetsApi(
      { GOOGLE_SHEETS_ACCESS_TOKEN: "ya29.test", GOOGLE_SHEETS_API_URL: "http://127.0.0.1:9/" },
      { sleep: async () => {} },
    );
    const seen: SheetsActivity[] = [];
    const stop = observeSheets((activity) => seen.push(activity));
    let calls = 0;
    const quota = Object.assign(new Error("quota"), { response: { status: 429, headers: {} } });
    const data = await api.call("sheet-id", "write", async () => {
      calls += 1;
      if (calls === 1) throw quota;
      return { data: "ok" };
    });
    expect(data).toBe("ok");
    expect(seen.map((a) => a.kind)).toEqual(["request", "quota-wait", "request"]);
    expect(seen[0]).toEqual({ kind: "request", action: "write" });
    stop();
    await api.call("sheet-id", "read", async () => ({ data: 1 }));
    expect(seen).toHaveLength(3);
  });
});
