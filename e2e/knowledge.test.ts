import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCommunityMember, createCommunity } from "../core/knowledge/communities.ts";
import { makeScope, TEST_PASSWORD } from "../test/fixtures.ts";
import { startTestServer, type TestServer } from "../test/server.ts";
import { launchBrowser, newContext, submit, visit } from "./support/browser.ts";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(page: Page, email: string) {
  await visit(page, `${server.url}/login`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL((u) => u.pathname !== "/login");
}

describe("the knowledge base across regions, in a real browser", () => {
  it("region A shares a lesson with a learning community; B finds it by another word form, adopts it and records the result; the public cannot see it", async () => {
    const a = await makeScope(server.db, "organiser");
    const b = await makeScope(server.db, "organiser");
    const community = await createCommunity(a.scope, { name: "Landelijk netwerk mbo en hbo" });
    if (!community.ok) throw new Error(JSON.stringify(community));
    const joined = await addCommunityMember(a.scope, community.value.id, {
      regionSlug: b.region.slug,
    });
    if (!joined.ok) throw new Error(JSON.stringify(joined));
    const title = "Leerwerkplaatsen in de wijk houden studenten vast";

    // A writes the lesson, publishes it and shares it with the community.
    const pageA = await (await newContext(browser, { locale: "nl-NL" })).newPage();
    await signIn(pageA, a.user.email);
    await visit(pageA, `${server.url}/manage/${a.region.slug}/knowledge/new`);
    await pageA.getByLabel("Titel", { exact: true }).fill(title);
    await pageA
      .getByLabel("Samenvatting", { exact: true })
      .fill("Studenten die in leerwerkplaatsen in de wijk werken, blijven vaker in de zorg.");
    await pageA
      .getByLabel("Tekst", { exact: true })
      .fill("## Wat werkte\n\nVaste **begeleiders** uit de praktijk en het onderwijs samen.");
    await pageA.getByRole("checkbox", { name: "Netwerkvorming" }).check();
    await submit(
      pageA,
      () => pageA.getByRole("button", { name: "Vastleggen als concept" }).click(),
      /\/knowledge\/[0-9a-f-]{36}\?done=created/,
      pageA.getByRole("heading", { level: 1, name: title }),
    );
    const entryPath = new URL(pageA.url()).pathname;
    const entryId = entryPath.split("/").pop()!;
    await submit(
      pageA,
      () => pageA.getByRole("button", { name: "Publiceren" }).click(),
      /done=published/,
      pageA.getByRole("button", { name: "Terug naar concept" }),
    );
    await pageA.getByLabel("Zichtbaar voor").selectOption("shared");
    await pageA.getByRole("checkbox", { name: "Landelijk netwerk mbo en hbo" }).check();
    await submit(
      pageA,
      () => pageA.getByRole("button", { name: "Delen opslaan" }).click(),
      /done=shared/,
      pageA.getByText("Gedeeld met: Landelijk netwerk mbo en hbo"),
    );

    // B searches with another form of the word ("wijken", where the title says "wijk").
    const pageB = await (await newContext(browser, { locale: "nl-NL" })).newPage();
    await signIn(pageB, b.user.email);
    await visit(pageB, `${server.url}/manage/${b.region.slug}/knowledge?q=wijken`);
    await pageB.getByRole("link", { name: title }).first().click();
    await pageB.waitForURL((u) => u.pathname.endsWith(`/knowledge/${entryId}`));
    await pageB.getByText("Je kunt haar lezen en overnemen, niet bewerken.").waitFor();
    expect(await pageB.getByRole("link", { name: "Bewerken" }).count()).toBe(0);
    await pageB.getByRole("link", { name: "Overnemen in mijn regio" }).click();
    await pageB.waitForURL((u) => u.pathname.endsWith("/adopt"));
    await pageB
      .getByLabel("Wat is geprobeerd")
      .fill("Twee leerwerkplaatsen in Arnhem-Zuid met vaste begeleiders.");
    await submit(
      pageB,
      () => pageB.getByRole("button", { name: "Overname vastleggen" }).click(),
      /done=adopted/,
      pageB.getByRole("heading", { name: "Overgenomen door" }),
    );
    await pageB.getByLabel("Resultaat", { exact: true }).selectOption("worked");
    await pageB.getByLabel("Toelichting", { exact: true }).fill("Vier studenten bleven.");
    await submit(
      pageB,
      () => pageB.getByRole("button", { name: "Resultaat bijwerken" }).click(),
      /done=result/,
      pageB.getByRole("cell", { name: "Werkte", exact: true }),
    );

    // A sees where its lesson was adopted and with what result.
    await visit(pageA, `${server.url}${entryPath}`);
    const row = pageA.getByRole("row").filter({ hasText: b.region.name });
    await row.getByRole("cell", { name: "Werkte", exact: true }).waitFor();

    // The public sees nothing of it: not the page, not the feed, not the public search.
    const slug = await server.db
      .selectFrom("knowledge_entries")
      .select("slug")
      .where("id", "=", entryId)
      .executeTakeFirstOrThrow();
    const anonymous = await (await newContext(browser, { locale: "nl-NL" })).newPage();
    const res = await anonymous.goto(`${server.url}/r/${a.region.slug}/knowledge/${slug.slug}`);
    expect(res?.status()).toBe(404);
    const feed = await (await fetch(`${server.url}/r/${a.region.slug}/knowledge.atom`)).text();
    expect(feed).not.toContain(title);
    const search = await fetch(`${server.url}/r/${a.region.slug}/knowledge?q=wijken`);
    if (search.status === 200) expect(await search.text()).not.toContain(title);
  });
});
