import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeScope, TEST_PASSWORD } from "../test/fixtures.ts";
import { makeHarvestSession } from "../test/harvest.ts";
import { startTestServer, type TestServer } from "../test/server.ts";
import { checkA11y, launchBrowser, newContext, submit, visit } from "./support/browser.ts";

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

describe("a harvest, in a real browser", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`gathers, merges, imports and takes contributions ${javaScriptEnabled ? "with" : "without"} JavaScript, and passes axe`, async () => {
      const { scope, region, user } = await makeScope(s.db, "organiser");
      await makeHarvestSession(scope, { title: "Ontwikkelsessie 1" });
      const page = await newPage({ javaScriptEnabled });
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico"))
          errors.push(`${m.text()} ${m.location().url}`);
      });
      page.on("pageerror", (e) => errors.push(e.message));
      await signIn(page, user.email);

      await visit(page, `${s.url}/manage/${region.slug}/harvest`);
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

      const form = `${s.url}/r/${region.slug}/harvest/samenwerken-aan-een-lerende-regio/contribute`;
      const visitor = await newPage({ javaScriptEnabled });
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
    const { region } = await makeScope(s.db, "organiser");
    const page = await newPage({ javaScriptEnabled: false });
    const response = await page.goto(`${s.url}/r/${region.slug}/harvest/gesloten/contribute`);
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { name: "Dit formulier is gesloten" }).waitFor();
    await checkA11y(page);
  });
});
