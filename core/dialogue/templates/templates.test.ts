import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../../test/db.ts";
import { makeScope } from "../../../test/fixtures.ts";
import { createSession } from "../createSession.ts";
import { findSession } from "../queries.ts";
import { questionsOf, templateSchema, type Template } from "../template.ts";
import { copyTemplate } from "./copyTemplate.ts";
import { createTemplate } from "./createTemplate.ts";
import { deleteTemplate } from "./deleteTemplate.ts";
import { learningRegionTemplate } from "./learningRegion.ts";
import { emptyTemplate, QUESTION_KINDS, type Edited } from "./editing.ts";
import { applyEdit } from "./templateEdits.ts";
import { findRegionTemplate, listRegionTemplates, templateChoices } from "./templateQueries.ts";
import { updateTemplate } from "./updateTemplate.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

function value<T>(result: { ok: true; value: T } | { ok: false }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.value;
}

const ids = (template: Template) => questionsOf(template).map((x) => x.question.id);

/** The learning-region template as a region copy of it. */
async function copied(role: "organiser" | "admin" = "organiser") {
  const made = await makeScope(t.db, role);
  const { id } = value(await copyTemplate(made.scope, { template: "learning-region" }));
  return { ...made, id };
}

describe("copying and creating templates", () => {
  it("copies the built-in template whole, titled 'Kopie van …', with its sources and question ids", async () => {
    const { scope, id } = await copied();
    const found = await findRegionTemplate(scope, id);
    expect(found?.template.title).toEqual({
      nl: `Kopie van ${learningRegionTemplate.title.nl}`,
      en: `Copy of ${learningRegionTemplate.title.en}`,
    });
    expect(found?.template.sources).toEqual(learningRegionTemplate.sources);
    expect(found?.template.sources.join()).toMatch(/Kuijer-Siebelink/);
    expect(ids(found!.template)).toEqual(ids(learningRegionTemplate));
    const again = value(await copyTemplate(scope, { template: id })).id;
    expect((await findRegionTemplate(scope, again))?.template.title.nl).toMatch(
      /^Kopie van Kopie van /,
    );
  });

  it("lists the built-in templates first and then the region's own", async () => {
    const { scope, id } = await copied();
    const choices = await templateChoices(scope);
    expect(choices.map((c) => c.value)).toEqual(["learning-region", id]);
    expect((await listRegionTemplates(scope))[0]).toMatchObject({
      id,
      questions: ids(learningRegionTemplate).length,
    });
  });

  it("creates a new template with one theme and one open question, and wants a Dutch title", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const { id } = value(await createTemplate(scope, { titleNl: " Werkplaats ", titleEn: "" }));
    const found = await findRegionTemplate(scope, id);
    expect(found?.template.title).toEqual({ nl: "Werkplaats", en: "Werkplaats" });
    expect(found?.template.themes).toHaveLength(1);
    expect(found?.template.themes[0]!.questions).toMatchObject([{ kind: "open" }]);
    expect(await createTemplate(scope, { titleNl: "  " })).toMatchObject({
      ok: false,
      fieldErrors: { titleNl: { key: "validation.required" } },
    });
  });

  it("refuses an unknown or another region's template to copy", async () => {
    const a = await copied();
    const b = await makeScope(t.db, "organiser");
    expect(await copyTemplate(b.scope, { template: a.id })).toMatchObject({
      ok: false,
      error: { key: "errors.notFound" },
    });
    expect(await copyTemplate(b.scope, { template: "nope" })).toMatchObject({ ok: false });
    expect(await copyTemplate(b.scope, {})).toMatchObject({ ok: false });
  });
});

describe("who may manage templates", () => {
  it("lets a facilitator read and use templates, but not copy, create, edit or delete", async () => {
    const organiser = await copied();
    const facilitator = { ...organiser.scope, role: "facilitator" as const };
    expect(await findRegionTemplate(facilitator, organiser.id)).not.toBeNull();
    const forbidden = { ok: false, error: { key: "errors.forbidden" } };
    expect(await copyTemplate(facilitator, { template: "learning-region" })).toMatchObject(
      forbidden,
    );
    expect(await createTemplate(facilitator, { titleNl: "X" })).toMatchObject(forbidden);
    expect(
      await updateTemplate(facilitator, organiser.id, "details", { titleNl: "X" }),
    ).toMatchObject(forbidden);
    expect(await deleteTemplate(facilitator, organiser.id)).toMatchObject(forbidden);
    expect(
      value(await createSession(facilitator, { title: "S", template: organiser.id })),
    ).toHaveProperty("id");
  });

  it("never reaches another region's template", async () => {
    const a = await copied();
    const b = await makeScope(t.db, "admin");
    const notFound = { ok: false, error: { key: "errors.notFound" } };
    expect(await findRegionTemplate(b.scope, a.id)).toBeNull();
    expect(await updateTemplate(b.scope, a.id, "details", { titleNl: "Overgenomen" })).toEqual(
      expect.objectContaining(notFound),
    );
    expect(await deleteTemplate(b.scope, a.id)).toMatchObject(notFound);
    expect(await updateTemplate(b.scope, "not-a-uuid", "details", {})).toMatchObject(notFound);
    expect((await findRegionTemplate(a.scope, a.id))?.template.title.nl).toMatch(/^Kopie van/);
  });
});

describe("editing a template", () => {
  it("edits a question's texts, audience and help, keeping its id", async () => {
    const { scope, id } = await copied();
    const edited = value(
      await updateTemplate(scope, id, "editQuestion", {
        questionId: "ambitions-ladder",
        promptNl: "  Waar staan we?  ",
        promptEn: "",
        helpNl: "",
        helpEn: "",
        audience: "individual",
      }),
    );
    expect(edited.focus).toBe("ambitions-ladder");
    const saved = (await findRegionTemplate(scope, id))!.template;
    expect(questionsOf(saved)[0]!.question).toEqual({
      id: "ambitions-ladder",
      kind: "ladder",
      audience: "individual",
      prompt: { nl: "Waar staan we?", en: "Waar staan we?" },
    });
    expect(ids(saved)).toEqual(ids(learningRegionTemplate));
  });

  it("refuses oversize text with a message per field and keeps the saved template", async () => {
    const { scope, id } = await copied();
    const before = await findRegionTemplate(scope, id);
    const result = await updateTemplate(scope, id, "editQuestion", {
      questionId: "ambitions-ladder",
      promptNl: "x".repeat(2001),
      promptEn: "ok",
      helpNl: "y".repeat(4001),
      audience: "group",
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        promptNl: { key: "validation.tooLong", values: { max: 2000 } },
        helpNl: { key: "validation.tooLong", values: { max: 4000 } },
      },
    });
    expect((await findRegionTemplate(scope, id))?.template).toEqual(before?.template);
  });

  it("refuses to remove the last question, with a message", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const { id } = value(await createTemplate(scope, { titleNl: "Eén vraag" }));
    const result = await updateTemplate(scope, id, "removeQuestion", { questionId: "q-1" });
    expect(result).toMatchObject({ ok: false, error: { key: "dialogueTemplates.lastQuestion" } });
    expect(ids((await findRegionTemplate(scope, id))!.template)).toEqual(["q-1"]);
  });

  it("saves every command as a template the schema accepts, with unique ids", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const { id } = value(await createTemplate(scope, { titleNl: "Alles" }));
    const run = async (cmd: string, input: Record<string, string> = {}): Promise<Edited> =>
      value(await updateTemplate(scope, id, cmd, input));
    const theme2 = (await run("addTheme")).focus;
    const added: string[] = [];
    for (const kind of QUESTION_KINDS)
      added.push((await run("addQuestion", { themeId: theme2, kind })).focus);
    const saved = (await findRegionTemplate(scope, id))!.template;
    expect(templateSchema.safeParse(saved).success).toBe(true);
    expect(new Set(ids(saved)).size).toBe(ids(saved).length);
    expect(saved.themes[1]!.questions.map((q) => q.kind)).toEqual(["open", ...QUESTION_KINDS]);
    expect(added).not.toContain("q-1");
  });

  it("removes a question of a theme only when the theme keeps one, and a theme only when another stays", async () => {
    const template = emptyTemplate({ nl: "T", en: "T" });
    const two = value(applyEdit(template, "addTheme", {})).template;
    expect(applyEdit(two, "removeQuestion", { questionId: "q-1" })).toMatchObject({
      ok: false,
      error: { key: "dialogueTemplates.lastInTheme" },
    });
    const one = value(applyEdit(two, "removeTheme", { themeId: "theme-1" })).template;
    expect(one.themes.map((th) => th.id)).toEqual(["theme-2"]);
    expect(applyEdit(one, "removeTheme", { themeId: "theme-2" })).toMatchObject({
      ok: false,
      error: { key: "dialogueTemplates.lastTheme" },
    });
    expect(applyEdit(one, "removeQuestion", { questionId: "ghost" })).toMatchObject({
      ok: false,
      error: { key: "dialogueTemplates.questionGone" },
    });
  });

  it("moves a question up and down, across themes, never off the ends or out of an emptied theme", () => {
    let tpl = emptyTemplate({ nl: "T", en: "T" });
    tpl = value(applyEdit(tpl, "addQuestion", { themeId: "theme-1", kind: "scale" })).template;
    tpl = value(applyEdit(tpl, "addTheme", {})).template;
    // theme-1: q-1, q-2; theme-2: q-3
    expect(applyEdit(tpl, "moveUp", { questionId: "q-1" })).toMatchObject({
      ok: false,
      error: { key: "dialogueTemplates.cannotMove" },
    });
    expect(applyEdit(tpl, "moveUp", { questionId: "q-3" })).toMatchObject({
      ok: false,
      error: { key: "dialogueTemplates.lastInTheme" },
    });
    tpl = value(applyEdit(tpl, "moveDown", { questionId: "q-1" })).template;
    expect(tpl.themes[0]!.questions.map((q) => q.id)).toEqual(["q-2", "q-1"]);
    tpl = value(applyEdit(tpl, "moveDown", { questionId: "q-1" })).template;
    expect(tpl.themes.map((th) => th.questions.map((q) => q.id))).toEqual([
      ["q-2"],
      ["q-1", "q-3"],
    ]);
    tpl = value(applyEdit(tpl, "moveUp", { questionId: "q-1" })).template;
    expect(tpl.themes.map((th) => th.questions.map((q) => q.id))).toEqual([
      ["q-2", "q-1"],
      ["q-3"],
    ]);
  });

  it("reads options one per line, English falling back to Dutch, and keeps the ids of unchanged options", () => {
    let tpl = emptyTemplate({ nl: "T", en: "T" });
    tpl = value(applyEdit(tpl, "addQuestion", { themeId: "theme-1", kind: "single" })).template;
    const base = { questionId: "q-2", promptNl: "Kies", audience: "group" };
    const edited = value(
      applyEdit(tpl, "editQuestion", {
        ...base,
        optionsNl: "Nieuw\r\n\r\nMogelijkheid 1\n  Derde  ",
        optionsEn: "",
      }),
    ).template.themes[0]!.questions[1]!;
    expect(edited.kind === "single" && edited.options).toEqual([
      { id: "o-3", label: { nl: "Nieuw", en: "Nieuw" } },
      { id: "o-1", label: { nl: "Mogelijkheid 1", en: "Mogelijkheid 1" } },
      { id: "o-4", label: { nl: "Derde", en: "Derde" } },
    ]);
    const renamed = value(
      applyEdit(tpl, "editQuestion", { ...base, optionsNl: "Ja\nNee", optionsEn: "Yes\nNo" }),
    ).template.themes[0]!.questions[1]!;
    expect(renamed.kind === "single" && renamed.options).toEqual([
      { id: "o-1", label: { nl: "Ja", en: "Yes" } },
      { id: "o-2", label: { nl: "Nee", en: "No" } },
    ]);
    expect(
      applyEdit(tpl, "editQuestion", { ...base, optionsNl: "Een", optionsEn: "One\nTwo" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: {
        optionsNl: { key: "dialogueTemplates.optionsCount", values: { max: 12 } },
        optionsEn: { key: "dialogueTemplates.optionsSameCount" },
      },
    });
  });

  it("checks a scale's range and labels", () => {
    let tpl = emptyTemplate({ nl: "T", en: "T" });
    tpl = value(applyEdit(tpl, "addQuestion", { themeId: "theme-1", kind: "scale" })).template;
    const base = {
      questionId: "q-2",
      promptNl: "Hoe?",
      audience: "individual",
      scaleMin: "0",
      minLabelNl: "Laag",
      maxLabelNl: "Hoog",
      maxLabelEn: "High",
    };
    expect(applyEdit(tpl, "editQuestion", { ...base, scaleMax: "11" })).toMatchObject({
      ok: false,
      fieldErrors: { scaleMax: { key: "dialogueTemplates.scaleMaxInvalid" } },
    });
    const q = value(applyEdit(tpl, "editQuestion", { ...base, scaleMax: "10" })).template.themes[0]!
      .questions[1]!;
    expect(q).toMatchObject({
      min: 0,
      max: 10,
      minLabel: { nl: "Laag", en: "Laag" },
      maxLabel: { nl: "Hoog", en: "High" },
    });
  });

  it("edits the closing: changes a tip, drops an emptied one, adds a filled-in row", () => {
    const tpl = structuredClone(learningRegionTemplate);
    const input: Record<string, string> = { closingTitleNl: "Tot slot", closingTitleEn: "" };
    tpl.closing.tips.forEach((tip, i) => {
      input[`tips.${i}.titleNl`] = i === 1 ? "" : tip.title.nl;
      input[`tips.${i}.titleEn`] = i === 1 ? "" : tip.title.en;
      input[`tips.${i}.bodyNl`] = i === 1 ? "" : tip.body.nl;
      input[`tips.${i}.bodyEn`] = i === 1 ? "" : tip.body.en;
    });
    const n = tpl.closing.tips.length;
    Object.assign(input, { [`tips.${n}.titleNl`]: "Vier successen", [`tips.${n}.bodyEn`]: "" });
    const closing = value(applyEdit(tpl, "closing", input)).template.closing;
    expect(closing.title).toEqual({ nl: "Tot slot", en: "Tot slot" });
    expect(closing.tips).toHaveLength(n);
    expect(closing.tips.at(-1)).toEqual({
      title: { nl: "Vier successen", en: "Vier successen" },
      body: { nl: "", en: "" },
    });
    expect(
      applyEdit(tpl, "closing", {
        closingTitleNl: "X",
        "tips.0.titleNl": "",
        "tips.0.bodyNl": "b",
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { "tips.0.titleNl": { key: "validation.required" } },
    });
  });

  it("takes NUL characters out of what is typed", async () => {
    const { scope, id } = await copied();
    value(await updateTemplate(scope, id, "details", { titleNl: "A\u0000B", titleEn: "" }));
    expect((await findRegionTemplate(scope, id))?.template.title).toEqual({ nl: "AB", en: "AB" });
  });
});

describe("templates and sessions", () => {
  it("never changes a session started from a template, even when the template is edited or deleted", async () => {
    const { scope, id } = await copied();
    value(
      await updateTemplate(scope, id, "editQuestion", {
        questionId: "ambitions-ladder",
        promptNl: "Eerste versie",
        audience: "group",
      }),
    );
    const session = value(await createSession(scope, { title: "Sessie", template: id }));
    value(
      await updateTemplate(scope, id, "editQuestion", {
        questionId: "ambitions-ladder",
        promptNl: "Tweede versie",
        audience: "group",
      }),
    );
    const prompt = async () =>
      questionsOf((await findSession(scope, session.id))!.template)[0]!.question.prompt.nl;
    expect(await prompt()).toBe("Eerste versie");
    value(await deleteTemplate(scope, id));
    expect(await findRegionTemplate(scope, id)).toBeNull();
    expect(await prompt()).toBe("Eerste versie");
  });
});
