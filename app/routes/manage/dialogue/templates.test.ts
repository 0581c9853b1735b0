import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findRegionTemplate } from "../../../../core/dialogue/templates/templateQueries.ts";
import { TEMPLATE_COMMANDS } from "../../../../core/dialogue/templates/templateEdits.ts";
import { TestClient } from "../../../../test/client.ts";
import { makeScope, makeUser, TEST_PASSWORD } from "../../../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../../../test/server.ts";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});

/** An organiser (signed in) who copied the built-in template through the list page. */
async function organiserWithCopy() {
  const made = await makeScope(s.db, "organiser");
  const client = new TestClient(s.url);
  await client.signIn(made.user.email, TEST_PASSWORD);
  const list = `/manage/${made.region.slug}/dialogue/templates`;
  await client.get(list);
  const res = await client.post(list, { _intent: "copy", template: "learning-region" });
  expect(res.status).toBe(302);
  const location = res.headers.get("Location")!;
  expect(location).toMatch(new RegExp(`^${list}/[0-9a-f-]{36}\\?copied=1$`));
  const editor = location.split("?")[0]!;
  return { ...made, client, list, editor, id: editor.split("/").pop()! };
}

const ladder = (prompt: string) => ({
  _intent: "editQuestion",
  questionId: "ambitions-ladder",
  promptNl: prompt,
  promptEn: "Where are we on the ladder?",
  helpNl: "",
  helpEn: "",
  audience: "group",
});

/** Starts a session with a template through the sessions page; returns the console's page. */
async function startSession(client: TestClient, slug: string, template: string) {
  await client.get(`/manage/${slug}/dialogue`);
  const res = await client.post(`/manage/${slug}/dialogue`, {
    title: "Werksessie",
    template,
    language: "nl",
  });
  expect(res.status).toBe(302);
  return res.headers.get("Location")!;
}

describe("dialogue templates", () => {
  it("copies the built-in template, edits a question, and a session started with the copy asks the edited question", async () => {
    const { client, region, list, editor, id } = await organiserWithCopy();
    const page = await (await client.get(`${editor}?copied=1`)).text();
    expect(page).toContain("Kopie van");
    expect(page).toContain("Vraag (Nederlands)");
    expect(page).toContain("Vraag (Engels)");
    // The sources of the built-in template are credited on the copy's page.
    expect(page).toContain("Bronnen");
    expect(page).toContain("Kuijer-Siebelink");

    const form = await (await client.get(`${editor}?question=ambitions-ladder`)).text();
    expect(form).toContain('name="promptNl"');
    expect(form).toContain('<label class="utrecht-form-label" for="field-promptEn">');

    const saved = await client.post(editor, ladder("Waar staat ons netwerk op de ladder?"));
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`${editor}?saved=1#q-ambitions-ladder`);
    expect(await (await client.get(list)).text()).toContain(id);

    const sessions = await (await client.get(`/manage/${region.slug}/dialogue`)).text();
    expect(sessions).toContain(`<option value="learning-region">`);
    expect(sessions.indexOf('value="learning-region"')).toBeLessThan(
      sessions.indexOf(`value="${id}"`),
    );
    expect(sessions).toContain(`/manage/${region.slug}/dialogue/templates`);

    const consolePath = await startSession(client, region.slug, id);
    expect(await (await client.get(consolePath)).text()).toContain(
      "Waar staat ons netwerk op de ladder?",
    );

    // Editing the template afterwards leaves the running session as it started.
    expect((await client.post(editor, ladder("Een latere versie"))).status).toBe(302);
    const console = await (await client.get(consolePath)).text();
    expect(console).toContain("Waar staat ons netwerk op de ladder?");
    expect(console).not.toContain("Een latere versie");

    // Deleting the template does not touch the session either.
    await client.get(list);
    const deleted = await client.post(list, { _intent: "delete", id });
    expect(deleted.headers.get("Location")).toBe(`${list}?deleted=1`);
    expect((await client.get(editor)).status).toBe(404);
    expect(await (await client.get(consolePath)).text()).toContain(
      "Waar staat ons netwerk op de ladder?",
    );
  });

  it("refuses to remove the last question, with a message", async () => {
    const { user, region } = await makeScope(s.db, "admin");
    const client = new TestClient(s.url);
    await client.signIn(user.email, TEST_PASSWORD);
    const list = `/manage/${region.slug}/dialogue/templates`;
    await client.get(list);
    const created = await client.post(list, { _intent: "new", titleNl: "Eigen sjabloon" });
    expect(created.status).toBe(302);
    const editor = created.headers.get("Location")!.split("?")[0]!;
    await client.get(editor);
    const res = await client.post(editor, { _intent: "removeQuestion", questionId: "q-1" });
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain("Een sjabloon heeft minstens één vraag");
    expect(body).toContain('href="#q-q-1"');
    const id = editor.split("/").pop()!;
    const scope = { db: s.db, regionId: region.id, userId: user.id, role: "admin" as const };
    expect((await findRegionTemplate(scope, id))?.template.themes[0]!.questions).toHaveLength(1);
  });

  it("refuses oversize text with a message next to the field, and shows what was typed again", async () => {
    const { client, editor, id, region, user } = await organiserWithCopy();
    const scope = { db: s.db, regionId: region.id, userId: user.id, role: "organiser" as const };
    const before = await findRegionTemplate(scope, id);
    await client.get(editor);
    const typed = `Lang${"e".repeat(2100)}`;
    const res = await client.post(editor, ladder(typed));
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain("Gebruik hoogstens 2000 tekens.");
    expect(body).toMatch(/id="field-promptNl-error"/);
    expect(body).toMatch(/aria-invalid="true"[^>]*aria-describedby="field-promptNl-error"/);
    expect(body).toContain(typed);
    expect((await findRegionTemplate(scope, id))?.template).toEqual(before?.template);
  });

  it("keeps another region's templates from its organisers: 404 on the list, the editor and every post", async () => {
    const a = await organiserWithCopy();
    const b = await makeScope(s.db, "organiser");
    const other = new TestClient(s.url);
    await other.signIn(b.user.email, TEST_PASSWORD);
    const bList = `/manage/${b.region.slug}/dialogue/templates`;
    const scopeA = {
      db: s.db,
      regionId: a.region.id,
      userId: a.user.id,
      role: "organiser" as const,
    };
    const before = await findRegionTemplate(scopeA, a.id);

    expect((await other.get(a.list)).status).toBe(404);
    expect((await other.get(a.editor)).status).toBe(404);
    expect((await other.get(`${bList}/${a.id}`)).status).toBe(404);
    await other.get(bList);
    for (const url of [a.editor, `${bList}/${a.id}`]) {
      for (const intent of [...TEMPLATE_COMMANDS, "delete"]) {
        const res = await other.post(url, {
          ...ladder("Overgenomen"),
          _intent: intent,
          themeId: "ambitions",
          kind: "open",
          titleNl: "Overgenomen",
        });
        expect.soft(res.status, `${intent} ${url}`).toBe(404);
      }
    }
    for (const intent of ["copy", "delete", "new"])
      expect.soft((await other.post(a.list, { _intent: intent })).status, intent).toBe(404);
    expect((await other.post(bList, { _intent: "copy", template: a.id })).status).toBe(404);
    expect((await other.post(bList, { _intent: "delete", id: a.id })).status).toBe(404);
    // Nor can a session in B start from A's template.
    const start = await other.post(`/manage/${b.region.slug}/dialogue`, {
      title: "Poging",
      template: a.id,
      language: "nl",
    });
    expect(start.status).toBe(400);
    expect(
      await s.db
        .selectFrom("dialogue_sessions")
        .select("id")
        .where("region_id", "=", b.region.id)
        .execute(),
    ).toHaveLength(0);
    expect(await findRegionTemplate(scopeA, a.id)).toEqual(before);
  });

  it("lets a facilitator read templates and start sessions with them, but not change them (403)", async () => {
    const a = await organiserWithCopy();
    const facilitator = await makeUser(s.db);
    await s.db
      .insertInto("memberships")
      .values({ user_id: facilitator.id, region_id: a.region.id, role: "facilitator" })
      .execute();
    const client = new TestClient(s.url);
    await client.signIn(facilitator.email, TEST_PASSWORD);
    const list = await (await client.get(a.list)).text();
    expect(list).toContain("Kopie van");
    expect(list).not.toContain('value="copy"');
    const editor = await client.get(`${a.editor}?question=ambitions-ladder`);
    expect(editor.status).toBe(200);
    const page = await editor.text();
    expect(page).toContain("Bewerken kunnen organisatoren en beheerders");
    expect(page).not.toContain('name="promptNl"');
    expect(page).not.toContain('value="editQuestion"');
    for (const intent of [...TEMPLATE_COMMANDS, "delete"])
      expect
        .soft(
          (await client.post(a.editor, { ...ladder("Niet toegestaan"), _intent: intent })).status,
          intent,
        )
        .toBe(403);
    for (const intent of ["copy", "new", "delete"])
      expect
        .soft(
          (await client.post(a.list, { _intent: intent, template: "learning-region", id: a.id }))
            .status,
          intent,
        )
        .toBe(403);
    const consolePath = await startSession(client, a.region.slug, a.id);
    expect((await client.get(consolePath)).status).toBe(200);
  });

  it("shows a built-in template read-only, with its sources and a copy button for organisers", async () => {
    const { client, list } = await organiserWithCopy();
    const page = await (await client.get(`${list}/learning-region`)).text();
    expect(page).toContain("Dit sjabloon hoort bij het platform");
    expect(page).toContain("Bergman, W.");
    expect(page).toContain(`action="${list}"`);
    expect(page).not.toContain('value="editQuestion"');
    expect((await client.post(`${list}/learning-region`, ladder("x"))).status).toBe(404);
    expect((await client.get(`${list}/unknown`)).status).toBe(404);
  });
});
