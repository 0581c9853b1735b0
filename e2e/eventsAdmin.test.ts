import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { register } from "../core/events/register.ts";
import { toLocalInput } from "../core/kernel/time.ts";
import { makeScope, makeUser, TEST_PASSWORD } from "../test/fixtures.ts";
import { startTestServer, type TestServer } from "../test/server.ts";
import { launchBrowser, newContext, submit, visit } from "./support/browser.ts";

let s: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [s, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await s?.close();
});

/** A signed-in page; with JavaScript it collects console errors (hydration included). */
async function signedIn(email: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await newContext(browser, { locale: "nl-NL", ...options });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico"))
      errors.push(`${m.text()} ${m.location().url}`);
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await visit(page, `${s.url}/login`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(TEST_PASSWORD);
  await submit(
    page,
    () => page.getByRole("button", { name: "Inloggen" }).click(),
    // One region: the sign-in lands on it (the dashboard for organisers and facilitators).
    (u) => u.pathname.startsWith("/manage/"),
    page.getByRole("heading", { level: 1 }),
  );
  return { page, errors };
}

async function eventId(page: Page): Promise<string> {
  return new URL(page.url()).pathname.split("/").pop()!;
}

describe("the organiser's side of events, in a real browser", () => {
  it("plans an event, reads its registrations and runs the check-in, every page passing axe", async () => {
    const { region, user } = await makeScope(s.db, "organiser");
    const { page, errors } = await signedIn(user.email);
    const base = `${s.url}/manage/${region.slug}/events`;

    await visit(page, base, "events list");
    await page.getByRole("link", { name: "Nieuwe bijeenkomst" }).click();
    await page.getByRole("heading", { level: 1, name: "Nieuwe bijeenkomst" }).waitFor();
    const start = new Date(Date.now() + 14 * 24 * 3600 * 1000);
    await page.getByLabel("Titel", { exact: true }).fill("Kennissessie in de browser");
    await page.getByLabel("Adres").fill("Ruitenberglaan 26, Arnhem");
    await page.getByLabel("Begin").fill(toLocalInput(start));
    await page.getByLabel("Einde").fill(toLocalInput(new Date(start.getTime() + 2 * 3600_000)));
    await page.getByLabel("Maximum aantal deelnemers").fill("3");
    await submit(
      page,
      () => page.getByRole("button", { name: "Bijeenkomst aanmaken" }).click(),
      (url) => url.searchParams.get("done") === "created",
      page.getByText("De bijeenkomst is aangemaakt als concept."),
    );
    const id = await eventId(page);
    await submit(
      page,
      () => page.getByRole("button", { name: "Publiceren" }).click(),
      (url) => url.searchParams.get("done") === "published",
      page.getByText("De bijeenkomst is gepubliceerd en staat in de agenda."),
    );

    const opts = { publicUrl: s.url, language: "nl" as const };
    for (const [i, name] of [
      "Zoë de Vries",
      "Ahmed Bakker",
      "Sanne Jansen",
      "Kees Wacht",
    ].entries())
      await register(
        s.db,
        id,
        { name, email: `p${i}@example.org`, sector: i % 2 ? "mbo" : "hbo", consent: "on" },
        opts,
      );

    await visit(page, `${base}/${id}`, "event page with figures");
    expect(
      await page.getByRole("table", { name: "Aangemelden en aanwezigen per sector" }).count(),
    ).toBe(1);
    await visit(page, `${base}/${id}/registrations`, "registrations");
    expect(await page.getByText("Wachtlijst, nr. 1").count()).toBe(1);

    // Check-in with JavaScript: the list filters as you type, one tap checks someone in.
    await visit(page, `${base}/${id}/checkin`, "check-in");
    await page.getByText("0 van 3 aanwezig").waitFor();
    await page.getByLabel("Zoek een naam").fill("zoe");
    await expect.poll(() => page.getByRole("row").count()).toBe(2);
    await page.getByRole("button", { name: "Aanwezig voor Zoë de Vries" }).click();
    await page.getByText("1 van 3 aanwezig").waitFor();
    await page.getByRole("button", { name: "Toch niet voor Zoë de Vries" }).waitFor();
    expect(errors).toEqual([]);
  });

  it("lets a facilitator check people in without JavaScript", async () => {
    const { region, scope } = await makeScope(s.db, "organiser");
    const facilitator = await makeUser(s.db);
    await s.db
      .insertInto("memberships")
      .values({ user_id: facilitator.id, region_id: region.id, role: "facilitator" })
      .execute();
    const { createEvent } = await import("../core/events/createEvent.ts");
    const { setEventStatus } = await import("../core/events/setEventStatus.ts");
    const start = new Date(Date.now() + 3600_000);
    const created = await createEvent(scope, {
      title: "Netwerkavond",
      kind: "network_meeting",
      mode: "on_site",
      address: "Arnhem",
      startsAt: toLocalInput(start),
      endsAt: toLocalInput(new Date(start.getTime() + 3 * 3600_000)),
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    await setEventStatus(scope, created.value.id, "published");
    await register(
      s.db,
      created.value.id,
      { name: "Bas Binnen", email: "bas@example.org", consent: "on" },
      { publicUrl: s.url, language: "nl" },
    );
    const { page } = await signedIn(facilitator.email, { javaScriptEnabled: false });
    await visit(page, `${s.url}/manage/${region.slug}/events`, "events list as facilitator");
    await page.getByRole("link", { name: "Aanwezigheid: Netwerkavond" }).click();
    await page.getByText("0 van 1 aanwezig").waitFor();
    await page.getByLabel("Zoek een naam").fill("bas");
    await submit(
      page,
      () => page.getByRole("button", { name: "Zoeken" }).click(),
      (url) => url.searchParams.get("q") === "bas",
      page.getByText("Bas Binnen", { exact: true }),
    );
    await submit(
      page,
      () => page.getByRole("button", { name: "Aanwezig voor Bas Binnen" }).click(),
      (url) => url.hash.startsWith("#r-"),
      page.getByText("1 van 1 aanwezig"),
    );
  });
});
