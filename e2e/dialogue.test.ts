import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./support/app.ts";
import { checkA11y, launchBrowser, newContext, submit, visit } from "./support/browser.ts";
import { startSmtp, type TestSmtp } from "./support/smtp.ts";

const REGION = "arnhem-nijmegen";
let smtp: TestSmtp;
let app: RunningApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await newContext(browser, { locale: "nl-NL", ...options });
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

describe("a live dialogue session, in a real browser", () => {
  it("lets a facilitator start a session and a participant without JavaScript join and answer", async () => {
    const facilitator = await newPage();
    await visit(facilitator, `${app.url}/login`);
    await facilitator.getByLabel("E-mailadres").fill(app.demo.email);
    await facilitator.getByLabel("Wachtwoord", { exact: true }).fill(app.demo.password);
    await submit(
      facilitator,
      () => facilitator.getByRole("button", { name: "Inloggen" }).click(),
      `${app.url}/`,
      facilitator.getByRole("heading", { name: "Mijn regio's" }),
    );

    await visit(facilitator, `${app.url}/manage/${REGION}/dialogue`);
    await facilitator.getByLabel("Titel van de sessie").fill("Kennissessie lerende regio");
    await submit(
      facilitator,
      () => facilitator.getByRole("button", { name: "Sessie starten" }).click(),
      (url) => /\/dialogue\/[0-9a-f-]{36}$/.test(url.pathname),
      facilitator.getByRole("heading", { level: 1, name: "Kennissessie lerende regio" }),
    );
    const code = (await facilitator.locator("strong").first().textContent())!.replace(" ", "");
    const consoleUrl = facilitator.url();
    await submit(
      facilitator,
      () => facilitator.getByRole("button", { name: "Antwoorden openen" }).click(),
      consoleUrl,
      facilitator.getByRole("button", { name: "Antwoorden sluiten" }),
    );

    const phone = await newPage({ javaScriptEnabled: false });
    await visit(phone, `${app.url}/live?code=${code}`);
    await phone.getByRole("button", { name: "Meedoen" }).click();
    await phone.getByRole("button", { name: "Versturen" }).waitFor();
    await checkA11y(phone, "participant question");
    await phone.check("#now-2");
    await phone.check("#desired-5");
    await phone.getByRole("button", { name: "Versturen" }).click();
    await phone.getByText("Je antwoord is opgeslagen").waitFor();
    await checkA11y(phone, "answer saved");

    await visit(facilitator, consoleUrl);
    expect(await facilitator.getByRole("heading", { name: "1 antwoorden" }).count()).toBe(1);
  });
});
