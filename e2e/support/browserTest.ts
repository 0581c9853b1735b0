import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { TEST_PASSWORD } from "../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../test/server.ts";
import { launchBrowser, newContext, submit, visit } from "./browser.ts";

/**
 * A test server and one browser for the tests of a file: both start before the first test, and
 * after the last they close, with every browser profile a test opened.
 */
export class BrowserTest {
  #server: TestServer | undefined;
  #browser: Browser | undefined;
  readonly #contexts: BrowserContext[] = [];

  constructor() {
    beforeAll(async () => {
      [this.#server, this.#browser] = await Promise.all([startTestServer(), launchBrowser()]);
    });
    afterAll(async () => {
      await Promise.all(this.#contexts.map((c) => c.close().catch(() => undefined)));
      await this.#browser?.close();
      await this.#server?.close();
    });
  }

  get server(): TestServer {
    if (!this.#server) throw new Error("The test server starts in beforeAll; use it in a test.");
    return this.#server;
  }

  /** A page in a fresh browser profile of its own, Dutch unless the options say otherwise. */
  async newPage(options: BrowserContextOptions = {}): Promise<Page> {
    if (!this.#browser) throw new Error("The browser starts in beforeAll; use it in a test.");
    const context = await newContext(this.#browser, { locale: "nl-NL", ...options });
    this.#contexts.push(context);
    return context.newPage();
  }

  /** Signs in through the login form with the test password, as a visitor would. */
  async signIn(page: Page, email: string): Promise<void> {
    const url = this.server.url;
    await visit(page, `${url}/login`);
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Wachtwoord", { exact: true }).fill(TEST_PASSWORD);
    await submit(
      page,
      () => page.getByRole("button", { name: "Inloggen" }).click(),
      // One region: the sign-in lands on it (the dashboard for organisers and facilitators).
      (u) => u.pathname.startsWith("/manage/"),
      page.getByRole("heading", { level: 1 }),
    );
  }
}
