import { describe, expect, it } from "vitest";
import { AREAS } from "../../src/i18n/catalog.js";
import { LANGS } from "../../src/i18n/lang.js";
import { LATIN_ALLOWED } from "./latin-allowed.js";
import { SAMPLES } from "./samples/index.js";

/**
 * Every message, rendered in every language with its sample parameters: no `undefined`, no
 * placeholder left, and no English word in a Russian sentence but the names scripts depend on.
 */

type Render = (params?: unknown) => string;

const areas = Object.entries(AREAS) as [string, { en: Record<string, Render>; ru: Record<string, Render> }][];

/** Every string a sample holds (values, list items): the user's own words, removed before the Latin check. */
function valuesOf(sample: unknown): string[] {
  if (typeof sample === "string") return [sample];
  if (typeof sample === "number") return [String(sample)];
  if (Array.isArray(sample)) return sample.flatMap(valuesOf);
  if (sample !== null && typeof sample === "object") return Object.values(sample).flatMap(valuesOf);
  return [];
}

/** Latin words left once the sample's values, options, code, placeholders and links are taken out. */
function strayLatin(text: string, sample: unknown): string[] {
  let rest = text;
  for (const value of valuesOf(sample).sort((a, b) => b.length - a.length)) {
    if (value.length > 0) rest = rest.split(value).join(" ");
  }
  rest = rest
    .replace(/`[^`]*`/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/<[^<>]*>/g, " ")
    .replace(/(^|\s)--?[a-z][\w-]*/gi, " ")
    .replace(/\b[\w.-]+\.(?:csv|txt|xlsx|xls|yaml|yml|json|env|md|log)\b/gi, " ")
    .replace(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g, (word) => (LATIN_ALLOWED.has(word) ? " " : word));
  const words = rest.match(/[A-Za-z][A-Za-z_-]*[A-Za-z]|[A-Za-z]{2,}/g) ?? [];
  return words.filter((word) => !LATIN_ALLOWED.has(word) && !LATIN_ALLOWED.has(word.replace(/-+$/, "")));
}

describe("the catalog", () => {
  it("has each key in one area only (areas are merged into one catalog)", () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [area, { en }] of areas) {
      for (const key of Object.keys(en)) {
        const before = seen.get(key);
        if (before !== undefined) twice.push(`${key} (${before}, ${area})`);
        seen.set(key, area);
      }
    }
    expect(twice).toEqual([]);
  });

  for (const [area, catalogs] of areas) {
    describe(`area ${area}`, () => {
      const samples = SAMPLES[area] ?? {};
      it("has samples for every message", () => {
        expect(Object.keys(catalogs.en).filter((key) => (samples[key] ?? []).length === 0)).toEqual([]);
      });
      for (const lang of LANGS) {
        it(`renders every message in ${lang} without holes`, () => {
          const bad: string[] = [];
          for (const [key, render] of Object.entries(catalogs[lang])) {
            for (const sample of samples[key] ?? []) {
              const text = render(sample);
              const why =
                typeof text !== "string" || text.trim() === ""
                  ? "empty"
                  : /undefined|NaN|\[object |\$\{|\{[a-zA-Z]+\}|null/.test(text)
                    ? "a hole"
                    : lang === "ru" && strayLatin(text, sample).length > 0
                      ? `English words: ${strayLatin(text, sample).join(", ")}`
                      : undefined;
              if (why !== undefined) bad.push(`${key} ${JSON.stringify(sample)}: ${why}: ${text}`);
            }
          }
          expect(bad).toEqual([]);
        });
      }
      it("speaks Russian in Russian (a Russian sentence has Cyrillic letters)", () => {
        const latinOnly: string[] = [];
        for (const [key, render] of Object.entries(catalogs.ru)) {
          for (const sample of samples[key] ?? []) {
            const text = render(sample);
            if (!/[А-Яа-яЁё]/.test(text) && text.trim().length > 12) latinOnly.push(`${key}: ${text}`);
          }
        }
        expect(latinOnly).toEqual([]);
      });
    });
  }
});
