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
