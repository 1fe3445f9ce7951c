import { describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/program.js";

describe("the command line", () => {
  it("builds, with every command and no two options of a command on one flag", () => {
    // commander throws here on a flag registered twice: the CLI would not start at all.
    const program = buildProgram();
    const names = program.commands.map((command) => command.name());
    expect(names).toEqual(["run", "retry", "validate", "status", "init", "watch", "sandbox"]);
    for (const command of program.commands) {
      const flags = command.options.flatMap((option) => [option.short, option.long]).filter(Boolean);
      expect(new Set(flags).size, command.name()).toBe(flags.length);
      expect(command.helpInformation()).toContain(`Usage: ctdial ${command.name()}`);
    }
  });
});

describe("--interval (watch <sheet>)", () => {
  it("takes seconds from 1 up, a decimal comma too, and refuses anything else as a usage error", async () => {
    const { parseSeconds } = await import("../../src/cli/options.js");
    const { InvalidArgumentError } = await import("commander");
    expect(parseSeconds("15")).toBe(15);
    expect(parseSeconds("2,5")).toBe(2.5);
    for (const bad of ["0", "-3", "", "soon"]) expect(() => parseSeconds(bad)).toThrow(InvalidArgumentError);
  });
});

/** Builds the program in `lang` and parses `args`, which must fail: what commander printed and threw. */
async function usageError(
  lang: "en" | "ru",
  args: string[],
): Promise<{ code: string; message: string; stderr: string }> {
  const { setLang } = await import("../../src/cli/lang.js");
  const { CommanderError } = await import("commander");
  setLang(lang);
  try {
    const program = buildProgram();
    let stderr = "";
    for (const command of [program, ...program.commands]) {
      command.configureOutput({ writeErr: (text) => (stderr += text), writeOut: () => {} });
    }
    try {
      await program.parseAsync(args, { from: "user" });
    } catch (error) {
      if (!(error instanceof CommanderError)) throw error;
      return { code: error.code, message: error.message, stderr };
    }
    throw new Error(`${args.join(" ")} did not fail`);
  } finally {
    setLang("en");
  }
}

describe("commander's usage errors", () => {
  const cases: [string[], string, string, string][] = [
    [
      ["run", "x.csv", "--sandbx"],
      "commander.unknownOption",
      "error: unknown option '--sandbx'\n(Did you mean --sandbox?)",
      "ошибка: неизвестный параметр --sandbx\n(Возможно, вы имели в виду --sandbox?)",
    ],
    [
      ["rnu"],
      "commander.unknownCommand",
      "error: unknown command 'rnu'\n(Did you mean run?)",
      "ошибка: неизвестная команда «rnu»\n(Возможно, вы имели в виду run?)",
    ],
    [
      ["run"],
      "commander.missingArgument",
      "error: missing required argument 'source'",
      "ошибка: не указан обязательный аргумент <source>",
    ],
    [
      ["run", "a.csv", "b.csv"],
      "commander.excessArguments",
      "error: too many arguments for 'run'. Expected 1 argument but got 2.",
      "ошибка: слишком много аргументов у команды run: ожидается 1 аргумент, а получено 2.",
    ],
    [
      ["run", "x.csv", "--rate"],
      "commander.optionMissingArgument",
      "error: option '--rate <n>' argument missing",
      "ошибка: у параметра --rate <n> не указано значение",
    ],
    [
      ["run", "x.csv", "--rate", "9"],
      "commander.invalidArgument",
      `error: option '--rate <n>' argument '9' is invalid. expected a number above 0 and at most 5 (Calltouch's limit), got "9".`,
      "ошибка: неверное значение «9» у параметра --rate <n>: нужно число больше 0 и не больше 5 (ограничение Calltouch), а указано «9».",
    ],
    [
      ["run", "x.csv", "--log-level", "loud"],
      "commander.invalidArgument",
      "error: option '--log-level <level>' argument 'loud' is invalid. Allowed choices are fatal, error, warn, info, debug, trace, silent.",
      "ошибка: неверное значение «loud» у параметра --log-level <level>: допустимые значения: fatal, error, warn, info, debug, trace, silent.",
    ],
    [
      ["status", "x.csv", "--lang", "de"],
      "commander.invalidArgument",
      "error: option '--lang <lang>' argument 'de' is invalid. expected en or ru.",
      "ошибка: неверное значение «de» у параметра --lang <lang>: нужно en или ru.",
    ],
  ];

  it.each(cases)(
    "%j: English as commander words it, Russian from the catalog",
    async (args, code, en, ru) => {
      const english = await usageError("en", args);
      expect(english).toEqual({ code, message: en, stderr: `${en}\n(run ctdial --help for usage)\n` });
      const russian = await usageError("ru", args);
      expect(russian).toEqual({ code, message: ru, stderr: `${ru}\n(справка: ctdial --help)\n` });
    },
  );
});

describe("--help in Russian", () => {
  it("has no English word but names (options, commands, keys), for the program and each of its commands", async () => {
    const { setLang } = await import("../../src/cli/lang.js");
    const { englishWordsIn, withoutEntries } = await import("./english-words.js");
    setLang("ru");
    try {
      const program = buildProgram();
      const own = program.commands.filter((command) => !WORDED_ELSEWHERE.includes(command.name()));
      const screens = [
        withoutEntries(program.helpInformation(), WORDED_ELSEWHERE),
        ...own.map((command) => command.helpInformation()),
      ];
      for (const screen of screens) {
        expect(englishWordsIn(screen), screen).toEqual([]);
        expect(screen).toMatch(/^Использование: ctdial/);
      }
      expect(screens[0]).toContain("Команды:");
      expect(screens[0]).toContain("help [команда]");
      expect(screens[1]).toContain("Общие параметры:");
      expect(screens[1]).toContain("--lang <lang>");
      const run = screens[1]?.replace(/\s+/g, " ");
      expect(run).toContain('(варианты: "fatal"');
      expect(run).toContain('по умолчанию: "info")');
    } finally {
      setLang("en");
    }
  });
});

describe("the check for English words", () => {
  it("finds them in the English help (so that it can fail)", async () => {
    const { englishWordsIn } = await import("./english-words.js");
    const run = buildProgram().commands.find((command) => command.name() === "run");
    expect(englishWordsIn(run?.helpInformation() ?? "")).toEqual(
      expect.arrayContaining(["Usage", "Options", "requests", "second"]),
    );
  });
});

/** Commands whose help is worded by their own area and checked by their own tests (none left). */
const WORDED_ELSEWHERE: string[] = [];
