import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { makeScope } from "../test/fixtures.ts";
import { checkA11y, visit } from "./support/browser.ts";
import { BrowserTest } from "./support/browserTest.ts";

/**
 * Issue 15, point 2: an add-form is empty again after it was saved (so the next one is not the
 * last one sent again), and keeps what was typed when it was refused. With JavaScript the page is
 * not reloaded, which is where forms kept their last values; without it the same must hold.
 */

const app = new BrowserTest();

const fieldset = (page: Page, legend: string) =>
  page.locator("fieldset").filter({ has: page.locator("legend", { hasText: legend }) });

describe("add-forms after a save and after a refusal", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`start empty after each add and keep what was typed when refused, ${javaScriptEnabled ? "with" : "without"} JavaScript`, async () => {
      const { region, user } = await makeScope(app.server.db, "admin");
      const coalition = await app.server.db
        .insertInto("coalitions")
        .values({ region_id: region.id, title: "Coalitie zorgpersoneel" })
        .returning("id")
        .executeTakeFirstOrThrow();
      const action = await app.server.db
        .insertInto("actions")
        .values({ region_id: region.id, title: "Leerwerkplaats in de wijk" })
        .returning("id")
        .executeTakeFirstOrThrow();
      const page = await app.newPage({ locale: "nl-NL", javaScriptEnabled });
      await app.signIn(page, user.email);
      const base = `${app.server.url}/manage/${region.slug}`;

      // Two members one after the other through the same form.
      await visit(page, `${base}/coalitions/${coalition.id}`);
      const add = fieldset(page, "Lid toevoegen");
      for (const [name, email] of [
        ["Anna de Boer", "anna@example.org"],
        ["Bram Smit", "bram@example.org"],
      ]) {
        await expect.poll(() => add.getByLabel("Naam").inputValue()).toBe("");
        await expect.poll(() => add.getByLabel("E-mailadres").inputValue()).toBe("");
        await add.getByLabel("Naam").fill(name!);
        await add.getByLabel("E-mailadres").fill(email!);
        await add.getByRole("button", { name: "Lid toevoegen" }).click();
        await page.getByRole("cell", { name: name! }).first().waitFor();
        await page.getByText("Het lid is toegevoegd.").waitFor();
        await checkA11y(page, `after adding ${name}`);
      }
      await expect.poll(() => add.getByLabel("Naam").inputValue()).toBe("");
      expect(
        await page.getByText("Iemand met dit e-mailadres hoort al bij deze coalitie.").count(),
      ).toBe(0);

      // A refused one keeps what was typed, with the reason beside it.
      await add.getByLabel("Naam").fill("Carla Visser");
      await add.getByLabel("E-mailadres").fill("anna@example.org");
      await add.getByRole("button", { name: "Lid toevoegen" }).click();
      await page.getByText("Iemand met dit e-mailadres hoort al bij deze coalitie.").waitFor();
      expect(await add.getByLabel("Naam").inputValue()).toBe("Carla Visser");
      expect(await add.getByLabel("E-mailadres").inputValue()).toBe("anna@example.org");
      await checkA11y(page, "after a refused member");

      // A progress note: saved, the box is empty for the next one.
      await visit(page, `${base}/actions/${action.id}`);
      const note = page.getByLabel("Notitie over de voortgang");
      await note.fill("Eerste bijeenkomst gehouden.");
      await page.getByRole("button", { name: "Notitie toevoegen" }).click();
      await page.getByText("De notitie is toegevoegd.").waitFor();
      await page.getByText("Eerste bijeenkomst gehouden.").first().waitFor();
      await expect.poll(() => note.inputValue()).toBe("");
      await note.fill("Tweede bijeenkomst gepland.");
      await page.getByRole("button", { name: "Notitie toevoegen" }).click();
      await page.getByText("Tweede bijeenkomst gepland.").first().waitFor();
      await expect.poll(() => note.inputValue()).toBe("");
      await checkA11y(page, "after two notes");
      await page.context().close();
    }, 240_000);
  }
});
