import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createAction } from "../core/actions/createAction.ts";
import { makeScope } from "../test/fixtures.ts";
import { BrowserTest } from "./support/browserTest.ts";
import { checkA11y, submit, visit } from "./support/browser.ts";

/**
 * What a new coordinator ran into on the first real use of a live session (issue 15): a room with
 * a phone without JavaScript, the wall screen, ending the session and the results afterwards.
 */
const t = new BrowserTest();

async function startSession(title: string) {
  const { region, user } = await makeScope(t.server.db, "facilitator");
  const facilitator = await t.newPage();
  await t.signIn(facilitator, user.email);
  await visit(facilitator, `${t.server.url}/manage/${region.slug}/dialogue`);
  await facilitator.getByLabel("Titel van de sessie").fill(title);
  await submit(
    facilitator,
    () => facilitator.getByRole("button", { name: "Sessie starten" }).click(),
    (url) => /\/dialogue\/[0-9a-f-]{36}$/.test(url.pathname),
    facilitator.getByRole("heading", { level: 1, name: title }),
  );
  const code = (await facilitator.locator(".lr-join__code strong").textContent())!.replace(" ", "");
  await facilitator.getByText("Live verbonden").waitFor();
  return { facilitator, code, consoleUrl: facilitator.url() };
}

async function join(phone: Page, code: string, name: string, sector: string) {
  await visit(phone, `${t.server.url}/live/${code}`, "participant join");
  await phone.getByLabel("Naam (optioneel)").fill(name);
  await phone.getByLabel("Sector (optioneel)").selectOption({ label: sector });
  await phone.getByRole("button", { name: "Meedoen" }).click();
}

describe("a live session as a coordinator runs it (issue 15)", () => {
  it("counts a phone without JavaScript, keeps names off the wall unless asked, and ends with one clear page for every view", async () => {
    const { facilitator, code, consoleUrl } = await startSession("Regiosessie wonen en zorg");
    const presenter = await facilitator.context().newPage();
    await visit(presenter, `${consoleUrl}/present`, "presenter");
    await presenter.getByText("Live verbonden").waitFor();

    // Point 4: a phone without JavaScript joins; the console counts it without a reload, and the
    // phone never claims to be connecting.
    const plain = await t.newPage({ javaScriptEnabled: false });
    await join(plain, code, "Sanne", "Mbo-instelling");
    await plain.getByText("Even wachten op de volgende vraag").waitFor();
    expect(await plain.getByText("Verbinden").count()).toBe(0);
    await facilitator.getByRole("heading", { name: /0 verbonden, 1 aangemeld/ }).waitFor();
    await facilitator.getByRole("rowheader", { name: "Sanne" }).waitFor();

    const phone = await t.newPage();
    await join(phone, code, "Bram", "Bedrijf");
    await phone.getByText("Live verbonden").waitFor();
    await facilitator.getByRole("heading", { name: /1 verbonden, 2 aangemeld/ }).waitFor();

    // Point 5: an open question; both answers carry their name on the console.
    await facilitator.getByRole("button", { name: /Wat draag jij bij aan die ambitie/ }).click();
    await facilitator
      .getByRole("heading", { name: "Wat draag jij bij aan die ambitie?" })
      .waitFor();
    await facilitator.getByRole("button", { name: "Antwoorden openen" }).click();
    await phone.getByLabel("Jouw antwoord").fill("Stageplaatsen in de wijkzorg");
    await phone.getByRole("button", { name: "Versturen" }).click();
    await phone.getByText("Je antwoord is opgeslagen").waitFor();
    await visit(plain, `${t.server.url}/live/${code}`, "question without JavaScript");
    await plain.getByLabel("Jouw antwoord").fill("Praktijkleren met de buurt");
    await plain.getByRole("button", { name: "Versturen" }).click();
    await plain.getByText("Je antwoord is opgeslagen").waitFor();
    await facilitator.getByText("— Sanne").first().waitFor();
    await facilitator.getByText("— Bram").first().waitFor();

    // The wall shows the answers, not who gave them, until the facilitator chooses so.
    await facilitator.getByRole("button", { name: "Uitkomsten tonen" }).click();
    await presenter.getByText("Praktijkleren met de buurt").waitFor();
    await presenter.getByText("Stageplaatsen in de wijkzorg").waitFor();
    expect(await presenter.getByText(/Sanne|Bram/).count()).toBe(0);
    await facilitator.getByRole("button", { name: "Namen op het scherm tonen" }).click();
    await presenter.getByText("— Sanne").waitFor();
    await facilitator.getByRole("button", { name: "Namen op het scherm verbergen" }).click();
    await expect.poll(() => presenter.getByText(/Sanne|Bram/).count()).toBe(0);

    // Point 3: ending asks first, then every view says the same.
    await facilitator.getByRole("button", { name: "Sessie beëindigen" }).click();
    await facilitator.getByRole("heading", { name: "Sessie beëindigen?" }).waitFor();
    await checkA11y(facilitator, "console asking to end");
    expect(await phone.getByText("De sessie is afgelopen").count()).toBe(0);
    await facilitator.getByRole("button", { name: "Ja, sessie beëindigen" }).click();
    await phone.getByRole("heading", { name: "De sessie is afgelopen" }).waitFor();
    await presenter.getByRole("heading", { name: "De sessie is afgelopen" }).waitFor();
    await expect.poll(() => presenter.locator(".lr-join__code").count()).toBe(0);
    await facilitator
      .getByText(/De sessie is beëindigd\. Deelnemers zien een afsluitpagina/)
      .waitFor();
    expect(await facilitator.getByText("Deelnemers zien de uitkomsten").count()).toBe(0);
    await visit(plain, `${t.server.url}/live/${code}`, "ended, without JavaScript");
    await plain.getByRole("heading", { name: "De sessie is afgelopen" }).waitFor();
    await phone.reload();
    await phone.getByRole("heading", { name: "De sessie is afgelopen" }).waitFor();
    expect(await phone.getByRole("link", { name: "Bekijk de uitkomsten" }).count()).toBe(0);

    // Point 18: the results page shows what was answered, the rest folded away.
    await visit(facilitator, `${consoleUrl}/results`, "results");
    await facilitator
      .getByRole("heading", { name: "Wat draag jij bij aan die ambitie?" })
      .waitFor();
    const unanswered = facilitator.locator("details.lr-unanswered");
    expect(await unanswered.count()).toBe(1);
    expect(await unanswered.getAttribute("open")).toBeNull();
    await unanswered
      .locator("summary")
      .getByText(/Vragen zonder antwoorden \(\d+\)/)
      .waitFor();
    expect(await facilitator.getByText("Nog geen antwoorden.").first().isVisible()).toBe(false);

    // Shared afterwards: the ended page links to the results, on reload and live.
    await submit(
      facilitator,
      () => facilitator.getByRole("button", { name: "Delen aanzetten" }).click(),
      (url) => url.searchParams.get("share") === "on",
      facilitator.getByText("Delen staat nu aan."),
    );
    await phone.getByRole("link", { name: "Bekijk de uitkomsten" }).waitFor();
    await visit(plain, `${t.server.url}/live/${code}`, "ended and shared, without JavaScript");
    await plain.getByRole("link", { name: "Bekijk de uitkomsten" }).click();
    await plain.getByText("Praktijkleren met de buurt").waitFor();
    // One evening's whole session in one flow: on a loaded machine that takes a while.
  }, 240_000);

  it("shows the ladder's steps as a list and counts the ten points as they are typed (point 15)", async () => {
    const { facilitator, code } = await startSession("Regiosessie kleine dingen");
    await facilitator.getByRole("button", { name: "Antwoorden openen" }).click();
    const phone = await t.newPage();
    await join(phone, code, "Chris", "Bedrijf");
    await phone.getByText("Live verbonden").waitFor();
    // The ambition ladder's explanation: five steps, not one run-on paragraph.
    const steps = phone.locator("ol.lr-help-steps > li");
    await expect.poll(() => steps.count()).toBe(5);
    expect(await steps.first().textContent()).toMatch(/^Goed en genoeg personeel/);
    await checkA11y(phone, "ladder with its steps");

    await facilitator.locator("summary", { hasText: "Samen leren als cyclus" }).click();
    await facilitator.getByRole("button", { name: /Verdeel 10 punten over de vier fasen/ }).click();
    await facilitator.getByRole("button", { name: "Antwoorden openen" }).click();
    await phone.getByText("Verdeeld: 0 van 10 punten. Nog 10 te verdelen.").waitFor();
    await phone.getByLabel(/Welke opgave is urgent/).fill("4");
    await phone.getByLabel(/Het netwerk vormen/).fill("3");
    await phone.getByText("Verdeeld: 7 van 10 punten. Nog 3 te verdelen.").waitFor();
    await phone.getByLabel(/Het samen doen/).fill("5");
    await phone.getByText("Verdeeld: 12 van 10 punten. 2 te veel.").waitFor();
    await phone.getByLabel(/Het samen doen/).fill("3");
    await phone.getByText("Verdeeld: 10 van 10 punten.", { exact: true }).waitFor();
    await checkA11y(phone, "ten points counted");
  });

  it("names the region in the actions page's title and keeps an empty note box calm (point 15)", async () => {
    const { scope, region, user } = await makeScope(t.server.db, "organiser");
    const action = await createAction(scope, { title: "Stageplaatsen wijkzorg" });
    if (!action.ok) throw new Error("action not created");
    const organiser = await t.newPage();
    await t.signIn(organiser, user.email);
    await visit(organiser, `${t.server.url}/manage/${region.slug}/actions`, "actions");
    expect(await organiser.title()).toContain(region.name);
    await visit(organiser, `${t.server.url}/manage/${region.slug}/actions/${action.value.id}`);
    const note = organiser.locator("textarea[name=note]");
    const colours = () =>
      note.evaluate((el) => {
        const plain = document.createElement("textarea");
        plain.className = el.className;
        el.parentElement!.append(plain);
        const want = getComputedStyle(plain).borderColor;
        plain.remove();
        return [getComputedStyle(el).borderColor, want];
      });
    const [shown, calm] = await colours();
    expect(shown).toBe(calm);
  });
});
