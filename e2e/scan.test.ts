import { describe, expect, it } from "vitest";
import { SHIPPED_STATEMENTS, statementField } from "../core/scan/statements.ts";
import { TestClient } from "../test/client.ts";
import { makeScope } from "../test/fixtures.ts";
import { submit, visit } from "./support/browser.ts";
import { BrowserTest } from "./support/browserTest.ts";

const app = new BrowserTest();

describe("the self-scan, in a real browser", () => {
  it("a round with 12 anonymous respondents from 4 sectors shows results and hides a sector with fewer than 5", async () => {
    const { region, user } = await makeScope(app.server.db, "organiser");
    const organiser = await app.newPage({ locale: "nl-NL" });
    await app.signIn(organiser, user.email);
    const base = `${app.server.url}/manage/${region.slug}/scans`;

    // The organiser finds the self-scan in the region's navigation, makes one and opens its
    // first round.
    await visit(organiser, base);
    await organiser
      .getByRole("navigation", { name: /regio/i })
      .getByRole("link", { name: "Zelfscan" })
      .waitFor();
    await organiser.getByRole("link", { name: "Nieuwe zelfscan" }).click();
    await organiser.getByLabel("Titel").fill("Hoe leren wij samen? 2026");
    await submit(
      organiser,
      () => organiser.getByRole("button", { name: "Zelfscan aanmaken" }).click(),
      (u) => u.searchParams.get("done") === "created",
      organiser.getByRole("heading", { level: 1, name: "Hoe leren wij samen? 2026" }),
    );
    await organiser.getByLabel("Naam van de ronde").fill("Voorjaar 2026");
    await submit(
      organiser,
      () => organiser.getByRole("button", { name: "Nieuwe ronde openen" }).click(),
      (u) => u.searchParams.get("done") === "roundOpened",
      organiser.getByText(/Link om mee te doen: /),
    );
    const joinText = await organiser.getByText(/Link om mee te doen: /).textContent();
    const joinUrl = joinText!.replace(/^.*Link om mee te doen: /, "").trim();
    const formPath = new URL(joinUrl).pathname;

    // One respondent on a phone without JavaScript: the whole form is radio groups and a select.
    const phone = await app.newPage({
      locale: "nl-NL",
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
    });
    await visit(phone, joinUrl);
    await phone.getByLabel("Sector").selectOption({ label: "Gemeente of andere overheid" });
    await phone
      .getByRole("group", { name: "Op welk niveau werken jullie nu samen?" })
      .getByLabel("2 · Actueel curriculum")
      .check();
    const first = SHIPPED_STATEMENTS[0]!;
    await phone
      .getByRole("group", { name: `Over ons (de groep): ${first.text.nl}` })
      .getByLabel("4 · Eens")
      .check();
    await submit(
      phone,
      () => phone.getByRole("button", { name: "Versturen" }).click(),
      (u) => u.searchParams.get("sent") === "stored",
      phone.getByText("Dank je wel! Je antwoorden zijn bewaard."),
    );

    // Eleven more through the same form posts, quickly: 5 government in all, 3 hbo, 2 mbo,
    // 2 companies. Nobody gives a name.
    const sectors = [
      ...Array(4).fill("government"),
      ...Array(3).fill("hbo"),
      ...Array(2).fill("mbo"),
      ...Array(2).fill("company"),
    ] as string[];
    await Promise.all(
      sectors.map(async (sector, i) => {
        const client = new TestClient(app.server.url);
        await client.get(formPath);
        const fields: Record<string, string> = { sector, ladderNow: "2", ladderDesired: "4" };
        for (const s of SHIPPED_STATEMENTS) {
          fields[statementField(s.key)] = String(s.form === "group" ? 2 + (i % 2) : 4);
        }
        const res = await client.post(formPath, fields);
        expect(res.status).toBe(302);
      }),
    );

    // The organiser reads the round's results.
    await organiser.goto(organiser.url().split("?")[0]!);
    const results = await organiser
      .getByRole("link", { name: "Resultaten van ronde 1" })
      .getAttribute("href");
    await visit(organiser, app.server.url + results!, "results of round 1");
    await organiser.getByText(/12 antwoorden/).waitFor();
    const bySector = organiser.getByRole("table", { name: /Mediaan per thema per groep/ }).first();
    await expect
      .poll(() => bySector.getByRole("row", { name: /Gemeente of andere overheid/ }).textContent())
      .toMatch(/Gemeente of andere overheid\s*5/);
    for (const name of ["Hogeschool (hbo)", "Mbo-instelling", "Bedrijf"]) {
      expect(
        await bySector
          .getByRole("row", { name: new RegExp(name.replace(/[()]/g, "\\$&")) })
          .textContent(),
      ).toContain("te weinig antwoorden om te tonen");
    }
    // The spread, not only a mean: the chart's table gives the medians of "about us" and "about me".
    await organiser
      .getByRole("table", { name: /Score per thema/ })
      .getByRole("row", { name: /Kennismanagement/ })
      .waitFor();
    await organiser.getByRole("heading", { name: /Zwakste essentie in deze ronde/ }).waitFor();
    // A page with 150 radio buttons, checked by axe with and without JavaScript, on a shared
    // two-core machine: more than the default two minutes at busy moments.
  }, 240_000);
});
