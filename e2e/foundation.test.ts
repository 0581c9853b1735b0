import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./support/app.ts";
import { checkA11y, launchBrowser, newContext, submit, visit } from "./support/browser.ts";
import { linkIn, startSmtp, type TestSmtp } from "./support/smtp.ts";

const REGION = "arnhem-nijmegen";
const REGION_NAME = "Lerende Regio Arnhem-Nijmegen";

let smtp: TestSmtp;
let app: RunningApp;
let browser: Browser;
/** Changes when the password-reset flow has run. */
let adminPassword: string;
const contexts: BrowserContext[] = [];

/** A fresh browser profile; Dutch, because that is what the app must show by default. */
async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await newContext(browser, { locale: "nl-NL", ...options });
  contexts.push(context);
  return context.newPage();
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await visit(page, `${app.url}/login`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(password);
  await submit(
    page,
    () => page.getByRole("button", { name: "Inloggen" }).click(),
    `${app.url}/`,
    page.getByRole("heading", { name: "Mijn regio's" }),
  );
}

beforeAll(async () => {
  smtp = await startSmtp();
  [app, browser] = await Promise.all([startApp({ smtpUrl: smtp.url }), launchBrowser()]);
  adminPassword = app.demo.password;
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await app?.stop();
  await smtp?.close();
});

describe("the foundation, in a real browser", () => {
  it("lets the demo admin sign in, open the region and switch language and back", async () => {
    const page = await newPage();
    await signIn(page, app.demo.email, adminPassword);

    await submit(
      page,
      () => page.getByRole("link", { name: REGION_NAME }).first().click(),
      `${app.url}/manage/${REGION}`,
      page.getByRole("heading", { level: 1, name: REGION_NAME }),
    );
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("nl");
    await page.getByRole("navigation", { name: "Regiomenu" }).waitFor();

    await submit(
      page,
      () => page.getByRole("button", { name: "Switch to English" }).click(),
      `${app.url}/manage/${REGION}`,
      page.getByRole("navigation", { name: "Region menu" }),
    );
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await page.getByRole("link", { name: "Overview" }).waitFor();
    await page.getByRole("heading", { level: 1, name: REGION_NAME }).waitFor();

    await submit(
      page,
      () => page.getByRole("button", { name: "Naar Nederlands" }).click(),
      `${app.url}/manage/${REGION}`,
      page.getByRole("navigation", { name: "Regiomenu" }),
    );
    expect(await page.getAttribute("html", "lang")).toBe("nl");
    await page.getByRole("link", { name: "Overzicht" }).waitFor();
  });

  it("can be used by keyboard: skip link first, sign-in without a mouse", async () => {
    const page = await newPage();
    await visit(page, `${app.url}/`);
    await page.keyboard.press("Tab");
    const focused = page.locator(":focus");
    expect(await focused.textContent()).toBe("Naar de inhoud");
    // A skip link that gets focus but stays off-screen helps no one who can see.
    const box = await focused.boundingBox();
    expect(box && box.x >= 0 && box.y >= 0 && box.width > 0).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main");

    await visit(page, `${app.url}/login`);
    await page.getByLabel("E-mailadres").focus();
    await page.keyboard.type(app.demo.email);
    await page.keyboard.press("Tab");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("field-password");
    await page.keyboard.type(adminPassword);
    await submit(
      page,
      () => page.keyboard.press("Enter"),
      `${app.url}/`,
      page.getByRole("heading", { name: "Mijn regio's" }),
    );
  });

  it("invites an organiser by e-mail, who creates an account and lands in the region", async () => {
    const admin = await newPage();
    await signIn(admin, app.demo.email, adminPassword);
    await visit(admin, `${app.url}/manage/${REGION}/members`);
    const invitee = `nieuw.${Date.now()}@voorbeeld.nl`;
    const form = admin.locator("form", { has: admin.locator('input[name="email"]') });
    await form.getByLabel("E-mailadres").fill(invitee);
    await form.getByLabel("Rol").selectOption("organiser");
    await submit(
      admin,
      () => form.getByRole("button", { name: "Uitnodiging versturen" }).click(),
      (url) => url.pathname === `/manage/${REGION}/members` && url.search.includes("done="),
      admin.getByRole("status"),
    );
    await admin.getByRole("rowheader", { name: invitee }).waitFor();

    const mail = await smtp.waitForMail((m) => m.to.includes(invitee));
    expect(mail.subject).toContain(REGION_NAME);
    const link = linkIn(mail);
    expect(link.startsWith(`${app.url}/invitation/`)).toBe(true);

    // The invitee's own browser: nothing of the admin's session may help.
    const page = await newPage();
    await visit(page, link);
    await page
      .getByRole("heading", { level: 1, name: `Uitnodiging voor ${REGION_NAME}` })
      .waitFor();
    await page.getByLabel("Naam").fill("Nieuwe Organisator");
    await page.getByLabel("Wachtwoord", { exact: true }).fill("een lang genoeg wachtwoord");
    await submit(
      page,
      () => page.getByRole("button", { name: "Uitnodiging accepteren" }).click(),
      `${app.url}/manage/${REGION}`,
      page.getByRole("heading", { level: 1, name: REGION_NAME }),
    );
    const nav = page.getByRole("navigation", { name: "Regiomenu" });
    await nav.getByRole("link", { name: "Organisaties" }).waitFor();
    // An organiser does not manage members.
    expect(await nav.getByRole("link", { name: "Leden en rollen" }).count()).toBe(0);

    // The link is used up.
    const again = await newPage();
    await visit(again, link);
    await again.getByRole("heading", { level: 1, name: /ongeldig|verlopen/i }).waitFor();
  });

  it("works without JavaScript: sign-in and the public region page", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await signIn(page, app.demo.email, adminPassword);
    await visit(page, `${app.url}/r/${REGION}`);
    await page.getByRole("heading", { level: 1, name: REGION_NAME }).waitFor();
  });

  it("resets a forgotten password through the link in the mail", async () => {
    const page = await newPage();
    await visit(page, `${app.url}/forgot-password`);
    await page.getByLabel("E-mailadres").fill(app.demo.email);
    await page.getByRole("button", { name: "Stuur de link" }).click();
    await page.getByRole("status").waitFor();
    await checkA11y(page, "reset requested");

    const mail = await smtp.waitForMail(
      (m) => m.to.includes(app.demo.email) && m.text.includes("/reset-password/"),
    );
    const link = linkIn(mail);
    expect(link.startsWith(`${app.url}/reset-password/`)).toBe(true);

    const fresh = "een heel nieuw wachtwoord";
    await visit(page, link);
    await page.getByLabel("Nieuw wachtwoord").fill(fresh);
    await submit(
      page,
      () => page.getByRole("button", { name: "Opslaan" }).click(),
      (url) => url.pathname === "/login" && url.searchParams.has("reset"),
      page.getByRole("status"),
    );
    adminPassword = fresh;

    await page.getByLabel("E-mailadres").fill(app.demo.email);
    await page.getByLabel("Wachtwoord", { exact: true }).fill(fresh);
    await submit(
      page,
      () => page.getByRole("button", { name: "Inloggen" }).click(),
      `${app.url}/`,
      page.getByRole("heading", { name: "Mijn regio's" }),
    );
  });
});
