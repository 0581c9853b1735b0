import { readFile } from "node:fs/promises";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createChallenge } from "../core/challenges/createChallenge.ts";
import { linkActivity } from "../core/challenges/linkActivity.ts";
import { addMember } from "../core/coalitions/addMember.ts";
import { createCoalition } from "../core/coalitions/createCoalition.ts";
import { hashToken, newToken } from "../core/accounts/tokens.ts";
import { createSession } from "../core/dialogue/createSession.ts";
import { setCheckedIn } from "../core/events/setCheckedIn.ts";
import type { RegionScope } from "../core/kernel/scope.ts";
import { recordTie } from "../core/network/recordTie.ts";
import { addPerson } from "../core/people/addPerson.ts";
import { createOrganisation } from "../core/people/createOrganisation.ts";
import { makeScope } from "../test/fixtures.ts";
import { checkA11y, submit, visit } from "./support/browser.ts";
import { BrowserTest } from "./support/browserTest.ts";

/**
 * Issue 12, "Must show": a coordinator opens the network of a challenge built from seeded
 * events, a dialogue session and a coalition, sees the bridge builder and a missing perspective,
 * filters by period, and downloads GEXF that re-imports with graphology.
 */

const app = new BrowserTest();
const DAY = 86_400_000;

const must = <T>(r: { ok: true; value: T } | { ok: false }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
};
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The people of the story, by first name: who they are and where they work. */
const PEOPLE = {
  gea: { name: "Gea Jansen", org: "gemeente", perspectives: ["policy"] },
  gijs: { name: "Gijs de Vries", org: "gemeente", perspectives: ["policy"] },
  bea: { name: "Bea Brugman", org: "brugwerk", perspectives: ["work"] },
  henk: { name: "Henk Hoekstra", org: "saxion", perspectives: ["research"] },
  hanna: { name: "Hanna Smit", org: "saxion", perspectives: ["education"] },
  // Lives the "living" perspective, but was never at anything of the challenge.
  wim: { name: "Wim Woning", org: "bewoners", perspectives: ["living"] },
} as const;
type Who = keyof typeof PEOPLE;

/**
 * A region where Bea Brugman (a company) alone connects two groups: the municipality's two
 * (Gea, Gijs) whom she met at an old workshop, and the university of applied sciences' two
 * (Henk, Hanna) whom she met at a recent knowledge session. Each group also sat together in a
 * named group of a dialogue session; Henk and Hanna are in a coalition. Everything is linked to
 * one challenge. Nobody present has the "living" perspective; Wim, who has it, only registered
 * for the recent session and never checked in, and works with Hanna by a recorded tie.
 */
async function seedRegion(scope: RegionScope) {
  const { db } = scope;
  const org = {
    gemeente: must(
      await createOrganisation(scope, { name: "Gemeente Deventer", sector: "government" }),
    ).id,
    saxion: must(await createOrganisation(scope, { name: "Saxion", sector: "hbo" })).id,
    brugwerk: must(await createOrganisation(scope, { name: "Brugwerk BV", sector: "company" })).id,
    bewoners: must(
      await createOrganisation(scope, { name: "Bewonersplatform De Hoven", sector: "residents" }),
    ).id,
  };
  const email = (who: Who) => `${who}@netwerk.example.org`;
  const person = {} as Record<Who, string>;
  for (const [who, p] of Object.entries(PEOPLE) as [Who, (typeof PEOPLE)[Who]][])
    person[who] = must(
      await addPerson(scope, {
        name: p.name,
        email: email(who),
        organisationId: org[p.org],
        perspectives: [...p.perspectives],
      }),
    ).id;

  const challenge = must(await createChallenge(scope, { title: "Zorg en wonen in de wijk" }));

  // Past events cannot be made through the organiser's form (it plans ahead): they are rows, as
  // an import of last year's agenda would leave them; check-in goes through the check-in intent.
  const event = async (title: string, daysAgo: number, present: Who[], absent: Who[] = []) => {
    const starts = new Date(Date.now() - daysAgo * DAY);
    const id = (
      await db
        .insertInto("events")
        .values({
          region_id: scope.regionId,
          slug: title.toLowerCase().replace(/\W+/g, "-"),
          kind: "workshop",
          title,
          mode: "on_site",
          starts_at: starts,
          ends_at: new Date(starts.getTime() + 3 * 3_600_000),
          status: "published",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    for (const who of [...present, ...absent]) {
      const reg = await db
        .insertInto("registrations")
        .values({
          event_id: id,
          region_id: scope.regionId,
          email: email(who),
          name: PEOPLE[who].name,
          status: "confirmed",
          consent_at: new Date(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (present.includes(who)) must(await setCheckedIn(scope, id, reg.id, true));
    }
    must(await linkActivity(scope, challenge.id, { kind: "event", id }));
  };
  await event("Werkatelier zorg en wonen", 200, ["gea", "gijs", "bea"]);
  await event("Kennissessie wijkzorg", 30, ["bea", "henk", "hanna"], ["wim"]);

  // A dialogue session with two named groups and one anonymous participant, as joining on a
  // phone and the facilitator's split into groups leave them.
  const session = must(
    await createSession(scope, { title: "Dialoog wijkzorg", template: "learning-region" }),
  );
  for (const [displayName, organisation, group] of [
    ["Gea Jansen", "Gemeente Deventer", 1],
    ["Gijs de Vries", "Gemeente Deventer", 1],
    ["Henk Hoekstra", "Saxion", 2],
    ["Hanna Smit", "Saxion", 2],
    [null, null, 2],
  ] as const)
    await db
      .insertInto("dialogue_participants")
      .values({
        session_id: session.id,
        device_token_hash: hashToken(newToken()),
        display_name: displayName,
        organisation,
        group_no: group,
      })
      .execute();
  must(await linkActivity(scope, challenge.id, { kind: "session", id: session.id }));

  const coalition = must(await createCoalition(scope, { title: "Coalitie lerende wijk" }));
  for (const who of ["henk", "hanna"] as const)
    must(
      await addMember(scope, coalition.id, {
        name: PEOPLE[who].name,
        email: email(who),
        organisation: "Saxion",
      }),
    );
  must(await linkActivity(scope, challenge.id, { kind: "coalition", id: coalition.id }));

  must(await recordTie(scope, person.wim, { other: person.hanna, kind: "works_with" }));
  return { challenge, person };
}

const table = (page: Page, caption: string | RegExp) => page.getByRole("table", { name: caption });

/** The names in the parties table (its row headers), sorted. */
async function partyNames(page: Page): Promise<string[]> {
  const names = await table(page, /^Partijen met hun maten/)
    .locator("tbody th[scope=row]")
    .allInnerTexts();
  return names.map((n) => n.trim()).sort();
}

/** The ties of the ties table as "A – B" with the two names in alphabetical order, sorted. */
async function tiePairs(page: Page): Promise<string[]> {
  const rows = table(page, /sterkste band(?:en)?$/).locator("tbody tr");
  const pairs: string[] = [];
  for (const row of await rows.all()) {
    const a = (await row.locator("th").innerText()).trim();
    const b = (await row.locator("td").first().innerText()).trim();
    pairs.push([a, b].sort().join(" – "));
  }
  return pairs.sort();
}

/** The summary's counts ("Het netwerk telt 5 partijen en 6 banden, …"). */
async function summaryCounts(page: Page): Promise<{ parties: number; ties: number }> {
  const text = await page
    .getByRole("region", { name: "Samenvatting" })
    .getByText(/^Het netwerk telt/)
    .innerText();
  const m = /telt (\d+) partij(?:en)? en (\d+) banden/.exec(text);
  if (!m) throw new Error(`no counts in the summary: ${text}`);
  return { parties: Number(m[1]), ties: Number(m[2]) };
}

/**
 * Downloads the page's GEXF through its link, by keyboard (focus and Enter, as a keyboard user
 * does), re-imports it with graphology, and checks that it is the network the page shows: the
 * same parties, the same ties, as many as the summary counts.
 */
async function expectGexfAsPage(page: Page, expected: { parties: number; ties: number }) {
  const link = page.getByRole("link", { name: "GEXF (Gephi)" });
  await link.focus();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.keyboard.press("Enter"),
  ]);
  expect(download.suggestedFilename()).toMatch(/-network\.gexf$/);
  const xml = await readFile(await download.path());
  const graph = parseGexf(Graph, xml.toString("utf8"));
  expect(await summaryCounts(page)).toEqual(expected);
  expect(graph.order).toBe(expected.parties);
  expect(graph.size).toBe(expected.ties);
  expect(graph.mapNodes((_n, a) => String(a.label)).sort()).toEqual(await partyNames(page));
  expect(
    graph
      .mapEdges((_e, _a, s, t) =>
        [graph.getNodeAttribute(s, "label"), graph.getNodeAttribute(t, "label")].sort().join(" – "),
      )
      .sort(),
  ).toEqual(await tiePairs(page));
}

/** Whether `locator` has the keyboard's focus. */
const focused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

describe("the network of a challenge, in a real browser", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`a coordinator sees the bridge builder and the missing perspective, filters by period and re-imports the GEXF ${javaScriptEnabled ? "with" : "without"} JavaScript`, async () => {
      const { scope, region, user } = await makeScope(app.server.db, "organiser");
      const { challenge } = await seedRegion(scope);

      const page = await app.newPage({ javaScriptEnabled });
      await app.signIn(page, user.email);
      const url = `${app.server.url}/manage/${region.slug}/challenges/${challenge.id}/network`;
      await visit(page, url);
      await page
        .getByRole("heading", { level: 1, name: "Netwerk van Zorg en wonen in de wijk" })
        .waitFor();

      // Five people were there; Wim only registered, and the anonymous participant is nobody.
      expect(await partyNames(page)).toEqual(
        ["Bea Brugman", "Gea Jansen", "Gijs de Vries", "Hanna Smit", "Henk Hoekstra"].sort(),
      );
      expect(await summaryCounts(page)).toEqual({ parties: 5, ties: 6 });

      // The bridge builder, first, and why.
      const bridges = table(page, "Bruggenbouwers, gerangschikt op tussenpositie");
      const first = bridges.locator("tbody tr").first();
      expect((await first.locator("th").innerText()).trim()).toBe("Bea Brugman (Brugwerk BV)");
      await first
        .getByRole("cell", {
          name: /verbindt Gemeente of andere overheid met Hogeschool \(hbo\)/,
        })
        .waitFor();
      expect(await bridges.locator("tbody tr").count()).toBe(1);
      await page
        .getByText(
          "De sterkste bruggenbouwer is Bea Brugman, die Gemeente of andere overheid met Hogeschool (hbo) verbindt.",
          { exact: false },
        )
        .waitFor();

      // Who is missing: the "living" perspective, with Wim suggested (he knows Hanna already).
      const coverage = page.getByRole("region", { name: "Dekking: wie doet mee, wie ontbreekt" });
      await coverage.getByRole("heading", { level: 3, name: "Wie ontbreekt" }).waitFor();
      const living = coverage
        .getByRole("listitem")
        .filter({ hasText: "Perspectief Wonen en leven ontbreekt." });
      await living.getByRole("link", { name: "Wim Woning" }).waitFor();
      expect(await living.innerText()).toMatch(/kent al [\d,]+ \(bandsterkte\) in deze opgave/);
      expect(
        await coverage.getByText(/^Perspectief (Werk|Onderzoek|Beleid|Onderwijs)/).count(),
      ).toBe(0);

      // The ties before filtering: Bea met Gea and Gijs at the old workshop.
      expect(await tiePairs(page)).toContain("Bea Brugman – Gea Jansen");
      await expectGexfAsPage(page, { parties: 5, ties: 6 });

      // Filter by period, by keyboard: from 100 days ago to tomorrow, leaving the old workshop out.
      const from = isoDay(new Date(Date.now() - 100 * DAY));
      const to = isoDay(new Date(Date.now() + DAY));
      const filter = page.getByRole("search", { name: "Filter" });
      await filter.getByLabel("Niveau").focus();
      await page.keyboard.press("Tab");
      expect(await focused(filter.getByLabel("Vanaf (jjjj-mm-dd)"))).toBe(true);
      await page.keyboard.type(from);
      await page.keyboard.press("Tab");
      expect(await focused(filter.getByLabel("Tot (jjjj-mm-dd)"))).toBe(true);
      await page.keyboard.type(to);
      const apply = filter.getByRole("button", { name: "Toon" });
      for (let i = 0; i < 12 && !(await focused(apply)); i++) await page.keyboard.press("Tab");
      expect(await focused(apply), "Tab reaches the filter's Toon button").toBe(true);
      await submit(
        page,
        () => page.keyboard.press("Enter"),
        (u) => u.searchParams.get("from") === from && u.searchParams.get("to") === to,
        page.getByText("Nog geen bruggenbouwers", { exact: false }),
      );

      // The old workshop's ties are gone, and with them Bea's place between the two groups.
      const after = await tiePairs(page);
      expect(after).not.toContain("Bea Brugman – Gea Jansen");
      expect(after).not.toContain("Bea Brugman – Gijs de Vries");
      expect(after).toEqual(
        [
          "Bea Brugman – Hanna Smit",
          "Bea Brugman – Henk Hoekstra",
          "Gea Jansen – Gijs de Vries",
          "Hanna Smit – Henk Hoekstra",
        ].sort(),
      );
      expect(await table(page, "Bruggenbouwers, gerangschikt op tussenpositie").count()).toBe(0);
      // Over time: the two ties of the workshop, in the period before, were not renewed.
      const overTime = page.getByRole("region", { name: "Over tijd" });
      await overTime.getByRole("heading", { name: "Niet vernieuwde banden (2)" }).waitFor();
      // The filter keeps what was asked for.
      expect(await filter.getByLabel("Vanaf (jjjj-mm-dd)").inputValue()).toBe(from);

      // The download follows the filter: the file is the network the page now shows.
      await expectGexfAsPage(page, { parties: 5, ties: 4 });

      // Without JavaScript the map cannot draw, and the page says so; the tables carry it all.
      const needsJs = page.getByText("De kaart heeft JavaScript nodig", { exact: false });
      if (javaScriptEnabled) await needsJs.waitFor({ state: "detached" });
      else await needsJs.waitFor();
      await checkA11y(page, "the filtered challenge network");
    });
  }
});
