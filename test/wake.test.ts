import { describe, expect, it } from "vitest";
import { WakeUp } from "../src/wake.js";

describe("the folder loop's wait between passes", () => {
  it("a wake that came during a pass (before the wait) ends the wait at once", async () => {
    const wake = new WakeUp();
    wake.take();
    wake.wake(); // a file event while the pass was scanning
    const started = Date.now();
    await wake.sleep(10_000, new AbortController().signal);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("a wake taken by a pass does not end the next wait", async () => {
    const wake = new WakeUp();
    wake.wake();
    wake.take(); // the pass that began after it saw the news
    const started = Date.now();
    await wake.sleep(60, new AbortController().signal);
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
  });

  it("a wake or a stop during the wait ends it", async () => {
    const wake = new WakeUp();
    const stop = new AbortController();
    const started = Date.now();
    setTimeout(() => wake.wake(), 20);
    await wake.sleep(10_000, stop.signal);
    wake.take();
    setTimeout(() => stop.abort(), 20);
    await wake.sleep(10_000, stop.signal);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe("WakeUp leaves no listener behind", () => {
  it("adds one listener to the service's signal per wait and removes it after", async () => {
    const wake = new WakeUp();
    const controller = new AbortController();
    let added = 0;
    let removed = 0;
    const add = controller.signal.addEventListener.bind(controller.signal);
    const remove = controller.signal.removeEventListener.bind(controller.signal);
    controller.signal.addEventListener = ((...args: Parameters<typeof add>) => {
      added++;
      add(...args);
    }) as typeof add;
    controller.signal.removeEventListener = ((...args: Parameters<typeof remove>) => {
      removed++;
      remove(...args);
    }) as typeof remove;
    for (let i = 0; i < 50; i++) {
      wake.take();
      await wake.sleep(1, controller.signal);
    }
    expect(added).toBe(50);
    expect(removed).toBe(50);
  });
});
