import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { envFilePaths, envFilesSearched, loadEnvFiles } from "../../src/cli/env-files.js";
import { tempDir } from "../tidy.js";

const KEYS = ["CTDIAL_TEST_A", "CTDIAL_TEST_B", "CTDIAL_TEST_C"];

afterEach(() => {
  for (const key of KEYS) delete process.env[key];
});

function folders() {
  const root = tempDir("ctdial-env-");
  const cwd = join(root, "work");
  const calls = join(root, "calls");
  mkdirSync(cwd);
  mkdirSync(calls);
  return { cwd, calls };
}

describe(".env files", () => {
  it("looks in the working directory, then beside the source, once when they are the same folder", () => {
    const { cwd, calls } = folders();
    expect(envFilePaths(join(calls, "clients.csv"), cwd)).toEqual([join(cwd, ".env"), join(calls, ".env")]);
    expect(envFilePaths("clients.csv", cwd)).toEqual([join(cwd, ".env")]);
    expect(envFilePaths("../calls/clients.csv", cwd)).toEqual([join(cwd, ".env"), join(calls, ".env")]);
    expect(envFilePaths(undefined, cwd)).toEqual([join(cwd, ".env")]);
  });

  it("the environment wins over the working directory's .env, which wins over the source folder's", () => {
    const { cwd, calls } = folders();
    writeFileSync(join(cwd, ".env"), "CTDIAL_TEST_A=cwd\nCTDIAL_TEST_B=cwd\n");
    writeFileSync(join(calls, ".env"), "CTDIAL_TEST_A=calls\nCTDIAL_TEST_B=calls\nCTDIAL_TEST_C=calls\n");
    process.env.CTDIAL_TEST_A = "environment";
    const searched = loadEnvFiles(join(calls, "clients.csv"), cwd);
    expect(process.env.CTDIAL_TEST_A).toBe("environment");
    expect(process.env.CTDIAL_TEST_B).toBe("cwd");
    expect(process.env.CTDIAL_TEST_C).toBe("calls");
    expect(searched).toEqual([join(cwd, ".env"), join(calls, ".env")]);
    expect(envFilesSearched()).toEqual(searched);
  });

  it("a source folder's .env is read when the working directory has none", () => {
    const { cwd, calls } = folders();
    writeFileSync(join(calls, ".env"), "CTDIAL_TEST_C=calls\n");
    loadEnvFiles(join(calls, "clients.csv"), cwd);
    expect(process.env.CTDIAL_TEST_C).toBe("calls");
  });
});
