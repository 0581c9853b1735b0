import { describe, expect, it } from "vitest";
import { makeRegion, makeScope } from "../test/fixtures.ts";
import { submit, visit } from "./support/browser.ts";
import { BrowserTest } from "./support/browserTest.ts";

/**
 * The knowledge base's search pages in a real browser, with and without JavaScript: a search
 * by another inflection, a facet ticked and applied, the public search and its "all regions"
 * toggle; axe on every page (visit and submit check each one).
 */
const app = new BrowserTest();

describe("knowledge search, in a real browser", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`searches, refines by a facet and searches publicly ${javaScriptEnabled ? "with" : "without"} JavaScript`, async () => {
      const db = app.server.db;
      // Both runs share the server, and public entries are visible to every region: each run's
      // titles are its own, and counts are read as "at least".
      const place = javaScriptEnabled ? "Epe" : "Ede";
      const { region, user } = await makeScope(db, "organiser");
      const other = await makeRegion(db, { name: "Regio Achterhoek" });
      const values = (
        regionId: string,
        slug: string,
        title: string,
        more: { sectors?: string[]; visibility?: "region" | "shared" | "public" } = {},
      ) => ({
        region_id: regionId,
        slug,
        kind: "lesson" as const,
        title,
        summary: "Wat we leerden in de <b>werkplaats</b>.",
        sectors: more.sectors ?? [],
        status: "published" as const,
        visibility: more.visibility ?? "public",
        updated_at: new Date(),
      });
      await db
        .insertInto("knowledge_entries")
        .values([
          values(
            region.id,
            "eerste-bijeenkomst",
            `Een vuistregel voor de eerste bijeenkomst in ${place}`,
            {
              sectors: ["residents"],
            },
          ),
          values(
            region.id,
            "samen-met-gemeenten",
            `Vuistregels voor samenwerking met gemeenten in ${place}`,
            {
              sectors: ["government"],
            },
          ),
          values(other.id, "achterhoek-tips", `Vuistregels uit de Achterhoek voor ${place}`),
        ])
        .execute();

      const page = await app.newPage({ javaScriptEnabled });
      await app.signIn(page, user.email);
      await visit(page, `${app.server.url}/manage/${region.slug}/knowledge`);
      await page.getByLabel("Zoekwoorden").fill("vuistregels");
      await submit(
        page,
        () => page.getByRole("button", { name: "Zoeken", exact: true }).click(),
        (u) => u.searchParams.get("q") === "vuistregels",
        page.getByText(/\d+ resultaten voor "vuistregels"/),
      );
      expect(await page.locator("mark").count()).toBeGreaterThanOrEqual(3);
      await page
        .getByRole("link", { name: `Vuistregels uit de Achterhoek voor ${place}` })
        .waitFor();
      await page.getByText("Uit Regio Achterhoek").first().waitFor();

      if (!(await page.locator("details").getAttribute("open")))
        await page.getByText("Verfijnen").click();
      await page.getByLabel(/^Gemeente of andere overheid \(\d+\)$/).check();
      await submit(
        page,
        () => page.getByRole("button", { name: "Filters toepassen" }).click(),
        (u) => u.search.includes("government"),
        page.getByRole("link", { name: `Vuistregels voor samenwerking met gemeenten in ${place}` }),
      );
      expect(
        await page
          .getByRole("link", { name: `Een vuistregel voor de eerste bijeenkomst in ${place}` })
          .count(),
      ).toBe(0);

      await visit(page, `${app.server.url}/r/${region.slug}/knowledge?q=vuistregel`);
      await page.getByText('2 resultaten voor "vuistregel"').waitFor();
      await page.getByLabel("Ook openbare kennis van andere regio's tonen").check();
      await submit(
        page,
        () => page.getByRole("button", { name: "Zoeken", exact: true }).click(),
        (u) => u.searchParams.get("all") === "on",
        page.getByRole("link", { name: `Vuistregels uit de Achterhoek voor ${place}` }),
      );
    });
  }
});
