import { readFileSync } from "node:fs";
import { type Argument, Command, type ErrorOptions, Help, InvalidArgumentError, Option } from "commander";
import { isLang } from "../i18n/lang.js";
import { registerInit } from "./init.js";
import { t } from "./lang.js";
import { registerRun } from "./run.js";
import { registerSandbox } from "./sandbox.js";
import { registerStatus } from "./status.js";
import { registerValidate } from "./validate.js";
import { registerWatch } from "./watch.js";

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

export function buildProgram(): Command {
  const words = t();
  const program = new LocalCommand("ctdial")
    .description(words.helpProgramDescription())
    .version(packageVersion(), "-V, --version", words.helpVersionOption())
    // Before the commands are added, so that they inherit them (commander copies these settings).
    .helpOption("-h, --help", words.helpHelpOption())
    .helpCommand(`help ${words.helpUsageCommand()}`, words.helpHelpCommand())
    .showHelpAfterError(words.helpAfterError())
    .configureHelp({ sortSubcommands: false, showGlobalOptions: true, ...localHelp() })
    // Usage errors must exit 2, not 1.
    .exitOverride();
  // A global option: every command takes it, and its help lists it. The language itself was chosen
  // before the program was built (src/cli.ts), so that the help is worded in it; here it is checked.
  program.addOption(new Option("--lang <lang>", words.helpOptionLang()).argParser(parseLang));
  registerRun(program);
  registerValidate(program);
  registerStatus(program);
  registerInit(program);
  registerWatch(program);
  registerSandbox(program);
  return program;
}

/** --lang: en or ru; anything else is a usage error (exit 2). */
export function parseLang(value: string): string {
  if (!isLang(value)) throw new InvalidArgumentError(t().helpExpectedLang());
  return value;
}

/**
 * A command whose usage errors are worded in the process's language: commander words them in
 * English and hands over its code (CommanderError.code); the English is read back into the
 * catalog's parameters and said again. The English catalog words them exactly as commander does.
 * Subcommands are made by `createCommand`, so every command of the program is one of these.
 */
export class LocalCommand extends Command {
  override createCommand(name?: string): Command {
    return new LocalCommand(name);
  }

  override error(message: string, errorOptions?: ErrorOptions): never {
    return super.error(commanderMessage(message, errorOptions?.code), errorOptions);
  }
}

/** commander's English usage error (`error: ...`), worded in the process's language. */
export function commanderMessage(message: string, code: string | undefined): string {
  const body = message.startsWith("error: ") ? message.slice("error: ".length) : undefined;
  if (body === undefined || code === undefined) return message;
  const text = commanderSentence(body, code);
  return text === undefined ? message : t().helpError({ text });
}

/** Reads commander's sentence back into parameters; undefined when it is not one of those known. */
function commanderSentence(body: string, code: string): string | undefined {
  const words = t();
  const [first = "", suggestionLine] = body.split("\n");
  const suggestions = suggestionsOf(suggestionLine);
  let m: RegExpMatchArray | null;
  switch (code) {
    case "commander.unknownOption":
      m = first.match(/^unknown option '(.*)'$/);
      return m ? words.helpUnknownOption({ option: m[1] ?? "", ...suggestions }) : undefined;
    case "commander.unknownCommand":
      m = first.match(/^unknown command '(.*)'$/);
      return m ? words.helpUnknownCommand({ command: m[1] ?? "", ...suggestions }) : undefined;
    case "commander.missingArgument":
      m = body.match(/^missing required argument '(.*)'$/);
      return m ? words.helpMissingArgument({ argument: m[1] ?? "" }) : undefined;
    case "commander.optionMissingArgument":
      m = body.match(/^option '(.*)' argument missing$/);
      return m ? words.helpOptionMissingArgument({ option: m[1] ?? "" }) : undefined;
    case "commander.missingMandatoryOptionValue":
      m = body.match(/^required option '(.*)' not specified$/);
      return m ? words.helpMissingMandatoryOption({ option: m[1] ?? "" }) : undefined;
    case "commander.excessArguments":
      m = body.match(/^too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/);
      return m
        ? words.helpExcessArguments({
            ...(m[1] === undefined ? {} : { command: m[1] }),
            expected: Number(m[2]),
            got: Number(m[3]),
          })
        : undefined;
    case "commander.invalidArgument": {
      m = body.match(/^option '(.*?)' argument '(.*)' is invalid\. ?([\s\S]*)$/);
      if (m)
        return words.helpInvalidOptionValue({ option: m[1] ?? "", value: m[2] ?? "", reason: reason(m[3]) });
      m = body.match(/^command-argument value '(.*)' is invalid for argument '(.*?)'\. ?([\s\S]*)$/);
      if (m)
        return words.helpInvalidArgumentValue({
          value: m[1] ?? "",
          argument: m[2] ?? "",
          reason: reason(m[3]),
        });
      return undefined;
    }
    default:
      return undefined;
  }
}

/** commander's "(Did you mean --x?)" / "(Did you mean one of a, b?)" line, read back. */
function suggestionsOf(line: string | undefined): { suggestions?: string[] } {
  const m = line?.match(/^\(Did you mean (?:one of )?(.*)\?\)$/);
  return m?.[1] === undefined ? {} : { suggestions: m[1].split(", ") };
}

/** Why a value was refused: ours come worded already; commander's choices are worded here. */
function reason(text: string | undefined): string {
  const m = text?.match(/^Allowed choices are (.*)\.$/);
  return m?.[1] === undefined ? (text ?? "") : t().helpAllowedChoices({ values: m[1].split(", ") });
}

/** The help's own words (titles, usage, choices and defaults) in the process's language. */
function localHelp(): Partial<Help> {
  const words = t();
  const titles: Readonly<Record<string, string>> = {
    "Usage:": words.helpTitleUsage(),
    "Arguments:": words.helpTitleArguments(),
    "Options:": words.helpTitleOptions(),
    "Global Options:": words.helpTitleGlobalOptions(),
    "Commands:": words.helpTitleCommands(),
  };
  const usage = (text: string): string =>
    text.replace("[options]", words.helpUsageOptions()).replace("[command]", words.helpUsageCommand());
  return {
    styleTitle: (title: string) => titles[title] ?? title,
    commandUsage(this: Help, cmd: Command) {
      return usage(Help.prototype.commandUsage.call(this, cmd));
    },
    subcommandTerm(this: Help, cmd: Command) {
      return usage(Help.prototype.subcommandTerm.call(this, cmd));
    },
    optionDescription: (option: Option) =>
      withExtras(option.description, [
        option.argChoices === undefined ? undefined : choicesText(option.argChoices),
        option.defaultValue !== undefined &&
        (option.required ||
          option.optional ||
          (option.isBoolean() && typeof option.defaultValue === "boolean"))
          ? defaultText(option.defaultValue, option.defaultValueDescription)
          : undefined,
      ]),
    argumentDescription: (argument: Argument) =>
      withExtras(argument.description, [
        argument.argChoices === undefined ? undefined : choicesText(argument.argChoices),
        argument.defaultValue === undefined
          ? undefined
          : defaultText(argument.defaultValue, argument.defaultValueDescription),
      ]),
  };
}

function choicesText(choices: readonly string[]): string {
  return t().helpChoices({ values: choices.map((choice) => JSON.stringify(choice)) });
}

function defaultText(value: unknown, description: string | undefined): string {
  return t().helpDefault({ value: description || JSON.stringify(value) });
}

/** "description (choices: ..., default: ...)", as commander shows them. */
function withExtras(description: string, extras: readonly (string | undefined)[]): string {
  const shown = extras.filter((extra): extra is string => extra !== undefined);
  if (shown.length === 0) return description;
  const bracket = `(${shown.join(", ")})`;
  return description ? `${description} ${bracket}` : bracket;
}
