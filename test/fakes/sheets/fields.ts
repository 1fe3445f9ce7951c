/**
 * Google's `fields` mask (`sheets(properties(title,sheetId),data(rowData(values(effectiveValue))))`,
 * `a/b/c` as a path): parsed once, applied to a response so that the fake answers only what was asked.
 */
export type FieldTree = Map<string, FieldTree | null>;

export function parseFields(text: string): FieldTree {
  // `a.b` and `a/b` both select a sub-field.
  const mask = text.replaceAll(".", "/");
  let i = 0;
  const parseList = (): FieldTree => {
    const tree: FieldTree = new Map();
    while (i < mask.length && mask[i] !== ")") {
      let name = "";
      while (i < mask.length && !",()/".includes(mask[i]!)) name += mask[i++];
      name = name.trim();
      let sub: FieldTree | null = null;
      if (mask[i] === "(") {
        i++;
        sub = parseList();
        i++; // ")"
      } else if (mask[i] === "/") {
        i++;
        const start = i;
        while (i < mask.length && !",()".includes(mask[i]!)) i++;
        const path = mask.slice(start, i);
        let nested = null as FieldTree | null;
        if (mask[i] === "(") {
          i++;
          nested = parseList();
          i++;
        }
        sub = pathTree(path.split("/"), nested);
      }
      if (name !== "") tree.set(name, merge(tree.get(name), sub));
      if (mask[i] === ",") i++;
    }
    return tree;
  };
  return parseList();
}

function pathTree(parts: string[], leaf: FieldTree | null): FieldTree {
  const [head, ...rest] = parts;
  return new Map([[head!, rest.length === 0 ? leaf : pathTree(rest, leaf)]]);
}

function merge(a: FieldTree | null | undefined, b: FieldTree | null): FieldTree | null {
  if (a === undefined) return b;
  if (a === null || b === null) return null;
  const out: FieldTree = new Map(a);
  for (const [k, v] of b) out.set(k, merge(out.get(k), v));
  return out;
}

export function applyFields(value: unknown, tree: FieldTree | null): unknown {
  if (tree === null || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => applyFields(item, tree));
  const out: Record<string, unknown> = {};
  for (const [key, sub] of tree) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = applyFields(v, sub);
  }
  return out;
}
