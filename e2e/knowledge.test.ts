import { describe, expect, it } from "vitest";
import { addCommunityMember, createCommunity } from "../core/knowledge/communities.ts";
import { makeScope } from "../test/fixtures.ts";
import { submit, visit } from "./support/browser.ts";
import { BrowserTest } from "./support/browserTest.ts";

const app = new BrowserTest();

describe("the knowledge base across regions, in a real browser", () => {
  it("region A shares a lesson with a learning community; B finds it by another word form, adopts it and records the result; the public cannot see it", async () => {
    const a = await makeScope(app.server.db, "organiser");
    const b = await makeScope(app.server.db, "organiser");
    const community = await createCommunity(a.scope, { name: "Landelijk netwerk mbo en hbo" });
    if (!community.ok) throw new Error(JSON.stringify(community));
    const joined = await addCommunityMember(a.scope, community.value.id, {
      regionSlug: b.region.slug,
    });
    if (!joined.ok) throw new Error(JSON.stringify(joined));
    const title = "Leerwerkplaatsen in de wijk houden studenten vast";

    // A writes the lesson, publishes it and shares it with the community.
    const pageA = await app.newPage({ locale: "nl-NL" });
    await app.signIn(pageA, a.user.email);
    await visit(pageA, `${app.server.url}/manage/${a.region.slug}/knowledge/new`);
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
    const pageB = await app.newPage({ locale: "nl-NL" });
    await app.signIn(pageB, b.user.email);
    await visit(pageB, `${app.server.url}/manage/${b.region.slug}/knowledge?q=wijken`);
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
    await visit(pageA, `${app.server.url}${entryPath}`);
    const row = pageA.getByRole("row").filter({ hasText: b.region.name });
    await row.getByRole("cell", { name: "Werkte", exact: true }).waitFor();

    // The public sees nothing of it: not the page, not the feed, not the public search.
    const slug = await app.server.db
      .selectFrom("knowledge_entries")
      .select("slug")
      .where("id", "=", entryId)
      .executeTakeFirstOrThrow();
    const anonymous = await app.newPage({ locale: "nl-NL" });
    const res = await anonymous.goto(`${app.server.url}/r/${a.region.slug}/knowledge/${slug.slug}`);
    expect(res?.status()).toBe(404);
    const feed = await (await fetch(`${app.server.url}/r/${a.region.slug}/knowledge.atom`)).text();
    expect(feed).not.toContain(title);
    const search = await fetch(`${app.server.url}/r/${a.region.slug}/knowledge?q=wijken`);
    if (search.status === 200) expect(await search.text()).not.toContain(title);
  });
});
