import { type Said, said } from "../i18n/catalog.js";
import { shortValue } from "./text.js";

/** Calltouch limits (docs/calltouch-api.md "Body fields"). */
export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 100;

export type TagsResult =
  | { readonly ok: true; readonly tags: readonly string[] }
  | {
      readonly ok: false;
      readonly problem: Said;
      /** True when the problem is in the row's own cell; false when it comes from defaults.tags alone. */
      readonly fromCell: boolean;
    };

/**
 * The row's tags followed by the campaign's default tags. A cell holds tags separated by `,` or `;`
 * (line breaks too: people put one per line); each is trimmed and empties are dropped.
 * De-duplicated case-insensitively, keeping the first spelling: "VIP" and "vip" would be two tags in
 * the request but one idea for the person who wrote them, and which one Calltouch keeps is not published.
 */
export function collectTags(
  cellText: string | undefined,
  defaults: readonly string[] | undefined,
): TagsResult {
  const own = splitTags(cellText ?? "");
  const extra = (defaults ?? []).map((tag) => tag.trim()).filter((tag) => tag !== "");
  const tooLongOwn = own.find((tag) => tag.length > MAX_TAG_LENGTH);
  if (tooLongOwn !== undefined) return { ok: false, problem: tooLong(tooLongOwn, false), fromCell: true };
  const tooLongDefault = extra.find((tag) => tag.length > MAX_TAG_LENGTH);
  if (tooLongDefault !== undefined) {
    return { ok: false, problem: tooLong(tooLongDefault, true), fromCell: false };
  }
  const tags = dedupe([...own, ...extra]);
  if (tags.length > MAX_TAGS) {
    const fromDefaults = tags.length - dedupe(own).length;
    return {
      ok: false,
      problem: said("rowsTooManyTags", {
        count: tags.length,
        inCell: tags.length - fromDefaults,
        fromDefaults,
        max: MAX_TAGS,
      }),
      fromCell: own.length > 0,
    };
  }
  return { ok: true, tags };
}

export function splitTags(text: string): string[] {
  return text
    .split(/[,;\r\n]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "");
}

// A row has a handful of tags: comparing each with the kept ones is cheaper than building a Set.
function dedupe(tags: readonly string[]): string[] {
  if (tags.length < 2) return [...tags];
  const kept: string[] = [];
  const keys: string[] = [];
  for (const tag of tags) {
    const key = tag.toLowerCase();
    if (keys.includes(key)) continue;
    keys.push(key);
    kept.push(tag);
  }
  return kept;
}

function tooLong(tag: string, fromDefaults: boolean): Said {
  return said("rowsTagTooLong", {
    tag: shortValue(tag),
    length: tag.length,
    max: MAX_TAG_LENGTH,
    fromDefaults,
  });
}
