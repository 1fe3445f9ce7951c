import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { basename, dirname, relative, resolve, sep } from "node:path";
import type { Command } from "commander";
import { campaignPathFor, proposeCampaign } from "../campaign/init.js";
import { bundledSchemaPath } from "../campaign/json-schema.js";
import { ConfigError } from "../errors.js";
import { said } from "../i18n/catalog.js";
import { openSource, sourceKindOf } from "../sources/open.js";
import type { Cell, Source } from "../sources/types.js";
import { refuseInapplicableSourceOptions } from "./applicable.js";
import { runCleanup } from "./cleanup.js";
import { currentLang, t } from "./lang.js";
import { SOURCE_KINDS } from "./options.js";
import { processOutput } from "./output.js";

interface InitFlags {
  sheet?: string;
  encoding?: string;
  delimiter?: string;
  force?: boolean;
}

export function registerInit(program: Command): void {
  const words = t();
  program
    .command("init")
    .description(words.helpInitDescription())
    .argument("<source>", words.helpInitSourceArgument({ kinds: SOURCE_KINDS }))
    .option("--sheet <name>", words.helpOptionSheet())
    .option("--encoding <name>", words.helpInitEncoding())
    .option("--delimiter <char>", words.helpInitDelimiter())
    .option("--force", words.helpInitForce())
    .action(async (sourceArg: string, flags: InitFlags) => {
      process.exitCode = await initCommand(sourceArg, flags);
    });
}

export async function initCommand(sourceArg: string, flags: InitFlags): Promise<number> {
  const output = processOutput(false);
  const isSheet = sourceKindOf(sourceArg) === "sheets";
  // A sheet's link stays a link: the campaign file names it as its source.
  const sourcePath = isSheet ? sourceArg.trim() : resolve(sourceArg);
  const target = campaignPathFor(sourcePath);
  if (existsSync(target) && !flags.force) {
    throw new ConfigError({ code: "E_CAMPAIGN_EXISTS", params: { file: basename(target) } });
  }
  refuseInapplicableSourceOptions(sourcePath, flags);
  const source = await openSource(sourcePath, flags);
  let proposal: ReturnType<typeof proposeCampaign>;
  try {
    proposal = proposeCampaign(source.headers, isSheet ? sourcePath : basename(sourcePath), {
      sheetName: source.sheetName,
      samples: await firstRows(source),
      lang: currentLang(),
      // Relative, so that editors still find the schema when the project folder moves.
      schemaRef: relative(dirname(target), bundledSchemaPath()).split(sep).join("/"),
    });
  } finally {
    // A file that will not close must not hide why the proposal failed.
    await runCleanup([
      { what: said("cliCleanupCloseFile", { file: basename(sourcePath) }), run: () => source.close() },
    ]);
  }
  await writeFile(target, proposal.yaml, "utf8");
  for (const line of proposal.summary) output.info(line);
  for (const warning of proposal.warnings) output.error(t().cliWarning({ text: warning }));
  output.info("");
  output.info(t().cliInitWrote({ target, source: sourceArg }));
  return 0;
}

/** Rows looked at to tell a column of dates by its cells. */
const SAMPLE_ROWS = 50;

async function firstRows(source: Source): Promise<Cell[][]> {
  const rows: Cell[][] = [];
  for await (const row of source.rows()) {
    rows.push([...row.cells]);
    if (rows.length >= SAMPLE_ROWS) break;
  }
  return rows;
}
