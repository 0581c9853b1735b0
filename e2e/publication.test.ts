import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, linkContributions, setAgendaPublic } from "../core/actions/actions.ts";
import { addMember, createCoalition } from "../core/coalitions/coalitions.ts";
import { selectQuote, setPublicationPublic } from "../core/harvest/publication.ts";
import { makeScope, TEST_PASSWORD } from "../test/fixtures.ts";
import { makeCuratedHarvest } from "../test/harvestFixtures.ts";
import { startTestServer, type TestServer } from "../test/server.ts";
import { launchBrowser, newContext, submit, visit } from "./support/browser.ts";

let s: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await newContext(browser, { locale: "nl-NL", ...options });
  contexts.push(context);
  return context.newPage();
}

beforeAll(async () => {
  [s, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await s?.close();
});

async function signIn(page: Page, email: string) {
  await visit(page, `${s.url}/login`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(TEST_PASSWORD);
  await submit(
    page,
    () => page.getByRole("button", { name: "Inloggen" }).click(),
    `${s.url}/`,
    page.getByRole("heading", { name: "Mijn regio's" }),
  );
}

describe("publication, action agenda and coalitions, in a real browser", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`every page passes axe, and a visitor says "Ik wil meedoen" ${javaScriptEnabled ? "with" : "without"} JavaScript`, async () => {
      const { scope, region, user } = await makeScope(s.db, "organiser");
      const h = await makeCuratedHarvest(scope);
      await selectQuote(scope, {
        themeId: h.themes.culture,
        contributionId: h.contributions.dilemma,
      });
      const action = await createAction(scope, {
        title: "Leerdag per maand",
        goal: "Elke medewerker leert.",
        status: "running",
        startsOn: "2025-01-01",
        themeId: h.themes.culture,
      });
      if (!action.ok) throw new Error("no action");
      await linkContributions(scope, action.value.id, { contributionId: h.contributions.idea });
      const coalition = await createCoalition(scope, {
        title: "Leren in de zorg",
        leadName: "Erna",
        wayOfWorking: "Elke maand op locatie.",
        actionId: action.value.id,
      });
      if (!coalition.ok) throw new Error("no coalition");
      await addMember(scope, coalition.value.id, {
        name: "Jan",
        sector: "hbo",
        perspective: "work",
      });
      await setPublicationPublic(scope, h.harvest.id, true);
      await setAgendaPublic(scope, h.harvest.id, true);

      const page = await newPage({ javaScriptEnabled });
      await signIn(page, user.email);
      const base = `${s.url}/manage/${region.slug}`;
      await visit(page, `${base}/harvest/${h.harvest.id}/publication`);
      await visit(page, `${base}/harvest/${h.harvest.id}/publication/themes/${h.themes.culture}`);
      await visit(page, `${base}/harvest/${h.harvest.id}/trace/${h.contributions.dilemma}`);
      await visit(page, `${base}/actions`);
      await visit(page, `${base}/actions/${action.value.id}`);
      await visit(page, `${base}/actions/${action.value.id}/contributions`);
      await visit(page, `${base}/coalitions`);
      await visit(page, `${base}/coalitions/${coalition.value.id}`);

      const visitor = await newPage({ javaScriptEnabled });
      await visit(visitor, `${s.url}/r/${region.slug}/publication/${h.harvest.slug}`);
      await expect
        .poll(() => visitor.getByText("Tijd voor leren gaat ten koste van de zorg").count())
        .toBeGreaterThan(0);
      await visit(visitor, `${s.url}/r/${region.slug}/agenda/actions`);
      await submit(
        visitor,
        () => visitor.getByRole("link", { name: "Ik wil meedoen met Leren in de zorg" }).click(),
        (url) => url.searchParams.has("join"),
        visitor.getByRole("heading", { name: "Ik wil meedoen met Leren in de zorg" }),
      );
      await visitor.getByLabel("Naam").fill("Fatima");
      await visitor.getByLabel("Sector").selectOption("residents");
      // The browser itself asks for the required consent; the server's check has its own test.
      await visitor.getByLabel(/Ik geef toestemming/).check();
      await submit(
        visitor,
        () => visitor.getByRole("button", { name: "Verstuur" }).click(),
        (url) => url.searchParams.has("thanks"),
        visitor.getByText("Dank je!"),
      );
      const members = await s.db
        .selectFrom("coalition_members")
        .select(["name", "status"])
        .where("coalition_id", "=", coalition.value.id)
        .orderBy("name")
        .execute();
      expect(members).toEqual([
        { name: "Fatima", status: "interested" },
        { name: "Jan", status: "member" },
      ]);
    });
  }
});
