import type { Clock } from "../clock.js";
import type { RunProgress } from "../engine/run.js";
import type { StatusView } from "../watch/folder-events.js";
import type { FolderHandle, Hold } from "../watch/supervisor.js";

/**
 * A followed Google Sheet seen as the page sees a folder: one campaign (the tab), dialing while a look
 * runs, waiting for the next look between them. The sheet service says only when a look starts and
 * ends and how it progresses; this turns that into the status view the page's model reads.
 */
export class SheetView implements FolderHandle {
  #progress: RunProgress | undefined;
  #running = false;
  #nextLook: number | undefined;
  readonly #since: number;
  #stateSince: number;
  #state = "";

  constructor(
    private readonly name: string,
    private readonly where: string,
    private readonly clock: Clock,
    private readonly hold: Hold,
    private readonly holdsLock: () => boolean,
  ) {
    this.#since = clock.now();
    this.#stateSince = this.#since;
  }

  lookStarted(): void {
    this.#running = true;
    this.#progress = undefined;
    this.#nextLook = undefined;
  }

  progress(progress: RunProgress): void {
    this.#progress = progress;
  }

  lookEnded(nextLook: number): void {
    this.#running = false;
    this.#nextLook = nextLook;
  }

  senderLockHeld(): boolean {
    return this.holdsLock();
  }

  view(): StatusView {
    const now = this.clock.now();
    const held = this.hold.active;
    const state: StatusView["state"] =
      held !== undefined ? { kind: "paused" } : this.#running ? { kind: "sending" } : { kind: "idle" };
    if (state.kind !== this.#state) {
      this.#state = state.kind;
      this.#stateSince = now;
    }
    const progress = this.#progress;
    return {
      dir: this.where,
      at: now,
      state,
      since: this.#stateSince,
      ...(held === undefined ? {} : { held }),
      running: this.#running
        ? [
            {
              name: this.name,
              done: progress?.done ?? 0,
              read: progress?.read ?? 0,
              counts: progress?.counts ?? {},
              ...(progress?.waiting === undefined ? {} : { waiting: progress.waiting }),
            },
          ]
        : [],
      waiting: this.#running
        ? []
        : [
            {
              name: this.name,
              why: {
                kind: "waits",
                why: { kind: "not-now", message: "" },
                ...(this.#nextLook === undefined ? {} : { until: this.#nextLook }),
              },
            },
          ],
      recent: [],
    };
  }
}
