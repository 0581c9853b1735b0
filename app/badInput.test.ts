import { resolve } from "node:path";
import fc from "fast-check";
import { parse } from "node-html-parser";
import type { ServerBuild } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../test/client.ts";
import { makeScope, TEST_PASSWORD } from "../test/fixtures.ts";
import { startTestServer, type TestServer } from "../test/server.ts";

/**
 * Whatever a person types into any form of the app — empty, huge, HTML, odd Unicode, a tampered
 * id — the answer is a page, never a 500 or a stack trace, and data saved before stays saved.
 */

async function formPages(
  build: ServerBuild,
  slug: string,
  ids: Record<string, string>,
): Promise<string[]> {
  const full = (id: string | undefined): string => {
    if (!id) return "";
    const r = build.routes[id]!;
    const parent = full(r.parentId);
    return r.path ? `${parent.replace(/\/$/, "")}/${r.path}` : parent;
  };
  return [
    ...new Set(
      Object.keys(build.routes)
        .filter((id) => build.routes[id]!.module.default)
        .map((id) => full(id) || "/"),
    ),
  ]
    .filter((p) => !p.includes(":token"))
    .map((p) =>
      p
        .replace(":slug", slug)
        .replace(
          /(\w+)\/:[A-Za-z]+\??/g,
          (_m, segment: string) => `${segment}/${ids[segment] ?? ids.people}`,
        ),
    )
    .filter((p) => !p.includes(":"));
}

const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constantFrom(
    "",
    " ",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "\u0000",
    "x".repeat(20_000),
    "ë😀\u202e",
    "not-a-uuid",
    "-1",
    "1e309",
  ),
);

describe("bad input", () => {
  let s: TestServer;
  let client: TestClient;
  let pages: string[];
  let slug: string;

  beforeAll(async () => {
    s = await startTestServer();
    const { region, user } = await makeScope(s.db, "admin");
    slug = region.slug;
    const org = await s.db
      .insertInto("organisations")
      .values({ region_id: region.id, name: "Bewaarde Organisatie", sector: "mbo" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const person = await s.db
      .insertInto("people")
      .values({
        region_id: region.id,
        organisation_id: org.id,
        name: "Bewaarde Persoon",
        email: "bewaard@example.org",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const start = new Date(Date.now() + 7 * 86_400_000);
    const event = await s.db
      .insertInto("events")
      .values({
        region_id: region.id,
        slug: "bewaarde-bijeenkomst",
        kind: "workshop",
        title: "Bewaarde Bijeenkomst",
        mode: "on_site",
        address: "Arnhem",
        starts_at: start,
        ends_at: new Date(start.getTime() + 3_600_000),
        invitation_only: true,
        questions: JSON.stringify([
          { id: "q1", kind: "text", label: "Vraag", options: [], required: false },
        ]),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await s.db
      .insertInto("registrations")
      .values({
        event_id: event.id,
        region_id: region.id,
        email: "deelnemer@example.org",
        name: "Bewaarde Deelnemer",
        status: "confirmed",
        consent_at: new Date(),
      })
      .execute();
    client = new TestClient(s.url);
    await client.signIn(user.email, TEST_PASSWORD);
    const build = (await import(
      `${resolve(process.env.BUILD_DIR ?? "build")}/server/index.js`
    )) as ServerBuild;
    pages = await formPages(build, slug, {
      organisations: org.id,
      people: person.id,
      members: user.id,
      events: event.id,
    });
  });
  afterAll(async () => {
    await s.close();
  });

  it("answers every form with a page, never a 500, and keeps saved data", async () => {
    let posted = 0;
    for (const url of pages) {
      const page = await client.get(url);
      if (page.status !== 200 || !(page.headers.get("Content-Type") ?? "").includes("text/html"))
        continue;
      const forms = parse(await page.text()).querySelectorAll('form[method="post"]');
      for (const form of forms) {
        const action = form.getAttribute("action") || url;
        if (["/logout", "/language"].includes(action) || form.querySelector('input[type="file"]'))
          continue;
        // Destructive intents would remove the data whose survival this test checks.
        const names = [
          ...new Set(
            form
              .querySelectorAll("input, textarea, select")
              .map((i) => i.getAttribute("name"))
              .filter((n): n is string => !!n && n !== "_csrf" && n !== "_intent"),
          ),
        ];
        const intent =
          form.querySelector('button[name="_intent"]')?.getAttribute("value") ??
          form.querySelector('input[name="_intent"]')?.getAttribute("value");
        if (intent && /delete|erase|remove|revoke|merge/i.test(intent)) continue;
        await fc.assert(
          fc.asyncProperty(
            fc.array(nasty, { minLength: names.length, maxLength: names.length }),
            async (values) => {
              const body: Record<string, string> = {};
              names.forEach((n, i) => (body[n.replace(/\[\]$/, "")] = values[i]!));
              if (intent) body._intent = intent;
              const res = await client.post(action, body);
              posted++;
              const text = await res.text();
              expect(res.status, `POST ${action}`).toBeLessThan(500);
              expect(text).not.toMatch(/\n\s+at [^\n]+:\d+:\d+/);
              expect(text).not.toContain("<script>alert(1)</script>");
            },
          ),
          { numRuns: 8 },
        );
      }
    }
    expect(posted).toBeGreaterThan(0);
    const kept = await s.db
      .selectFrom("people")
      .select("name")
      .where("email", "=", "bewaard@example.org")
      .executeTakeFirst();
    expect(kept?.name).toBeDefined();
    expect(
      await s.db.selectFrom("regions").select("slug").where("slug", "=", slug).executeTakeFirst(),
    ).toBeDefined();
    expect(
      await s.db
        .selectFrom("registrations")
        .select(["name", "status"])
        .where("email", "=", "deelnemer@example.org")
        .executeTakeFirst(),
    ).toEqual({ name: "Bewaarde Deelnemer", status: "confirmed" });
  });
});
