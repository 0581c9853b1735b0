import type { Tx } from "../kernel/tx.ts";
import { seedShippedEntries } from "./shipped.ts";

/**
 * The demo region's knowledge base, laid out in the demo's transaction on an empty database: the
 * poster's tips, a learning community it hosts, a lesson shared with that community and a public
 * one, so a newcomer sees sharing and the public page at once.
 */
export async function seedDemoKnowledge(tx: Tx, regionId: string, userId: string): Promise<void> {
  await seedShippedEntries(tx, regionId);
  const community = await tx
    .insertInto("learning_communities")
    .values({
      host_region_id: regionId,
      slug: "landelijk-netwerk-leergemeenschappen-mbo-hbo",
      name: "Landelijk netwerk leergemeenschappen mbo-hbo",
      description:
        "Publiek-private leergemeenschappen in mbo en hbo delen praktijkthema's en komen twee keer per jaar samen.",
      created_by: userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await tx
    .insertInto("learning_community_members")
    .values({ community_id: community.id, region_id: regionId })
    .execute();
  const now = new Date();
  const [shared] = await tx
    .insertInto("knowledge_entries")
    .values([
      {
        region_id: regionId,
        slug: "plan-de-borging-al-in-fase-drie",
        kind: "lesson",
        title: "Plan de borging al in fase drie",
        summary:
          "Wie pas na de laatste evaluatie aan voortzetting denkt, is te laat: leg eigenaar, ritme en financiering vast terwijl het project nog loopt.",
        body_md:
          "## Wat we zagen\n\nDrie wijkprojecten stopten na hun laatste evaluatie, hoewel iedereen door wilde.\n\n## Wat werkte\n\n- een eigenaar per afspraak\n- een vast overleg per kwartaal\n- financiering uit de reguliere begroting",
        essentials: ["knowledge", "collaboration"],
        phases: [3, 4],
        sectors: ["government", "hbo", "social"],
        theme: "Borging",
        status: "published",
        visibility: "shared",
        created_by: userId,
        published_at: now,
      },
      {
        region_id: regionId,
        slug: "leerwerkplaatsen-in-de-wijk",
        kind: "practice",
        title: "Leerwerkplaatsen in de wijk",
        summary:
          "Studenten zorg en welzijn leren in een buurthuis, begeleid door een docent en een wijkverpleegkundige samen.",
        body_md:
          "Studenten van mbo en hbo werken een half jaar in een buurthuis. Bewoners, docenten en professionals bespreken elke maand wat ze leerden.",
        essentials: ["network", "collaboration"],
        phases: [3],
        sectors: ["mbo", "hbo", "residents"],
        ambition_levels: [3, 4],
        status: "published",
        visibility: "public",
        created_by: userId,
        published_at: now,
      },
    ])
    .returning("id")
    .execute();
  await tx
    .insertInto("knowledge_entry_shares")
    .values({ entry_id: shared!.id, community_id: community.id })
    .execute();
}
