import { stat } from "node:fs/promises";
import { join } from "node:path";
import { CAMPAIGN_EXTENSIONS, loadCampaignFile } from "../campaign/load.js";
import type { ResolvedCampaign } from "../engine/resolve.js";
import type { Lang } from "../i18n/lang.js";

/**
 * The language a campaigns folder writes in for the people who drop files into it (STATUS.txt, the
 * error notes): its campaign file's `lang:` (`campaign.yaml` in the folder) when it sets one, else the
 * service's own (the CLI's: --lang, CTDIAL_LANG, the locale). Read again only when the file changes;
 * a campaign file that cannot be read says nothing here (the files it belongs to tell why).
 */
export class FolderLang {
  #stamp = "";
  #lang: Lang | undefined;

  constructor(
    private readonly dir: string,
    private readonly fallback: Lang,
  ) {}

  async get(): Promise<Lang> {
    const found = (
      await Promise.all(
        CAMPAIGN_EXTENSIONS.map(async (ext) => {
          const path = join(this.dir, `campaign${ext}`);
          const info = await stat(path).catch(() => undefined);
          return info?.isFile() === true
            ? { path, stamp: `${path}:${info.size}:${info.mtimeMs}` }
            : undefined;
        }),
      )
    ).filter((x) => x !== undefined);
    // None, or two at once (the files of the folder are refused for it): the service's language.
    const one = found.length === 1 ? found[0] : undefined;
    const stamp = one?.stamp ?? "";
    if (stamp !== this.#stamp) {
      this.#stamp = stamp;
      this.#lang =
        one === undefined
          ? undefined
          : await loadCampaignFile(one.path).then(
              (loaded) => loaded.campaign.lang,
              () => undefined,
            );
    }
    return this.#lang ?? this.fallback;
  }

  /** A file's own language: its campaign's `lang:` (a sidecar's, or the folder's), else the folder's. */
  async of(resolved: ResolvedCampaign | undefined): Promise<Lang> {
    return resolved?.campaign.lang ?? this.get();
  }
}
