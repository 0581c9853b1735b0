import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

/** Every module under core/ that ships (tests may reach across to check things end to end). */
function coreSources(): string[] {
  return readdirSync(join(ROOT, "core"), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => `core/${f.split("\\").join("/")}`);
}

/** The capability a core path belongs to: its first folder under core/. */
const capabilityOf = (path: string) => /^core\/([^/]+)\//.exec(path)?.[1] ?? null;

type Edges = Map<string, Map<string, string>>;

/** capability → capability it imports → one import that shows it ("file → target"). */
function capabilityGraph(files: string[]): Edges {
  const edges: Edges = new Map();
  for (const file of files) {
    const from = capabilityOf(file)!;
    if (!edges.has(from)) edges.set(from, new Map());
    const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), "utf8"), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith(".")) continue;
      const target = relative(ROOT, resolve(ROOT, dirname(file), fileName))
        .split("\\")
        .join("/");
      const to = capabilityOf(target);
      if (to && to !== from && !edges.get(from)!.has(to))
        edges.get(from)!.set(to, `${file} → ${target}`);
    }
  }
  return edges;
}

/** The groups of capabilities that reach each other through imports (Tarjan's components). */
function cycles(edges: Map<string, Iterable<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe("capability boundaries in core/", () => {
  it("finds a cycle through several folders, and none in a layered graph", () => {
    const graph = (pairs: [string, string][]) => {
      const m = new Map<string, string[]>();
      for (const [a, b] of pairs) m.set(a, [...(m.get(a) ?? []), b]);
      return m;
    };
    expect(
      cycles(
        graph([
          ["events", "dialogue"],
          ["dialogue", "harvest"],
          ["harvest", "events"],
          ["events", "kernel"],
        ]),
      ),
    ).toEqual([["dialogue", "events", "harvest"]]);
    expect(
      cycles(
        graph([
          ["events", "dialogue"],
          ["harvest", "dialogue"],
          ["dialogue", "kernel"],
        ]),
      ),
    ).toEqual([]);
  });

  it("has no two capabilities that import each other, directly or round a cycle", () => {
    const edges = capabilityGraph(coreSources());
    const explained = cycles(
      new Map([...edges].map(([from, to]) => [from, [...to.keys()]] as const)),
    ).map((group) => ({
      cycle: group.join(" ↔ "),
      because: group.flatMap((from) =>
        [...edges.get(from)!].filter(([to]) => group.includes(to)).map(([, why]) => why),
      ),
    }));
    // Break one by moving the piece both need down into core/kernel.
    expect(explained).toEqual([]);
  });

  it("keeps core/kernel the bottom layer", () => {
    const edges = capabilityGraph(coreSources());
    expect([...(edges.get("kernel") ?? new Map()).values()]).toEqual([]);
  });
});
