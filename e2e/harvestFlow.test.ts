import { readFile } from "node:fs/promises";
import JSZip from "jszip";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { extractText } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./support/app.ts";
import { checkA11y, launchBrowser, newContext, submit, visit } from "./support/browser.ts";
import { startSmtp, type TestSmtp } from "./support/smtp.ts";

/**
 * Issue 4, point 8: from a live session with answers to a downloaded Word document and PDF,
 * all through the pages a facilitator, three phones and an organiser use.
 */

const REGION = "arnhem-nijmegen";
const SESSION = "Werksessie zorg en wijk";
const HARVEST = "Oogst zorg en wijk";
const THEME = "Stages in de zorg";
const INTRODUCTION = "Drie partners deelden wat zij bijdragen aan stages en aan de wijk.";

const Q1 = "Wat draag jij bij aan die ambitie?";
const Q2 = "Welk resultaat is voor jou het belangrijkst?";
const ANSWERS = {
  q1: [
    "Ik zoek meer stageplaatsen in de zorg voor studenten",
    "Wij begeleiden stageplaatsen in de zorg samen met het mbo",
    "Ik help bewoners met een warmtenet in de wijk",
  ],
  // Two of the three phones answer again once the facilitator has moved on.
  q2: [
    "Een warmtenet in de wijk dat bewoners zelf beheren",
    "Studenten in de zorg die goed begeleid worden op hun stageplaats",
  ],
};
const QUOTE = ANSWERS.q1[1]!;
/** The button that takes a quote out: it shows "Weghalen" and says which quote after it. */
const UNQUOTE = new RegExp(
  `^Weghalen\\s*:\\s*${QUOTE.slice(0, 80).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`,
);

let smtp: TestSmtp;
let app: RunningApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(): Promise<Page> {
  const context = await newContext(browser, { locale: "nl-NL" });
  contexts.push(context);
  return context.newPage();
}

beforeAll(async () => {
  smtp = await startSmtp();
  [app, browser] = await Promise.all([startApp({ smtpUrl: smtp.url }), launchBrowser()]);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await app?.stop();
  await smtp?.close();
});

/** The text of a Word document's body, its tags stripped. */
async function docxText(body: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file("word/document.xml")!.async("string");
  const text = xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
  return text.replace(/[ \t]+/g, " ");
}

async function pdfText(body: Buffer): Promise<string> {
  const { text } = await extractText(new Uint8Array(body), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

/** Clicks a download link as a user does and returns the file the browser saved. */
async function download(page: Page, name: string): Promise<{ fileName: string; body: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name, exact: true }).click(),
  ]);
  const path = await file.path();
  return { fileName: file.suggestedFilename(), body: await readFile(path) };
}

/**
 * The title, the introduction, the renamed theme and, under its "Uit de bijdragen", the chosen
 * quote in its quotation marks: the appendix lists every contribution too, but never quoted.
 */
function expectPublication(text: string) {
  expect(text).toContain(HARVEST);
  expect(text).toContain(INTRODUCTION);
  const theme = text.indexOf(THEME);
  expect(theme).toBeGreaterThan(text.indexOf(INTRODUCTION));
  const quoted = new RegExp(`Uit de bijdragen\\s*“${QUOTE}”`).exec(text);
  expect(quoted, `no quote under "Uit de bijdragen" in:\n${text}`).not.toBeNull();
  expect(quoted!.index).toBeGreaterThan(theme);
  for (const other of [...ANSWERS.q1, ...ANSWERS.q2].filter((a) => a !== QUOTE)) {
    expect(text).toContain(other);
    expect(text).not.toContain(`“${other}”`);
  }
}

async function answer(phone: Page, prompt: string, text: string) {
  await phone.getByRole("heading", { level: 1, name: prompt }).waitFor();
  await phone.getByLabel("Jouw antwoord").fill(text);
  await phone.getByRole("button", { name: "Versturen" }).click();
  await phone.getByText("Je antwoord is opgeslagen").waitFor();
}

describe("from a live session to a downloaded publication, in a real browser", () => {
  it("gathers the answers, groups them into themes, quotes one, and puts both in the DOCX and the PDF", async () => {
    const organiser = await newPage();
    const errors: string[] = [];
    organiser.on("console", (m) => {
      if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico"))
        errors.push(`${m.text()} ${m.location().url}`);
    });
    organiser.on("pageerror", (e) => errors.push(e.message));

    // The demo organiser signs in and starts a session.
    await visit(organiser, `${app.url}/login`);
    await organiser.getByLabel("E-mailadres").fill(app.demo.email);
    await organiser.getByLabel("Wachtwoord", { exact: true }).fill(app.demo.password);
    await submit(
      organiser,
      () => organiser.getByRole("button", { name: "Inloggen" }).click(),
      `${app.url}/`,
      organiser.getByRole("heading", { name: "Mijn regio's" }),
    );
    await visit(organiser, `${app.url}/manage/${REGION}/dialogue`);
    await organiser.getByLabel("Titel van de sessie").fill(SESSION);
    await submit(
      organiser,
      () => organiser.getByRole("button", { name: "Sessie starten" }).click(),
      (url) => /\/dialogue\/[0-9a-f-]{36}$/.test(url.pathname),
      organiser.getByRole("heading", { level: 1, name: SESSION }),
    );
    const code = (await organiser.locator(".lr-join__code strong").textContent())!.replace(" ", "");
    await organiser.getByText("Live verbonden").waitFor();

    // Three phones join.
    const phones: Page[] = [];
    for (const name of ["Anouk", "Bram", "Chris"]) {
      const phone = await newPage();
      await visit(phone, `${app.url}/live/${code}`, `participant join (${name})`);
      await phone.getByLabel("Naam (optioneel)").fill(name);
      await phone.getByRole("button", { name: "Meedoen" }).click();
      await phone.getByText("Live verbonden").waitFor();
      await phone.getByText("Even wachten op de volgende vraag").waitFor();
      phones.push(phone);
    }
    await checkA11y(phones[0]!, "participant waiting");
    await organiser.getByRole("heading", { name: "3 verbonden, 3 aangemeld" }).waitFor();

    // An open question, reached through the list of all questions; every phone answers.
    await organiser.getByRole("button", { name: `Ga naar: ${Q1}` }).click();
    await organiser.getByRole("heading", { level: 2, name: Q1 }).waitFor();
    await organiser.getByRole("button", { name: "Antwoorden openen" }).click();
    await organiser.getByRole("button", { name: "Antwoorden sluiten" }).waitFor();
    for (const [i, phone] of phones.entries()) await answer(phone, Q1, ANSWERS.q1[i]!);
    await checkA11y(phones[1]!, "participant answered");
    await organiser.getByRole("heading", { name: "3 antwoorden" }).waitFor();
    await organiser.getByText(ANSWERS.q1[2]!).first().waitFor();
    await checkA11y(organiser, "console with open answers");

    // The next open question: the question changes on the phones without a reload.
    await organiser.getByRole("button", { name: `Ga naar: ${Q2}` }).click();
    await organiser.getByRole("heading", { level: 2, name: Q2 }).waitFor();
    await organiser.getByRole("button", { name: "Antwoorden openen" }).click();
    await organiser.getByRole("button", { name: "Antwoorden sluiten" }).waitFor();
    await answer(phones[2]!, Q2, ANSWERS.q2[0]!);
    await answer(phones[0]!, Q2, ANSWERS.q2[1]!);
    await organiser.getByRole("heading", { name: "2 antwoorden" }).waitFor();

    await organiser.getByRole("button", { name: "Sessie beëindigen" }).click();
    await organiser.getByRole("button", { name: "Ja, sessie beëindigen" }).click();
    await organiser.getByText(/^De sessie is beëindigd\./).waitFor();
    for (const phone of phones) await phone.getByText("De sessie is afgelopen").waitFor();
    await checkA11y(phones[0]!, "participant after the end");
    await checkA11y(organiser, "console after the end");

    // A harvest with the session as its source.
    await visit(organiser, `${app.url}/manage/${REGION}/harvest`);
    await organiser.getByLabel("Titel", { exact: true }).fill(HARVEST);
    await submit(
      organiser,
      () => organiser.getByRole("button", { name: "Oogst aanmaken" }).click(),
      /\/harvest\/[0-9a-f-]{36}\?created=1/,
      organiser.getByText("De oogst is aangemaakt."),
    );
    const overview = organiser.url().split("?")[0]!;
    const sessionChoice = organiser.getByLabel("Dialoogsessie");
    const option = sessionChoice.locator("option", { hasText: SESSION });
    await sessionChoice.selectOption((await option.getAttribute("value"))!);
    await submit(
      organiser,
      () => organiser.getByRole("button", { name: "Sessie toevoegen" }).click(),
      /sourceAdded=1/,
      organiser.getByText("De bron is toegevoegd."),
    );
    await organiser.getByRole("rowheader", { name: SESSION }).waitFor();
    await submit(
      organiser,
      () => organiser.getByRole("button", { name: "Bijdragen ophalen" }).click(),
      /gathered=1/,
      organiser.getByText("Opgehaald uit 1 sessie: 5 nieuw, 0 bijgewerkt."),
    );

    await submit(
      organiser,
      () => organiser.getByRole("link", { name: "Alle bijdragen bekijken en bewerken" }).click(),
      /\/contributions$/,
      organiser.getByText(QUOTE).first(),
    );
    for (const text of [...ANSWERS.q1, ...ANSWERS.q2])
      expect(await organiser.getByText(text, { exact: true }).count()).toBeGreaterThan(0);

    // Themes: the platform proposes, the organiser accepts one and names it.
    await visit(organiser, `${overview}/themes`);
    await organiser.getByText("5 bijdragen; thema's: 0, zonder thema: 5.").waitFor();
    await submit(
      organiser,
      () => organiser.getByRole("button", { name: "Thema's voorstellen" }).click(),
      /done=proposed/,
      organiser.getByText("Thema's voorgesteld."),
    );
    const themeOf = (text: string) =>
      organiser
        .locator("section[id^='theme-']")
        .filter({ has: organiser.getByRole("rowheader", { name: text, exact: true }) });
    const stages = themeOf(ANSWERS.q1[0]!);
    // The stage answers form one theme, the heat network ones another.
    for (const text of [ANSWERS.q1[1]!, ANSWERS.q2[1]!])
      await stages.getByRole("rowheader", { name: text, exact: true }).waitFor();
    expect(await stages.getByRole("rowheader", { name: ANSWERS.q1[2]! }).count()).toBe(0);
    await themeOf(ANSWERS.q2[0]!).getByRole("rowheader", { name: ANSWERS.q1[2]! }).waitFor();

    await submit(
      organiser,
      () => stages.getByRole("button", { name: /^Accepteren/ }).click(),
      /done=accepted/,
      organiser.getByText("Het thema is vastgesteld."),
    );
    await stages.getByLabel(/^Nieuwe naam voor/).fill(THEME);
    await submit(
      organiser,
      () => stages.getByRole("button", { name: /^Naam wijzigen/ }).click(),
      /done=renamed/,
      organiser.getByRole("heading", { level: 2, name: THEME }),
    );
    expect(await stages.getByText("Vastgesteld").count()).toBeGreaterThan(0);

    // The publication: an introduction and a quote chosen behind the theme.
    await submit(
      organiser,
      () => organiser.getByRole("link", { name: "Terug naar de oogst" }).click(),
      overview,
      organiser.getByRole("heading", { level: 1, name: HARVEST }),
    );
    await submit(
      organiser,
      () => organiser.getByRole("link", { name: "Publicatie", exact: true }).click(),
      /\/publication$/,
      organiser.getByRole("heading", { level: 1, name: `Publicatie: ${HARVEST}` }),
    );
    await organiser.getByRole("textbox", { name: "Inleiding", exact: true }).fill(INTRODUCTION);
    await submit(
      organiser,
      () => organiser.getByRole("button", { name: "Tekst opslaan" }).click(),
      /done=saved/,
      organiser.getByText("Opgeslagen."),
    );
    const themeEdit = organiser
      .locator("section.lr-pub-edit")
      .filter({ has: organiser.getByRole("heading", { level: 3, name: THEME }) });
    await submit(
      organiser,
      () => themeEdit.getByRole("link", { name: "Bijdragen hierachter (3)" }).click(),
      /\/publication\/themes\/[0-9a-f-]{36}$/,
      organiser.getByRole("heading", { level: 1, name: `Bijdragen achter ${THEME}` }),
    );
    await submit(
      organiser,
      () => organiser.getByRole("button", { name: `Citaat toevoegen: ${QUOTE}` }).click(),
      /\?quoted/,
      organiser.getByRole("button", { name: UNQUOTE }),
    );
    await submit(
      organiser,
      () => organiser.getByRole("link", { name: `Publicatie: ${HARVEST}` }).click(),
      /\/publication#theme-/,
      themeEdit.getByRole("button", { name: UNQUOTE }),
    );
    await themeEdit.locator("blockquote", { hasText: QUOTE }).waitFor();

    // The downloads, as the browser saves them.
    const docx = await download(organiser, "Word-document (Nederlands)");
    expect(docx.fileName).toMatch(/\.docx$/);
    expectPublication(await docxText(docx.body));

    const pdf = await download(organiser, "PDF (Nederlands)");
    expect(pdf.fileName).toMatch(/\.pdf$/);
    expect(pdf.body.subarray(0, 5).toString()).toBe("%PDF-");
    expectPublication(await pdfText(pdf.body));

    expect(errors).toEqual([]);
  });
});
