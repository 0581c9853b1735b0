import { describe, expect, it } from "vitest";
import { addPerson } from "../core/people/addPerson.ts";
import { createOrganisation } from "../core/people/createOrganisation.ts";
import { makeScope } from "../test/fixtures.ts";
import { submit, visit } from "./support/browser.ts";
import { BrowserTest } from "./support/browserTest.ts";

/**
 * Issue 15, points 16 and 17, as a coordinator does them in a browser: picking a coalition's
 * lead and member and an action's partner from the region's people and organisations (and
 * seeing them on their pages), and sorting many contributions at once under a strategic theme,
 * then publishing past the warning about themes nobody reviewed. Axe on every page visited.
 */

const app = new BrowserTest();

const must = <T>(r: { ok: true; value: T } | { ok: false }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
};

describe("a coordinator picks parties from the register and curates themes at scale", () => {
  // Without JavaScript: the picker is the browser's own suggestion list, nothing scripted.
  async function coordinatorWithRegister() {
    const { scope, region, user } = await makeScope(app.server.db, "organiser");
    const roc = must(await createOrganisation(scope, { name: "ROC Rivierenland", sector: "mbo" }));
    const sanne = must(
      await addPerson(scope, {
        name: "Sanne de Wit",
        email: "sanne@roc.example",
        organisationId: roc.id,
      }),
    );
    must(await addPerson(scope, { name: "Jan Bos", email: "jan@roc.example" }));
    const page = await app.newPage({ locale: "nl-NL", javaScriptEnabled: false });
    await app.signIn(page, user.email);
    return { page, base: `${app.server.url}/manage/${region.slug}`, roc: roc.id, sanne: sanne.id };
  }

  it("picks a coalition's lead and member from the register without JavaScript; the person's page lists the coalition", async () => {
    const { page, base, sanne } = await coordinatorWithRegister();
    await visit(page, `${base}/coalitions`);
    const lead = page.getByLabel("Trekker (naam) (optioneel)");
    expect(await lead.getAttribute("list")).toBe("party-people");
    expect(
      await page
        .locator("#party-people option")
        .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value)),
    ).toEqual(["Jan Bos", "Sanne de Wit"]);
    await page.getByLabel("Naam van de coalitie").fill("Stages in de zorg");
    await lead.fill("Sanne de Wit");
    await page.getByLabel("Trekker (organisatie) (optioneel)").fill("ROC Rivierenland");
    await submit(
      page,
      () => page.getByRole("button", { name: "Coalitie maken" }).click(),
      (u) => u.searchParams.get("done") === "created",
      page.getByRole("heading", { level: 1, name: "Stages in de zorg" }),
    );

    // A member from the register (linked to their page) and one from outside (text only).
    const add = page
      .locator("fieldset")
      .filter({ has: page.locator("legend", { hasText: "Lid toevoegen" }) });
    await add.getByLabel("Naam").fill("Jan Bos");
    await add.getByRole("button", { name: "Lid toevoegen" }).click();
    await page.waitForURL((u) => u.searchParams.get("done") === "memberAdded");
    await add.getByLabel("Naam").fill("Piet van Buiten");
    await submit(
      page,
      () => add.getByRole("button", { name: "Lid toevoegen" }).click(),
      (u) => u.searchParams.get("done") === "memberAdded",
      page.getByRole("rowheader", { name: "Piet van Buiten" }),
    );
    expect(await page.getByRole("link", { name: "Jan Bos" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "Piet van Buiten" }).count()).toBe(0);

    await visit(page, `${base}/people/${sanne}`);
    const coalitions = page.getByRole("region", { name: "Coalities" });
    await expect(coalitions.textContent()).resolves.toContain("Stages in de zorg (trekker)");
    await page.context().close();
  });

  it("picks an action's lead and a partner from the register without JavaScript; the organisation's and person's pages list the action", async () => {
    const { page, base, roc, sanne } = await coordinatorWithRegister();
    await visit(page, `${base}/actions`);
    await page.getByLabel("Titel").fill("Leerwerkplaats");
    await page.getByLabel("Trekker (organisatie) (optioneel)").fill("ROC Rivierenland");
    await page.getByLabel("Partner uit de regio toevoegen (optioneel)").fill("Sanne de Wit");
    await page.getByRole("button", { name: "Actie maken" }).click();
    await page.waitForURL((u) => /\/actions\/[0-9a-f-]{36}/.test(u.pathname));
    expect(await page.getByLabel("Partners (optioneel)").inputValue()).toBe("Sanne de Wit");

    await visit(page, `${base}/organisations/${roc}`);
    await expect(page.getByRole("region", { name: "Acties" }).textContent()).resolves.toContain(
      "Leerwerkplaats (trekker)",
    );
    await visit(page, `${base}/people/${sanne}`);
    await expect(page.getByRole("region", { name: "Acties" }).textContent()).resolves.toContain(
      "Leerwerkplaats (partner)",
    );
    await page.context().close();
  });

  it("moves many ticked contributions at once to a strategic theme and publishes past the warning", async () => {
    const { region, user } = await makeScope(app.server.db, "organiser");
    const harvest = await app.server.db
      .insertInto("harvests")
      .values({
        region_id: region.id,
        slug: "oogst",
        title: "Ontwikkelsessies",
        strategic_themes: JSON.stringify(["Leercultuur", "De kandidaat centraal"]),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const texts = [
      "Meer stageplaatsen bij bedrijven",
      "Stage voor studenten is lastig te vinden",
      "Te weinig stageplaatsen voor mbo-studenten",
      "Goede begeleiding tijdens de stage",
      "Werkdruk in de zorg is te hoog",
      "Minder werkdruk voor het zorgpersoneel",
      "De werkdruk van het zorgpersoneel verlagen",
      "Warmtenet in de wijk aanleggen",
      "Energie besparen met een warmtenet",
      "Energie delen in de buurt met een warmtenet",
    ];
    await app.server.db
      .insertInto("contributions")
      .values(
        texts.map((text, i) => ({
          harvest_id: harvest.id,
          region_id: region.id,
          text,
          origin: "manual" as const,
          created_at: new Date(Date.UTC(2021, 0, 1, 0, 0, i)),
        })),
      )
      .execute();
    const page = await app.newPage({ locale: "nl-NL" });
    await app.signIn(page, user.email);
    const themes = `${app.server.url}/manage/${region.slug}/harvest/${harvest.id}/themes`;
    await visit(page, themes);
    await submit(
      page,
      () => page.getByRole("button", { name: "Thema's voorstellen" }).click(),
      (u) => u.searchParams.get("done") === "proposed",
      page.getByText("Thema's voorgesteld."),
    );
    // A harvest this small shows every theme's rows: tick all of the first theme's.
    const first = page.locator("section[id^=theme-]").first();
    const label = (await first.getByRole("heading", { level: 2 }).textContent())!;
    const boxes = first.getByRole("checkbox");
    const ticked = await boxes.count();
    expect(ticked).toBeGreaterThan(1);
    for (let i = 0; i < ticked; i++) await boxes.nth(i).check();
    await first.getByLabel("Verplaats de aangevinkte bijdragen naar").selectOption({
      label: "Leercultuur (strategisch thema)",
    });
    const move = first.locator("button", { hasText: `Verplaatsen: ${label}` });
    await submit(
      page,
      () => move.click(),
      (u) => u.searchParams.get("done") === "movedMany",
      page.getByText("De aangevinkte bijdragen zijn verplaatst."),
    );
    const made = page.locator("section[id^=theme-]").filter({
      has: page.getByRole("heading", { level: 2, name: "Leercultuur" }),
    });
    await expect(made.textContent()).resolves.toContain(`Bijdragen: ${ticked}`);
    await expect(made.textContent()).resolves.toContain("Strategisch thema: Leercultuur");

    // Publishing with themes still as proposed: a warning that lists them, and a confirmation.
    await visit(page, themes.replace(/\/themes$/, "/publication"));
    await expect(page.getByText("Nog niet bekeken", { exact: true }).count()).resolves.toBe(1);
    await page.getByRole("button", { name: "Publiceren" }).click();
    await page.getByText("Vink aan dat je toch wilt publiceren").waitFor();
    await page.getByLabel("Toch publiceren met de thema's die nog niet bekeken zijn").check();
    await submit(
      page,
      () => page.getByRole("button", { name: "Publiceren" }).click(),
      (u) => u.searchParams.get("done") === "published",
      page.getByText("De publicatie staat online."),
    );
    await page.context().close();
  });
});
