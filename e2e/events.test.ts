import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./support/app.ts";
import { checkA11y, launchBrowser, newContext, submit, visit } from "./support/browser.ts";
import { startSmtp, type ReceivedMail, type TestSmtp } from "./support/smtp.ts";

const REGION = "arnhem-nijmegen";
// The demo seed's first knowledge session: one place and a waitlist.
const TITLE = "Kennissessie: op weg naar een lerende regio";
const EVENT = "kennissessie-op-weg-naar-een-lerende-regio";
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

/** The link to the registrant's own page, which every mail about a registration carries. */
function registrationLink(mail: ReceivedMail): string {
  const m = /https?:\/\/\S+\/registration\/\S+/.exec(mail.text);
  if (!m) throw new Error(`no registration link in "${mail.subject}":\n${mail.text}`);
  return m[0];
}

async function fillRegistration(page: Page, name: string, email: string) {
  await page.getByLabel("Naam", { exact: true }).fill(name);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Organisatie (optioneel)").fill("Hogeschool van Arnhem en Nijmegen");
  await page.getByLabel("Sector (optioneel)").selectOption("hbo");
}

describe("events for visitors, in a real browser", () => {
  it("registers, puts the next on the waitlist, and gives the place on when someone cancels", async () => {
    const a = await newPage();
    // Hydration mismatches and script errors show up in the console.
    const consoleErrors: string[] = [];
    a.on("console", (m) => {
      // Failed loads are reported below with their address.
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource"))
        consoleErrors.push(m.text());
    });
    a.on("response", (r) => {
      if (r.status() >= 400 && !r.url().endsWith("/favicon.ico"))
        consoleErrors.push(`${r.status()} ${r.url()}`);
    });
    a.on("pageerror", (e) => consoleErrors.push(e.message));
    await visit(a, `${app.url}/r/${REGION}`);
    await submit(
      a,
      () => a.getByRole("link", { name: "Bekijk de agenda met bijeenkomsten" }).click(),
      `${app.url}/r/${REGION}/events`,
      a.getByRole("heading", { level: 1, name: "Agenda" }),
    );
    await expect(a.getByText("Nog 1 van 1 plaatsen vrij.").count()).resolves.toBe(1);
    await submit(
      a,
      () => a.getByRole("link", { name: TITLE }).click(),
      `${app.url}/r/${REGION}/events/${EVENT}`,
      a.getByRole("heading", { level: 1, name: TITLE }),
    );
    await expect(a.getByText("Deelname is gratis.").isVisible()).resolves.toBe(true);
    await fillRegistration(a, "Lotte Jansen", "lotte@example.org");
    await a.getByRole("radio", { name: "Ja" }).check();
    await a.getByLabel(/Ik ga akkoord met de privacyverklaring/).check();
    await submit(
      a,
      () => a.getByRole("button", { name: "Aanmelden" }).click(),
      (url) => url.searchParams.get("registered") === "confirmed",
      // It says which it is: a place (issue 15, point 15), not only "Gelukt!".
      a.getByRole("status").filter({ hasText: "Gelukt! Je hebt een plaats." }),
    );
    const confirmed = await smtp.waitForMail(
      (m) => m.to.includes("lotte@example.org") && m.subject.startsWith("Aanmelding bevestigd"),
    );
    expect(confirmed.subject).toContain(TITLE);
    expect(confirmed.attachments).toHaveLength(1);
    expect(confirmed.attachments[0]!.filename).toBe("uitnodiging.ics");
    expect(confirmed.attachments[0]!.content).toContain("BEGIN:VCALENDAR");
    expect(confirmed.attachments[0]!.content).toMatch(/DTSTART:\d{8}T\d{6}Z/);

    // The second visitor has no JavaScript; the event is full now, so the waitlist it is.
    const b = await newPage({ javaScriptEnabled: false });
    await visit(b, `${app.url}/r/${REGION}/events/${EVENT}`);
    await fillRegistration(b, "Ahmet Yilmaz", "ahmet@example.org");
    await submit(
      b,
      () => b.getByRole("button", { name: "Aanmelden voor de wachtlijst" }).click(),
      `${app.url}/r/${REGION}/events/${EVENT}`,
      b.getByText("Je kunt je alleen aanmelden als je akkoord gaat met de privacyverklaring."),
    );
    // What was typed is still there next to the message.
    await expect(b.getByLabel("E-mailadres").inputValue()).resolves.toBe("ahmet@example.org");
    await b.getByLabel(/Ik ga akkoord met de privacyverklaring/).check();
    await submit(
      b,
      () => b.getByRole("button", { name: "Aanmelden voor de wachtlijst" }).click(),
      (url) => url.searchParams.get("registered") === "waitlisted",
      b.getByRole("status").filter({ hasText: "Je staat op de wachtlijst." }),
    );
    const waitlisted = await smtp.waitForMail(
      (m) =>
        m.to.includes("ahmet@example.org") && m.subject.startsWith("Je staat op de wachtlijst"),
    );
    expect(waitlisted.attachments).toHaveLength(0);

    // A cancels from the link in the confirmation.
    await visit(a, registrationLink(confirmed));
    await expect(a.getByText("je hebt een plaats").count()).resolves.toBeGreaterThan(0);
    // Cancelling asks first (issue 15, point 15): one click on the mail's page does not cancel.
    await submit(
      a,
      () => a.getByRole("button", { name: "Afzeggen" }).click(),
      (url) => url.searchParams.get("confirm") === "cancel",
      a.getByRole("heading", { name: "Weet je zeker dat je wilt afzeggen?" }),
    );
    await expect(a.getByText("je hebt een plaats").count()).resolves.toBeGreaterThan(0);
    await submit(
      a,
      () => a.getByRole("button", { name: "Ja, afzeggen" }).click(),
      (url) => url.searchParams.get("cancelled") === "1",
      a.getByRole("status").filter({ hasText: "Je hebt afgezegd." }),
    );
    await smtp.waitForMail(
      (m) => m.to.includes("lotte@example.org") && m.subject.startsWith("Afgezegd"),
    );
    expect(consoleErrors.join("\n")).toBe("");

    // B is next in line: the place and a mail with the invite.
    const promoted = await smtp.waitForMail(
      (m) => m.to.includes("ahmet@example.org") && m.subject.startsWith("Er is een plaats voor je"),
    );
    expect(promoted.attachments[0]!.content).toContain("BEGIN:VCALENDAR");
    await visit(b, registrationLink(promoted));
    await expect(
      b.getByText(`Je aanmelding voor ${TITLE}: je hebt een plaats.`).count(),
    ).resolves.toBe(1);

    // The series and the privacy statement the form links to.
    await visit(b, `${app.url}/r/${REGION}/series/op-weg-naar-een-lerende-regio`);
    await visit(b, `${app.url}/r/${REGION}/privacy`);
  });

  it("answers a forged registration link with a friendly page", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    const res = await page.goto(`${app.url}/registration/00000000-0000-4000-8000-000000000000.x`);
    expect(res?.status()).toBe(404);
    await expect(page.getByText("Deze link is niet (meer) geldig.").count()).resolves.toBe(1);
    await checkA11y(page, "forged registration link");
  });
});
