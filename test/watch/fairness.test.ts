import { describe, expect, it } from "vitest";
import { dispatch } from "../../src/dispatch/dispatch.js";
import { createRateLimiter } from "../../src/dispatch/rate-limiter.js";
import type { DispatchItem } from "../../src/dispatch/types.js";
import { answer, phoneOf, scriptedClient } from "../dispatch/fake-client.js";
import { waitFor } from "../wait-for.js";

/**
 * The folder runs several campaigns through ONE limiter. Each dispatch keeps only 2 rows waiting for
 * a slot, and the limiter starts waiting tasks first come, first served; so when a small file joins a
 * large one, its rows queue between the large file's and take every other slot: round-robin without
 * a scheduler of its own. This test holds that property (a 20-row file is not starved by a long one).
 */
function campaign(prefix: string, count: number): AsyncGenerator<DispatchItem> {
  return (async function* () {
    for (let i = 1; i <= count; i++) {
      yield { rowNumber: i + 1, request: { routeKey: prefix, phone: phoneOf(i) } };
    }
  })();
}

describe("campaigns sharing the limiter take turns", () => {
  it("a 20-row file dropped while a long one runs gets every other slot", async () => {
    const limiter = createRateLimiter({ rate: 5, windowMs: 20, marginMs: 2, coldAfterMs: 60_000 });
    const { client, sent } = scriptedClient(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return answer.accepted(1);
    });
    const hooks = { onOutcome() {} };
    const controller = new AbortController();
    const big = dispatch(campaign("big", 2000), { client, limiter, hooks, signal: controller.signal });
    await waitFor(() => sent.length >= 30, "30 rows of the long file sent", 20_000, 2);
    const joinedAt = sent.length;
    await dispatch(campaign("small", 20), { client, limiter, hooks });
    const during = sent.slice(joinedAt).map((s) => s.routeKey);
    const lastSmall = during.lastIndexOf("small");
    controller.abort();
    await big;
    // 20 small rows in about 40 starts (every other slot), not after the long file's 1970 remaining rows.
    expect(lastSmall).toBeLessThan(20 * 2 + 4);
    const window = during.slice(4, lastSmall);
    const smallShare = window.filter((k) => k === "small").length / window.length;
    expect(smallShare).toBeGreaterThan(0.4);
    expect(smallShare).toBeLessThan(0.6);
  });
});
