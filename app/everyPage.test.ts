import { parse, type HTMLElement } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../core/kernel/scope.ts";
import { en } from "../i18n/en/index.ts";
import { nl } from "../i18n/nl/index.ts";
import { LANG_COOKIE } from "./lib/cookies.server.ts";
import { makeUser } from "../test/fixtures.ts";
import { fillPath, routePaths, seedRegion, Visitor, type Ids } from "../test/regionWalk.ts";
import { startTestServer, type TestServer } from "../test/server.ts";

/**
 * Every page of the app (the build's route table, filled with a seeded region's ids), as a region
 * admin, a member and an anonymous visitor, in English: no id twice on one page (a label's `for`
 * would name the wrong field) and none of the Dutch catalog's texts left untranslated. A new page
 * is covered by itself; a failure names the page and what was found.
 */

function leaves(tree: object, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]): [string, string][] =>
    typeof v === "string" ? [[`${prefix}${k}`, v]] : leaves(v as object, `${prefix}${k}.`),
  );
}

const words = (text: string) => text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

/**
 * The Dutch texts a page in English must not show: each Dutch value that its English differs
 * from, cut at its placeholders, kept when long enough to mean something (two words or twelve
 * characters) and not also part of some English text (a name both languages use).
 */
function dutchFragments(): Map<string, string> {
  const english = leaves(en).map(([, v]) => v.toLowerCase());
  const enByKey = new Map(leaves(en));
  const found = new Map<string, string>();
  for (const [key, value] of leaves(nl)) {
    if (enByKey.get(key) === value) continue;
    for (const part of value.split(/\{\{[^}]*\}\}|<[^>]*>|\n/)) {
      const fragment = part.replace(/\s+/g, " ").trim();
      // Shorter ones are ordinary Dutch words that a region's own texts use as well.
      const meaningful = words(fragment) >= 2 ? fragment.length >= 12 : fragment.length >= 14;
      if (!meaningful) continue;
      if (english.some((e) => e.includes(fragment.toLowerCase()))) continue;
      if (!found.has(fragment)) found.set(fragment, key);
    }
  }
  return found;
}

interface Page {
  who: string;
  url: string;
  html: string;
}

/**
 * Pages that show what another audience reads, in that audience's language: the wall screen, the
 * phones and the shared results in the session's, and the public publication in its own. There,
 * a part marked with its language (`lang`) is that language, words around the content included.
 */
const OTHER_AUDIENCE = [
  /\/dialogue\/[^/]+\/present$/,
  /^\/live\/[^/]+$/,
  /^\/s\/[^/]+$/,
  /^\/r\/[^/]+\/publication\//,
];

/**
 * Catalog texts that only ever label the interface (the words around a session's figures, the
 * sectors), never a template's or a region's own texts: they follow the reader even inside a part
 * marked as the content's language. Other catalog texts may also occur in Dutch content (a
 * template's ladder and themes), which is fine where it is marked as Dutch.
 */
/** "1 answers": a count of one with a plural noun, as the pages count things. */
const ONE_OF_MANY = new RegExp(
  `\\b1 (?:${[
    "answers",
    "members",
    "participants",
    "contributions",
    "people",
    "organisations",
    "registrations",
    "messages",
    "attempts",
    "events",
    "themes",
    "sources",
    "actions",
    "ties",
    "parties",
    "groups",
    "questions",
    "points",
    "seconds",
    "rows",
    "sectors",
    "places",
    "challenges",
    "sessions",
    "harvests",
    "coalitions",
    "invitations",
    "entries",
    "results",
  ].join("|")})\\b`,
  "gi",
);

const INTERFACE_ONLY = /^(dialogueResults|sectors)\./;

/** What a reader sees or hears of a page: its text and the attributes read out or shown. */
function readable(html: string, url: string): { text: string; marked: string } {
  const root = parse(html);
  root.querySelectorAll("script, style, template").forEach((n) => n.remove());
  const flat = (n: HTMLElement) => {
    const attrs = [n, ...n.querySelectorAll("*")].flatMap((el) =>
      ["aria-label", "title", "placeholder", "alt", "aria-description"].map(
        (a) => el.getAttribute(a) ?? "",
      ),
    );
    return [n.text, ...attrs].join("\n").replace(/\s+/g, " ");
  };
  const marked = root
    .querySelectorAll("body [lang]:not([lang='en'])")
    .filter((n) => !n.parentNode?.closest("[lang]:not([lang='en'])"));
  for (const n of marked) n.remove();
  const body = root.querySelector("body");
  return {
    text: [root.querySelector("title")?.text ?? "", body ? flat(body) : ""].join("\n"),
    marked: OTHER_AUDIENCE.some((p) => p.test(url)) ? "" : marked.map(flat).join("\n"),
  };
}

describe("every page", () => {
  let s: TestServer;
  let a: Ids;
  const pages: Page[] = [];

  beforeAll(async () => {
    s = await startTestServer();
    a = await seedRegion(s.db, "a");
    const paths = await routePaths();
    for (const who of ["admin", "member", "anonymous"] as const) {
      const visitor = new Visitor(s.url);
      visitor.setCookie(LANG_COOKIE, "en");
      if (who !== "anonymous") {
        const user = await makeUser(s.db, { name: `Walker ${who}` });
        await s.db
          .insertInto("memberships")
          .values({ user_id: user.id, region_id: a.regionId, role: who as Role })
          .execute();
        await visitor.signIn(user.email);
      }
      visitor.pinSession();
      for (const path of paths) {
        // Signing out would end the walk's session.
        if (path === "/logout") continue;
        const url = fillPath(path, a);
        const res = await visitor.send("GET", url);
        if (res.status === 200 && res.type.includes("text/html"))
          pages.push({ who, url, html: res.text });
      }
    }
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it("reaches the pages of every role", () => {
    // A walk that reached nothing would find nothing wrong.
    expect(pages.filter((p) => p.who === "admin").length).toBeGreaterThan(60);
    expect(pages.filter((p) => p.who === "anonymous").length).toBeGreaterThan(10);
  });

  it("has no id twice on any page", () => {
    const failures: string[] = [];
    for (const page of pages) {
      const counts = new Map<string, number>();
      for (const el of parse(page.html).querySelectorAll("[id]")) {
        const id = el.getAttribute("id")!;
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      for (const [id, n] of counts)
        if (n > 1) failures.push(`${page.url} (${page.who}): id "${id}" ×${n}`);
    }
    expect(failures).toEqual([]);
  });

  it("says a count of one in the singular on every page", () => {
    // The seeded region has one of most things: one answer, one member, one contribution…
    const failures: string[] = [];
    for (const page of pages) {
      const { text } = readable(page.html, page.url);
      for (const m of text.matchAll(ONE_OF_MANY))
        failures.push(`${page.url} (${page.who}): "${m[0]}"`);
    }
    expect(failures).toEqual([]);
  });

  it("shows no Dutch catalog text on any page in English", () => {
    const dutch = dutchFragments();
    const failures: string[] = [];
    for (const page of pages) {
      const { text, marked } = readable(page.html, page.url);
      if (!/<html[^>]*lang="en"/.test(page.html))
        failures.push(`${page.url} (${page.who}): <html> not lang="en"`);
      for (const [fragment, key] of dutch)
        if (text.includes(fragment) || (INTERFACE_ONLY.test(key) && marked.includes(fragment)))
          failures.push(`${page.url} (${page.who}): "${fragment}" (nl ${key})`);
    }
    expect(failures).toEqual([]);
  });
});
