import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import { createAction } from "../actions/createAction.ts";
import { actionsOfParty } from "../actions/queries.ts";
import { updateAction } from "../actions/updateAction.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { occasionsOf } from "../network/participation.ts";
import { addPerson } from "../people/addPerson.ts";
import { createOrganisation } from "../people/createOrganisation.ts";
import { deleteOrganisation } from "../people/deleteOrganisation.ts";
import { erasePerson } from "../people/erasePerson.ts";
import { exportPerson } from "../people/exportPerson.ts";
import { mergePeople } from "../people/mergePeople.ts";
import { partyChoices } from "../people/parties.ts";
import { updateOrganisation } from "../people/updateOrganisation.ts";
import { addMember } from "./addMember.ts";
import { createCoalition } from "./createCoalition.ts";
import { coalitionsOfParty, getCoalition } from "./queries.ts";

/**
 * Issue 15, point 16: a coalition's lead and members, an action's lead and partners picked from
 * the region's people and organisations, with free text for outsiders; the links followed by the
 * person's and organisation's pages, a merge, an erasure, a data export and the network.
 */

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

const must = <T>(r: { ok: true; value: T } | { ok: false }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
};

async function register(scope: RegionScope) {
  const roc = must(await createOrganisation(scope, { name: "ROC Rivierenland", sector: "mbo" }));
  const city = must(
    await createOrganisation(scope, { name: "Gemeente Tiel", sector: "government" }),
  );
  const sanne = must(
    await addPerson(scope, {
      name: "Sanne de Wit",
      email: "sanne@roc.example",
      organisationId: roc.id,
      perspectives: ["education"],
    }),
  );
  // Two people share a name: only the label the form offers tells them apart.
  const jan1 = must(
    await addPerson(scope, { name: "Jan Bos", email: "jan@roc.example", organisationId: roc.id }),
  );
  const jan2 = must(
    await addPerson(scope, { name: "Jan Bos", email: "jan@tiel.example", organisationId: city.id }),
  );
  return { roc: roc.id, city: city.id, sanne: sanne.id, jan1: jan1.id, jan2: jan2.id };
}

describe("coalitions and actions name the region's people and organisations", () => {
  it("links a picked lead and member, keeps outsiders as text and tells namesakes apart", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const r = await register(scope);
    const choices = await partyChoices(scope);
    const janLabels = choices.people
      .filter((p) => p.label.startsWith("Jan Bos"))
      .map((p) => p.label);
    expect(janLabels).toEqual(
      expect.arrayContaining(["Jan Bos (ROC Rivierenland · jan@roc.example)"]),
    );

    const coalition = must(
      await createCoalition(scope, {
        title: "Stages in de zorg",
        leadName: "sanne de wit",
        leadOrganisation: "roc rivierenland",
      }),
    );
    const member = must(
      await addMember(scope, coalition.id, { name: "Jan Bos (Gemeente Tiel · jan@tiel.example)" }),
    );
    const outsider = must(
      await addMember(scope, coalition.id, {
        name: "Piet van Buiten",
        organisation: "Bakkerij Piet",
      }),
    );
    // A name two people share is not a guess: the form asks which one.
    const ambiguous = await addMember(scope, coalition.id, { name: "Jan Bos" });
    expect(ambiguous).toMatchObject({
      ok: false,
      fieldErrors: { name: { key: "coalitions.personAmbiguous" } },
    });
    // The same person twice, even without an address typed, is refused.
    const again = await addMember(scope, coalition.id, {
      name: "Jan Bos (Gemeente Tiel · jan@tiel.example)",
    });
    expect(again).toMatchObject({
      ok: false,
      fieldErrors: { name: { key: "coalitions.personTaken" } },
    });

    const row = await t.db
      .selectFrom("coalitions")
      .selectAll()
      .where("id", "=", coalition.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      lead_name: "Sanne de Wit",
      lead_person_id: r.sanne,
      lead_organisation: "ROC Rivierenland",
      lead_organisation_id: r.roc,
    });
    const found = await getCoalition(scope, coalition.id);
    const jan = found!.members.find((m) => m.id === member.id)!;
    // The register fills what the form left empty: address, organisation and its sector.
    expect(jan).toMatchObject({
      name: "Jan Bos",
      person_id: r.jan2,
      email: "jan@tiel.example",
      organisation: "Gemeente Tiel",
      sector: "government",
    });
    expect(found!.members.find((m) => m.id === outsider.id)).toMatchObject({
      name: "Piet van Buiten",
      person_id: null,
      organisation: "Bakkerij Piet",
    });

    // On the person's and the organisation's pages.
    expect(await coalitionsOfParty(scope, { personId: r.sanne })).toEqual([
      { id: coalition.id, title: "Stages in de zorg", roles: ["lead"] },
    ]);
    expect(await coalitionsOfParty(scope, { personId: r.jan2 })).toEqual([
      { id: coalition.id, title: "Stages in de zorg", roles: ["member"] },
    ]);
    expect(await coalitionsOfParty(scope, { personId: r.jan1 })).toEqual([]);
    expect(await coalitionsOfParty(scope, { organisationId: r.city })).toEqual([
      { id: coalition.id, title: "Stages in de zorg", roles: ["member"] },
    ]);

    // An action's lead and partners: the text as typed, the register's names linked.
    const action = must(
      await createAction(scope, {
        title: "Leerwerkplaats",
        ownerOrganisation: "Gemeente Tiel",
        partners: "roc rivierenland\nBakkerij Piet",
        addPartner: "Jan Bos (ROC Rivierenland · jan@roc.example)",
      }),
    );
    const a = await t.db
      .selectFrom("actions")
      .selectAll()
      .where("id", "=", action.id)
      .executeTakeFirstOrThrow();
    // The label that told the namesakes apart (with an address) is not kept in the public text.
    expect(a).toMatchObject({
      owner_organisation: "Gemeente Tiel",
      owner_organisation_id: r.city,
      partners: "ROC Rivierenland\nBakkerij Piet\nJan Bos",
    });
    expect(await actionsOfParty(scope, { organisationId: r.city })).toEqual([
      { id: action.id, title: "Leerwerkplaats", status: "planned", roles: ["owner"] },
    ]);
    expect(await actionsOfParty(scope, { organisationId: r.roc })).toEqual([
      { id: action.id, title: "Leerwerkplaats", status: "planned", roles: ["partner"] },
    ]);
    expect(await actionsOfParty(scope, { personId: r.jan1 })).toEqual([
      { id: action.id, title: "Leerwerkplaats", status: "planned", roles: ["partner"] },
    ]);
    // Saving again without the partner takes the link away.
    must(
      await updateAction(scope, action.id, {
        title: "Leerwerkplaats",
        ownerOrganisation: "Gemeente Tiel",
        partners: "ROC Rivierenland",
      }),
    );
    expect(await actionsOfParty(scope, { personId: r.jan1 })).toEqual([]);
  });

  it("the network follows the links, also after an organisation is renamed", async () => {
    const { scope, region } = await makeScope(t.db, "organiser");
    const r = await register(scope);
    const action = must(
      await createAction(scope, {
        title: "Leerwerkplaats",
        ownerOrganisation: "Gemeente Tiel",
        partners: "ROC Rivierenland",
      }),
    );
    must(
      await updateOrganisation(scope, r.city, { name: "Gemeente Tiel-Zuid", sector: "government" }),
    );
    must(await updateOrganisation(scope, r.roc, { name: "ROC Rivier", sector: "mbo" }));
    const { occasions, register: reg } = await occasionsOf(t.db, region.id);
    const occasion = occasions.find((o) => o.key === `a:${action.id}`);
    expect(occasion?.organisations.map((n) => reg.organisations[n]!.id).sort()).toEqual(
      [r.city, r.roc].sort(),
    );
    // A deleted organisation leaves its name standing on the action, without a link.
    must(await deleteOrganisation(scope, r.city, { confirmed: true }));
    const a = await t.db
      .selectFrom("actions")
      .select(["owner_organisation", "owner_organisation_id"])
      .where("id", "=", action.id)
      .executeTakeFirstOrThrow();
    expect(a).toEqual({ owner_organisation: "Gemeente Tiel", owner_organisation_id: null });
  });

  it("merging people moves their coalitions and actions; erasing takes them out; the export lists them", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const r = await register(scope);
    const coalition = must(
      await createCoalition(scope, { title: "Wijkleren", leadName: "Sanne de Wit" }),
    );
    const both = must(await createCoalition(scope, { title: "Zorgstages" }));
    must(
      await addMember(scope, coalition.id, {
        name: "Jan Bos (ROC Rivierenland · jan@roc.example)",
      }),
    );
    must(await addMember(scope, both.id, { name: "Jan Bos (ROC Rivierenland · jan@roc.example)" }));
    must(await addMember(scope, both.id, { name: "Jan Bos (Gemeente Tiel · jan@tiel.example)" }));
    const action = must(
      await createAction(scope, {
        title: "Leerwerkplaats",
        partners: "Jan Bos (Gemeente Tiel · jan@tiel.example)\nBakkerij Piet",
      }),
    );

    // jan2 is merged into jan1: one membership per coalition, the partnership follows.
    must(await mergePeople(scope, { keepId: r.jan1, removeId: r.jan2 }));
    expect(await coalitionsOfParty(scope, { personId: r.jan1 })).toEqual([
      { id: coalition.id, title: "Wijkleren", roles: ["member"] },
      { id: both.id, title: "Zorgstages", roles: ["member"] },
    ]);
    const inBoth = await t.db
      .selectFrom("coalition_members")
      .select("id")
      .where("coalition_id", "=", both.id)
      .execute();
    expect(inBoth).toHaveLength(1);
    expect(await actionsOfParty(scope, { personId: r.jan1 })).toHaveLength(1);

    const exported = must(await exportPerson(scope, r.jan1));
    expect(exported.coalitions.map((c) => [c.coalition, c.role])).toEqual([
      ["Wijkleren", "member"],
      ["Zorgstages", "member"],
    ]);
    expect(exported.actions).toEqual([
      { personId: r.jan1, action: "Leerwerkplaats", role: "partner", name: "Jan Bos" },
    ]);
    const lead = must(await exportPerson(scope, r.sanne));
    expect(lead.coalitions).toMatchObject([
      { coalition: "Wijkleren", role: "lead", name: "Sanne de Wit" },
    ]);

    // Erasing: the memberships go, the lead's name is taken off, the partner's name too.
    must(await erasePerson(scope, r.jan1, { confirmed: true }));
    must(await erasePerson(scope, r.sanne, { confirmed: true }));
    expect(await coalitionsOfParty(scope, { personId: r.jan1 })).toEqual([]);
    const members = await t.db
      .selectFrom("coalition_members")
      .select("name")
      .where("coalition_id", "in", [coalition.id, both.id])
      .execute();
    expect(members).toEqual([]);
    const c = await t.db
      .selectFrom("coalitions")
      .select(["lead_name", "lead_person_id"])
      .where("id", "=", coalition.id)
      .executeTakeFirstOrThrow();
    expect(c).toEqual({ lead_name: "", lead_person_id: null });
    const a = await t.db
      .selectFrom("actions")
      .select("partners")
      .where("id", "=", action.id)
      .executeTakeFirstOrThrow();
    expect(a.partners).toBe("Bakkerij Piet");
    expect(must(await exportPerson(scope, r.jan1))).toMatchObject({ coalitions: [], actions: [] });
  });
});
