import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { makeSessionWithAnswers } from "../test/dialogueResults.ts";
import { makeScope, makeUser } from "../test/fixtures.ts";
import { seedRegion } from "../test/regionWalk.ts";
import { visit } from "./support/browser.ts";
import { BrowserTest } from "./support/browserTest.ts";

/**
 * Issue 15, point 8: what axe and a keyboard user found. Buttons whose accessible name does not
 * hold their visible text (voice control users say what they see), a section that named itself,
 * and a table wider than its column that could neither be scrolled by keyboard nor seen whole.
 * `visit` runs axe's WCAG rules on every page; the name check is one of axe's experimental rules,
 * run here on the pages that had it wrong.
 */

const app = new BrowserTest();

async function nameMismatches(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withRules(["label-content-name-mismatch"])
    .analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${page.url()}: ${n.html}`));
}

describe("the accessibility findings of issue 15", () => {
  it("names buttons by what they show, labels sections by their heading, and lets a wide table be scrolled by keyboard", async () => {
    const ids = await seedRegion(app.server.db, "a11y");
    const user = await makeUser(app.server.db, { name: "Coördinator" });
    await app.server.db
      .insertInto("memberships")
      .values({ user_id: user.id, region_id: ids.regionId, role: "admin" })
      .execute();
    await app.server.db
      .insertInto("coalition_members")
      .values([
        { coalition_id: ids.coalition, name: "Anna de Boer", status: "member" },
        { coalition_id: ids.coalition, name: "Bram Smit", status: "interested" },
      ])
      .execute();
    await app.server.db
      .insertInto("harvest_quotes")
      .values({ theme_id: ids.theme, contribution_id: ids.contribution })
      .execute();
    await app.server.db
      .insertInto("challenge_ratings")
      .values({ challenge_id: ids.challenge, person_id: ids.person, urgency: 4, importance: 5 })
      .execute();
    const { scope } = await makeScope(app.server.db, "admin");
    const session = await makeSessionWithAnswers({ ...scope, regionId: ids.regionId });

    const page = await app.newPage({
      locale: "nl-NL",
      viewport: { width: 1280, height: 900 },
    });
    await app.signIn(page, user.email);
    const base = `${app.server.url}/manage/${ids.slug}`;

    const mismatches: string[] = [];
    for (const path of [
      `/coalitions/${ids.coalition}`,
      `/harvest/${ids.harvest}/publication`,
      `/harvest/${ids.harvest}/publication/themes/${ids.theme}`,
      `/challenges/${ids.challenge}`,
    ]) {
      await visit(page, base + path);
      mismatches.push(...(await nameMismatches(page)));
    }
    expect(mismatches).toEqual([]);
    // Voice control: the button is found by the word it shows, and it says whom it is about.
    await visit(page, `${base}/coalitions/${ids.coalition}`);
    await page.getByRole("button", { name: /^Verwijderen\s*:\s*Anna de Boer$/ }).waitFor();
    await page.getByRole("button", { name: /^Toelaten\s*:\s*Bram Smit$/ }).waitFor();

    // A section is named by its heading, never by itself.
    await visit(page, `${base}/actions/${ids.action}`);
    const selfNamed = await page.evaluate(() =>
      [...document.querySelectorAll("[aria-labelledby]")]
        .filter((el) => el.getAttribute("aria-labelledby")!.split(/\s+/).includes(el.id))
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(selfNamed).toEqual([]);
    expect(await page.getByRole("region", { name: "Voortgang" }).count()).toBe(1);

    // The console's participant table: a named region that takes focus and scrolls by keyboard.
    await visit(page, `${base}/dialogue/${session.sessionId}`);
    const roster = page.getByRole("region", { name: "Deelnemers van deze sessie" });
    await roster.waitFor();
    const wide = await roster.evaluate((el) => el.scrollWidth > el.clientWidth);
    await roster.focus();
    expect(await roster.evaluate((el) => el === document.activeElement)).toBe(true);
    if (wide) {
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("End");
      await expect.poll(() => roster.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    }
    await page.context().close();
  }, 240_000);
});
