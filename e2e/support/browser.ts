import AxeBuilder from "@axe-core/playwright";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
  type Response,
} from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Debian's Chromium, headless; never a downloaded Playwright browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}

const withoutJavaScript = new WeakSet<BrowserContext>();

/** A fresh browser profile. Actions fail after 15 s rather than at the test's time limit. */
export async function newContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(15_000);
  if (options.javaScriptEnabled === false) withoutJavaScript.add(context);
  return context;
}

/**
 * axe waits on timers, which never fire where JavaScript is off. So a page without JavaScript
 * is checked as a copy, its scripts removed, in a profile where JavaScript is on: the same
 * DOM and the same style sheets as the no-JavaScript visitor gets.
 */
async function analyze(page: Page) {
  const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
  if (!withoutJavaScript.has(page.context()))
    return new AxeBuilder({ page }).withTags(tags).analyze();
  const url = page.url();
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const copy = await page.context().browser()!.newContext({ viewport: page.viewportSize() });
  try {
    const mirror = await copy.newPage();
    // A predicate, not a glob: a "?" in the address must match itself.
    await mirror.route(
      (u) => u.href === url,
      (route) => route.fulfill({ body: html, contentType: "text/html; charset=utf-8" }),
    );
    await mirror.goto(url);
    return await new AxeBuilder({ page: mirror }).withTags(tags).analyze();
  } finally {
    await copy.close();
  }
}

/** Fails with every WCAG 2.1 A/AA violation axe finds on the page as it is now. */
export async function checkA11y(page: Page, label = page.url()): Promise<void> {
  const { violations } = await analyze(page);
  if (violations.length === 0) return;
  const lines = violations.map(
    (v) =>
      `- ${v.id} (${v.impact ?? "?"}): ${v.help}\n` +
      v.nodes
        .map(
          (n) =>
            `    ${n.target.join(" ")}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, "\n      ")}` : ""}`,
        )
        .join("\n"),
  );
  throw new Error(`Accessibility violations on ${label} (${page.url()}):\n${lines.join("\n")}`);
}

/** Opens a page and checks it: every page an end-to-end test visits is checked. */
export async function visit(page: Page, url: string, label?: string): Promise<Response | null> {
  const response = await page.goto(url);
  if (!response || response.status() >= 400)
    throw new Error(`GET ${url} answered ${response?.status() ?? "nothing"}`);
  await checkA11y(page, label ?? url);
  return response;
}

/**
 * Submits a form through `act` (a click or Enter) and checks the page it lands on, once its URL
 * matches `landsOn` and `shows` is visible: with JavaScript the app navigates without a page
 * load, so those two say that the new page is there.
 */
export async function submit(
  page: Page,
  act: () => Promise<void>,
  landsOn: string | RegExp | ((url: URL) => boolean),
  shows: Locator,
): Promise<void> {
  await act();
  await page.waitForURL(landsOn);
  await shows.waitFor();
  await checkA11y(page, `after submitting, ${page.url()}`);
}
