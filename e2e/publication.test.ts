import { describe, expect, it } from "vitest";
import { createAction } from "../core/actions/createAction.ts";
import { linkContributions } from "../core/actions/linkContributions.ts";
import { addMember } from "../core/coalitions/addMember.ts";
import { createCoalition } from "../core/coalitions/createCoalition.ts";
import { setPublicationPublic } from "../core/harvest/setPublicationPublic.ts";
import { selectQuote } from "../core/harvest/themes/selectQuote.ts";
import { setAgendaPublic } from "../core/harvest/setAgendaPublic.ts";
import { makeScope } from "../test/fixtures.ts";
import { makeCuratedHarvest } from "../test/harvestFixtures.ts";
import { submit, visit } from "./support/browser.ts";
import { BrowserTest } from "./support/browserTest.ts";

const app = new BrowserTest();

describe("publication, action agenda and coalitions, in a real browser", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`every page passes axe, and a visitor says "Ik wil meedoen" ${javaScriptEnabled ? "with" : "without"} JavaScript`, async () => {
      const { scope, region, user } = await makeScope(app.server.db, "organiser");
      const h = await makeCuratedHarvest(scope);
      await selectQuote(scope, h.harvest.id, {
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

      const page = await app.newPage({ javaScriptEnabled });
      await app.signIn(page, user.email);
      const base = `${app.server.url}/manage/${region.slug}`;
      await visit(page, `${base}/harvest/${h.harvest.id}/publication`);
      await visit(page, `${base}/harvest/${h.harvest.id}/publication/themes/${h.themes.culture}`);
      await visit(page, `${base}/harvest/${h.harvest.id}/trace/${h.contributions.dilemma}`);
      await visit(page, `${base}/actions`);
      await visit(page, `${base}/actions/${action.value.id}`);
      await visit(page, `${base}/actions/${action.value.id}/contributions`);
      await visit(page, `${base}/coalitions`);
      await visit(page, `${base}/coalitions/${coalition.value.id}`);

      const visitor = await app.newPage({ javaScriptEnabled });
      await visit(visitor, `${app.server.url}/r/${region.slug}/publication/${h.harvest.slug}`);
      await expect
        .poll(() => visitor.getByText("Tijd voor leren gaat ten koste van de zorg").count())
        .toBeGreaterThan(0);
      await visit(visitor, `${app.server.url}/r/${region.slug}/agenda/actions`);
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
      const members = await app.server.db
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
