/**
 * The fake as its own process, for end-to-end tests of the built CLI: prints its URL, then is
 * driven over `/__fake/*` (see server.ts). Stops on SIGINT/SIGTERM.
 */
import { startSheetsFake } from "./server.js";

const writesPerMinute = Number(process.env.FAKE_WRITES_PER_MINUTE ?? 60);
const readsPerMinute = Number(process.env.FAKE_READS_PER_MINUTE ?? 60);
const fake = await startSheetsFake({ writesPerMinute, readsPerMinute });
process.stdout.write(`sheets fake listening at ${fake.url}\n`);
const stop = (): void => {
  fake.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
