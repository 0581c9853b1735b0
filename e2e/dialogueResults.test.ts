import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSessionWithAnswers } from "../test/dialogueResults.ts";
import { makeScope, TEST_PASSWORD } from "../test/fixtures.ts";
import { startTestServer, type TestServer } from "../test/server.ts";
import { launchBrowser, newContext, submit, visit } from "./support/browser.ts";

let s: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await newContext(browser, { locale: "nl-NL", ...options });
  contexts.push(context);
  const page = await context.newPage();
  return page;
}

beforeAll(async () => {
  [s, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await s?.close();
});

describe("the results of a session, in a real browser", () => {
  it("shows charts and tables that pass axe, hydrate without errors, and share by link", async () => {
    const { scope, region, user } = await makeScope(s.db, "facilitator");
    const { sessionId } = await makeSessionWithAnswers(scope);
    const page = await newPage();
    const errors: string[] = [];
    page.on("console", (m) => {
      // The browser asks for /favicon.ico by itself; the app has none.
      if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico"))
        errors.push(`${m.text()} ${m.location().url}`);
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await visit(page, `${s.url}/login`);
    await page.getByLabel("E-mailadres").fill(user.email);
    await page.getByLabel("Wachtwoord", { exact: true }).fill(TEST_PASSWORD);
    await submit(
      page,
      () => page.getByRole("button", { name: "Inloggen" }).click(),
      // One region: the sign-in lands on it (the dashboard for organisers and facilitators).
      (u) => u.pathname.startsWith("/manage/"),
      page.getByRole("heading", { level: 1 }),
    );
    const results = `${s.url}/manage/${region.slug}/dialogue/${sessionId}/results`;
    await visit(page, results);
    await expect
      .poll(() =>
        page
          .getByRole("img", { name: /Staafdiagram van de antwoorden: Werkplaats 2 keer/ })
          .count(),
      )
      .toBe(1);
    // The table is there for everyone who opens it.
    await page.getByText("Toon als tabel").first().click();
    await expect
      .poll(() => page.getByRole("table", { name: "Welke vorm?" }).isVisible())
      .toBe(true);
    expect(errors).toEqual([]);

    await submit(
      page,
      () => page.getByRole("button", { name: "Delen aanzetten" }).click(),
      (url) => url.searchParams.get("share") === "on",
      page.getByText("Delen staat nu aan."),
    );
    const link = (await page.locator(".lr-share-link a").textContent())!;
    const anyone = await newPage({ javaScriptEnabled: false });
    await visit(anyone, link, "shared results without JavaScript");
    expect(await anyone.getByRole("heading", { level: 3, name: "Welke trede?" }).count()).toBe(1);
    expect(await anyone.content()).not.toMatch(/Sanne|Ahmed/);
    expect(errors).toEqual([]);
  });
});
