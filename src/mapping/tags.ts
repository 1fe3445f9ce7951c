import { quoteValue } from "./text.js";

/** Calltouch limits (docs/calltouch-api.md "Body fields"). */
export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 100;

export type TagsResult =
  | { readonly ok: true; readonly tags: readonly string[] }
  | {
      readonly ok: false;
      readonly message: string;
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
  if (tooLongOwn !== undefined) return { ok: false, message: tooLong(tooLongOwn), fromCell: true };
  const tooLongDefault = extra.find((tag) => tag.length > MAX_TAG_LENGTH);
  if (tooLongDefault !== undefined) {
    return { ok: false, message: `defaults.tags: ${tooLong(tooLongDefault)}`, fromCell: false };
  }
  const tags = dedupe([...own, ...extra]);
  if (tags.length > MAX_TAGS) {
    const fromDefaults = tags.length - dedupe(own).length;
    const detail =
      fromDefaults > 0
        ? ` (${tags.length - fromDefaults} in the cell and ${fromDefaults} from defaults.tags)`
        : "";
    return {
      ok: false,
      message: `${tags.length} tags${detail}; Calltouch accepts at most ${MAX_TAGS}`,
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

function tooLong(tag: string): string {
  return `tag ${quoteValue(tag)} is ${tag.length} characters; Calltouch accepts at most ${MAX_TAG_LENGTH}`;
}
