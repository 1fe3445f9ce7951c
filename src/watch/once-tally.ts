/**
 * `watch --once`: the files that were in the folder at the first scan, and each one's part in the exit
 * code. The run ends when every one of them is settled; its exit code is the worst of theirs.
 */
export class OnceTally {
  #names: Set<string> | undefined;
  readonly #codes: number[] = [];

  /** The first scan names the files --once is about; later scans change nothing. */
  begin(names: readonly string[]): void {
    this.#names ??= new Set(names);
  }

  includes(name: string): boolean {
    return this.#names?.has(name) === true;
  }

  /** The file's end counts towards the exit code (once). */
  settle(name: string, code: number): void {
    if (this.#names?.delete(name)) this.#codes.push(code);
  }

  /** Gone from the folder (deleted, moved by hand): it has no part in the exit code. */
  forget(name: string): void {
    this.#names?.delete(name);
  }

  /** Forgets the files no longer in the folder that `keep` does not hold either. */
  forgetAllBut(keep: (name: string) => boolean): void {
    for (const name of [...(this.#names ?? [])]) if (!keep(name)) this.#names?.delete(name);
  }

  /** Every file not settled yet ends with `code` (the folder paused: --once does not wait). */
  settleAll(code: number): void {
    for (const _ of this.#names ?? []) this.#codes.push(code);
    this.#names?.clear();
  }

  /** True once the first scan was made and every file of it is settled. */
  get finished(): boolean {
    return this.#names?.size === 0;
  }

  worst(): number {
    return this.#codes.reduce((worst, code) => Math.max(worst, code), 0);
  }
}
