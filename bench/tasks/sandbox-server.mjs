// The Calltouch sandbox in a process of its own, so that its CPU never delays the sender being
// measured. Talks to its parent over IPC:
//   -> {type:"ready", url}                 once listening
//   -> {type:"first", receivedAt}          when the first request has arrived (its arrival time)
//   <- {type:"report"}  -> {type:"report", arrivals, accepted, requests, rateLimited, answers}
//   <- {type:"close"}                      closes the server and exits
// Usage: node bench/tasks/sandbox-server.mjs '<SandboxOptions as JSON>'
const { startSandbox } = await import(new URL("../../dist/sandbox/index.js", import.meta.url).href);

const options = JSON.parse(process.argv[2] ?? "{}");
let firstSent = false;
const sandbox = await startSandbox({
  ...options,
  onAnswer: (seen) => {
    if (firstSent) return;
    firstSent = true;
    process.send({ type: "first", receivedAt: seen.receivedAt });
  },
});

process.on("message", async (message) => {
  if (message.type === "report") {
    const answers = {};
    for (const seen of sandbox.requests) answers[seen.answer] = (answers[seen.answer] ?? 0) + 1;
    process.send({
      type: "report",
      arrivals: sandbox.requests.map((seen) => seen.receivedAt),
      accepted: sandbox.accepted.map((request) => request.receivedAt),
      acceptedPhones: sandbox.accepted.map((request) => request.body.phone),
      requests: sandbox.requests.length,
      rateLimited: sandbox.rateLimited,
      answers,
    });
  } else if (message.type === "close") {
    await sandbox.close();
    process.disconnect();
  }
});
// The parent went away without saying close: do not linger.
process.on("disconnect", () => {
  sandbox.close().finally(() => process.exit(0));
});
process.send({ type: "ready", url: sandbox.url });
