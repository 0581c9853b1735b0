import { describe, expect, it } from "vitest";
import { makeScope } from "../test/fixtures.ts";
import { makeHarvestSession } from "../test/harvest.ts";
import { checkA11y, submit, visit } from "./support/browser.ts";
import { BrowserTest } from "./support/browserTest.ts";

const app = new BrowserTest();

describe("a harvest, in a real browser", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`gathers, merges, imports and takes contributions ${javaScriptEnabled ? "with" : "without"} JavaScript, and passes axe`, async () => {
      const { scope, region, user } = await makeScope(app.server.db, "organiser");
      await makeHarvestSession(scope, { title: "Ontwikkelsessie 1" });
      const page = await app.newPage({ javaScriptEnabled });
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico"))
          errors.push(`${m.text()} ${m.location().url}`);
      });
      page.on("pageerror", (e) => errors.push(e.message));
      await app.signIn(page, user.email);

      await visit(page, `${app.server.url}/manage/${region.slug}/harvest`);
      await page.getByLabel("Titel").fill("Samenwerken aan een lerende regio");
      await page.getByLabel(/Strategische thema's/).fill("De kandidaat centraal\nLeercultuur");
      await page.getByLabel(/Het bijdrageformulier is open/).check();
      await submit(
        page,
        () => page.getByRole("button", { name: "Oogst aanmaken" }).click(),
        /\/harvest\/[0-9a-f-]{36}\?created=1/,
        page.getByText("De oogst is aangemaakt."),
      );
      const overview = page.url().split("?")[0]!;

      await page.getByLabel("Dialoogsessie").selectOption({ index: 1 });
      await submit(
        page,
        () => page.getByRole("button", { name: "Sessie toevoegen" }).click(),
        /sourceAdded=1/,
        page.getByText("De bron is toegevoegd."),
      );
      await submit(
        page,
        () => page.getByRole("button", { name: "Bijdragen ophalen" }).click(),
        /gathered=1/,
        page.getByText("Opgehaald uit 1 sessie: 4 nieuw, 0 bijgewerkt."),
      );

      await visit(page, `${overview}/contributions`);
      await page.getByRole("checkbox", { name: /Iedereen leert/ }).check();
      await page.getByRole("checkbox", { name: /Stages in elke wijk/ }).check();
      await submit(
        page,
        () => page.getByRole("button", { name: "Gekozen bijdragen samenvoegen" }).click(),
        /merge=/,
        page.getByRole("heading", { name: "Welke bijdrage blijft?" }),
      );
      await page.getByRole("radio", { name: /Stages in elke wijk/ }).check();
      await submit(
        page,
        () => page.getByRole("button", { name: "Samenvoegen", exact: true }).click(),
        /merged=1/,
        page.getByText("1 bijdrage is samengevoegd."),
      );

      await page.getByRole("link", { name: /Bijdrage bewerken: Stages in elke wijk/ }).click();
      await page.getByRole("heading", { name: "Bijdrage bewerken" }).waitFor();
      await checkA11y(page);
      await page.getByRole("textbox", { name: "Tags" }).fill("stages, wijk");
      await submit(
        page,
        () => page.getByRole("button", { name: "Tags opslaan" }).click(),
        /tagsSaved=1/,
        page.getByText("De tags zijn opgeslagen."),
      );

      await visit(page, `${overview}/import`);
      await page.getByLabel("Bestand (CSV of .xlsx)").setInputFiles({
        name: "bijdragen.csv",
        mimeType: "text/csv",
        buffer: Buffer.from("tekst;soort\nMeer tijd om te leren;idee\n;droom\nEen wens;wens\n"),
      });
      await submit(
        page,
        () => page.getByRole("button", { name: "Voorbeeld bekijken" }).click(),
        /\/import$/,
        page.getByRole("heading", { name: "Rijen met fouten" }),
      );
      await submit(
        page,
        () => page.getByRole("button", { name: "1 bijdrage importeren" }).click(),
        /imported=1/,
        page.getByText(/Import klaar: 1 bijdrage toegevoegd/),
      );

      const form = `${app.server.url}/r/${region.slug}/harvest/samenwerken-aan-een-lerende-regio/contribute`;
      const visitor = await app.newPage({ javaScriptEnabled });
      await visit(visitor, form);
      await visitor.getByLabel("Jouw bijdrage").fill("<b>Een leerwerkplaats</b> in de wijk");
      await visitor.getByLabel(/Bij welk thema hoort het/).selectOption("Leercultuur");
      await submit(
        visitor,
        () => visitor.getByRole("button", { name: "Versturen" }).click(),
        /sent=1/,
        visitor.getByText("Dank je wel! Je bijdrage is ontvangen."),
      );
      await visit(page, `${overview}/contributions?origin=form`);
      expect(await page.getByText("<b>Een leerwerkplaats</b> in de wijk").count()).toBe(1);
      await visit(page, overview);
      expect(errors).toEqual([]);
    });
  }

  it("shows a closed form as a friendly page that passes axe", async () => {
    const { region } = await makeScope(app.server.db, "organiser");
    const page = await app.newPage({ javaScriptEnabled: false });
    const response = await page.goto(
      `${app.server.url}/r/${region.slug}/harvest/gesloten/contribute`,
    );
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { name: "Dit formulier is gesloten" }).waitFor();
    await checkA11y(page);
  });
});
