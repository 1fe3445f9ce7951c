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
