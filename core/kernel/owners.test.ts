import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { Database } from "../../db/schema.ts";
import { inModule, mayWrite, TABLE_OWNERS } from "./owners.ts";

const ROOT = resolve(import.meta.dirname, "../..");
/** Where code that writes may live; bench/ and e2e/ drive the application from outside. */
const SCANNED = ["core", "app", "server", "cli", "demo", "test"];

/**
 * Writes outside their owner that someone is moving right now, each with its reason, e.g.
 * `{ file: "core/harvest/publication.ts", table: "harvest_quotes", why: "moving to the themes
 * module (issue 9)" }`. An entry goes when its move lands: one that no longer matches a write
 * fails the test, so none outlives its reason. (Issue 9's entries for publication.ts and
 * core/actions/ writing themes, quotes and action sources went when core/harvest/themes/ took
 * those writes over.)
 */
const MOVING: { file: string; table: keyof Database; why: string }[] = [];

interface Write {
  file: string;
  line: number;
  table: string;
  how: string;
}

const KYSELY_WRITES = new Set(["insertInto", "updateTable", "deleteFrom", "mergeInto"]);
// "DO UPDATE SET" (an upsert) and "FOR [NO KEY] UPDATE" (a lock) name no table.
const SQL_WRITES = [
  /\binsert\s+into\s+"?(\w+)/gi,
  /\bdelete\s+from\s+"?(\w+)/gi,
  /\bmerge\s+into\s+"?(\w+)/gi,
  /(?<!\b(?:do|for|key)\s+)\bupdate\s+(?:only\s+)?"?(\w+)/gi,
];

/** The tables a module writes: Kysely's write builders and raw SQL in sql`` templates. */
function writesIn(file: string, source: string): Write[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const writes: Write[] = [];
  const at = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      KYSELY_WRITES.has(node.expression.name.text)
    ) {
      const how = node.expression.name.text;
      const arg = node.arguments[0];
      const names = arg && ts.isArrayLiteralExpression(arg) ? [...arg.elements] : arg ? [arg] : [];
      for (const name of names)
        writes.push({
          file,
          line: at(node.expression.name),
          how,
          // A table named at run time cannot be checked: "?" fails the test on purpose.
          table: ts.isStringLiteralLike(name) ? name.text.split(/\s+as\s+/i)[0]!.trim() : "?",
        });
    }
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText(sf) === "sql") {
      const t = node.template;
      const text = ts.isNoSubstitutionTemplateLiteral(t)
        ? t.text
        : [t.head.text, ...t.templateSpans.map((s) => s.literal.text)].join(" $ ");
      for (const pattern of SQL_WRITES)
        for (const m of text.matchAll(pattern))
          writes.push({ file, line: at(node), how: "sql", table: m[1]!.toLowerCase() });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return writes;
}

function sources(): string[] {
  return SCANNED.flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
      .map((f) => `${dir}/${f.split("\\").join("/")}`)
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)),
  );
}

const isTable = (name: string): name is keyof Database => Object.hasOwn(TABLE_OWNERS, name);
const moving = (w: Write) => MOVING.some((m) => m.file === w.file && m.table === w.table);
const show = (w: Write) => `${w.file}:${w.line} ${w.how} ${w.table}`;

describe("one owner per table", () => {
  it("reads writes from Kysely and from raw SQL, and not upserts or locks", () => {
    const found = writesIn(
      "x.ts",
      [
        'db.insertInto("jobs").values(v).onConflict((oc) => oc.doUpdateSet(v));',
        'db.updateTable("harvest_themes as t").set(v);',
        'trx.deleteFrom(["outbox", "jobs"]);',
        "db.selectFrom(t).forUpdate();",
        "sql`INSERT INTO dialogue_answers (a) VALUES (${a}) ON CONFLICT (a) DO UPDATE SET a = 1`;",
        "sql<number>`UPDATE contributions AS c SET x = v.x FROM (VALUES ${rows}) v`;",
        "sql`SELECT id FROM jobs FOR UPDATE SKIP LOCKED`;",
        "sql`SELECT 1 FOR NO KEY UPDATE`;",
        'sql`DELETE FROM "people" WHERE id = ${id}`;',
        "// update the theme, insert into nothing: prose outside SQL is not a write",
      ].join("\n"),
    );
    expect(found.map((w) => `${w.how} ${w.table}`)).toEqual([
      "insertInto jobs",
      "updateTable harvest_themes",
      "deleteFrom outbox",
      "deleteFrom jobs",
      "sql dialogue_answers",
      "sql contributions",
      "sql people",
    ]);
  });

  it("names modules that exist", () => {
    const modules = Object.values(TABLE_OWNERS).flatMap((o) => [
      o.owner,
      ...Object.keys(o.alsoBy ?? {}),
    ]);
    const missing = modules.filter(
      (m) => !existsSync(join(ROOT, m)) && !existsSync(join(ROOT, `${m}.ts`)),
    );
    expect(missing).toEqual([]);
    expect(inModule("core/harvest/themes", "core/harvest/themes.ts")).toBe(true);
    expect(inModule("core/harvest/themes", "core/harvest/themes/merge.ts")).toBe(true);
    expect(inModule("core/harvest/themes", "core/harvest/themesText.ts")).toBe(false);
  });

  const writes = sources().flatMap((file) =>
    writesIn(file, readFileSync(join(ROOT, file), "utf8")),
  );

  it("writes each table only from its owner, or from the few named beside it", () => {
    const outside = writes
      .filter((w) => !isTable(w.table) || !mayWrite(w.table, w.file))
      .filter((w) => !moving(w))
      .map(
        (w) =>
          `${show(w)} (${isTable(w.table) ? `owner ${TABLE_OWNERS[w.table].owner}` : "no such table"})`,
      );
    expect(outside).toEqual([]);
  });

  it("keeps no exception that nothing uses any more", () => {
    const unused = [
      ...Object.entries(TABLE_OWNERS).flatMap(([table, o]) =>
        Object.keys(o.alsoBy ?? {})
          .filter((m) => !writes.some((w) => w.table === table && inModule(m, w.file)))
          .map((m) => `${table}: ${m}`),
      ),
      ...MOVING.filter((m) => !writes.some((w) => w.table === m.table && w.file === m.file)).map(
        (m) => `${m.table}: ${m.file} (${m.why})`,
      ),
    ];
    expect(unused).toEqual([]);
  });
});
