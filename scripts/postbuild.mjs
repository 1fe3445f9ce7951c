// Makes dist/cli.js executable: npm links `bin` entries, but a plain `node dist/cli.js` or a
// direct `./dist/cli.js` call after `npm install` must work too.
import { chmodSync, existsSync } from "node:fs";

if (existsSync("dist/cli.js")) chmodSync("dist/cli.js", 0o755);
