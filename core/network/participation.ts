import { sql, type RawBuilder } from "kysely";
import type { DeclaredTieKind } from "../../db/schema.ts";
import type { Reader } from "../kernel/tx.ts";

/** Where two parties were together: what makes a tie. */
export const TIE_KINDS = ["event", "dialogue", "coalition", "action", "role", "declared"] as const;
export type TieKind = (typeof TIE_KINDS)[number];
export const isTieKind = (v: unknown): v is TieKind => TIE_KINDS.includes(v as TieKind);

/** One party's presence at one occasion (an event attended, a dialogue group, a coalition …). */
export interface Participation {
  occasion: string;
  kind: Exclude<TieKind, "declared">;
  at: Date;
  personId: string | null;
  organisationId: string | null;
}

export interface DeclaredTie {
  id: string;
  a: string;
  b: string;
  level: "person" | "organisation";
  kind: DeclaredTieKind;
  at: Date;
}

export interface NetworkFilter {
  /** Only what served this challenge: its linked activities and the roles in it. */
  challengeId?: string | null;
  /** Only occasions from (inclusive) … to (exclusive). */
  from?: Date | null;
  to?: Date | null;
}

/**
 * Every presence the network is made of, for one region, in one statement.
 *
 * Who is a party: a person of the region's register (not erased) and an organisation. Records
 * that name someone the register does not know (a registrant by e-mail, a coalition member) are
 * kept only at the level of their organisation, matched by name; nobody enters the network
 * without being in the register. Attendance counts (checked in), not registration. A dialogue
 * participant counts only under a name they gave (anonymous participants never appear), and as
 * a person only when exactly one person of the register has that name.
 */
export async function participationsOf(
  db: Reader,
  regionId: string,
  filter: NetworkFilter = {},
): Promise<Participation[]> {
  const servesChallenge = (column: RawBuilder<unknown>, linkColumn: string) =>
    filter.challengeId
      ? sql`AND EXISTS (SELECT 1 FROM challenge_links l WHERE l.challenge_id = ${filter.challengeId}
          AND ${sql.ref(`l.${linkColumn}`)} = ${column})`
      : sql``;
  const period = (at: RawBuilder<unknown>) => sql`
    ${filter.from ? sql`AND ${at} >= ${filter.from}` : sql``}
    ${filter.to ? sql`AND ${at} < ${filter.to}` : sql``}`;

  const eventAt = sql`e.starts_at`;
  const sessionAt = sql`s.created_at`;
  const coalitionAt = sql`c.updated_at`;
  const actionAt = sql`coalesce(a.starts_on::timestamptz, a.created_at)`;
  const roleAt = sql`ro.created_at`;

  const rows = await sql<{
    occasion: string;
    kind: Participation["kind"];
    at: Date | string;
    person_id: string | null;
    organisation_id: string | null;
  }>`
    WITH p AS (
      SELECT id, lower(email) AS email, lower(btrim(name)) AS name, organisation_id
      FROM people WHERE region_id = ${regionId} AND erased_at IS NULL
    ),
    unique_name AS (SELECT name FROM p GROUP BY name HAVING count(*) = 1),
    o AS (SELECT id, lower(btrim(name)) AS name FROM organisations WHERE region_id = ${regionId})
    SELECT 'e:' || e.id AS occasion, 'event' AS kind, ${eventAt} AS at,
      p.id AS person_id, coalesce(p.organisation_id, o.id) AS organisation_id
    FROM registrations r
    JOIN events e ON e.id = r.event_id
    LEFT JOIN p ON p.email = lower(r.email)
    LEFT JOIN o ON o.name = lower(btrim(r.organisation)) AND r.organisation <> ''
    WHERE r.region_id = ${regionId} AND r.checked_in_at IS NOT NULL AND r.status = 'confirmed'
      AND r.anonymised_at IS NULL AND (p.id IS NOT NULL OR o.id IS NOT NULL)
      ${servesChallenge(sql`e.id`, "event_id")} ${period(eventAt)}
    UNION ALL
    SELECT 'g:' || s.id || ':' || dp.group_no, 'dialogue', ${sessionAt},
      p.id, coalesce(p.organisation_id, o.id)
    FROM dialogue_participants dp
    JOIN dialogue_sessions s ON s.id = dp.session_id
    LEFT JOIN p ON p.name = lower(btrim(dp.display_name))
      AND p.name IN (SELECT name FROM unique_name)
    LEFT JOIN o ON o.name = lower(btrim(dp.organisation)) AND dp.organisation <> ''
    WHERE s.region_id = ${regionId} AND dp.group_no IS NOT NULL AND s.anonymised_at IS NULL
      AND btrim(coalesce(dp.display_name, '')) <> '' AND (p.id IS NOT NULL OR o.id IS NOT NULL)
      ${servesChallenge(sql`s.id`, "dialogue_session_id")} ${period(sessionAt)}
    UNION ALL
    SELECT 'c:' || c.id, 'coalition', ${coalitionAt}, p.id, coalesce(p.organisation_id, o.id)
    FROM coalition_members m
    JOIN coalitions c ON c.id = m.coalition_id
    LEFT JOIN p ON p.email = lower(m.email)
    LEFT JOIN o ON o.name = lower(btrim(m.organisation)) AND m.organisation <> ''
    WHERE c.region_id = ${regionId} AND m.status = 'member'
      AND (p.id IS NOT NULL OR o.id IS NOT NULL)
      ${servesChallenge(sql`c.id`, "coalition_id")} ${period(coalitionAt)}
    UNION ALL
    SELECT 'a:' || a.id, 'action', ${actionAt}, NULL, o.id
    FROM actions a
    CROSS JOIN LATERAL regexp_split_to_table(a.owner_organisation || ';' || a.partners, '\\s*[,;\\n]\\s*') AS party(name)
    JOIN o ON o.name = lower(btrim(party.name))
    WHERE a.region_id = ${regionId} AND btrim(party.name) <> ''
      ${servesChallenge(sql`a.id`, "action_id")} ${period(actionAt)}
    UNION ALL
    SELECT 'r:' || ch.id, 'role', ${roleAt}, p.id, coalesce(ro.organisation_id, p.organisation_id)
    FROM challenge_roles ro
    JOIN challenges ch ON ch.id = ro.challenge_id
    LEFT JOIN p ON p.id = ro.person_id
    WHERE ch.region_id = ${regionId} AND (p.id IS NOT NULL OR ro.organisation_id IS NOT NULL)
      ${filter.challengeId ? sql`AND ch.id = ${filter.challengeId}` : sql``} ${period(roleAt)}
  `.execute(db);

  const seen = new Set<string>();
  const out: Participation[] = [];
  for (const r of rows.rows) {
    // One person at one occasion once (registered twice, or matched by two routes).
    const key = `${r.occasion}|${r.person_id ?? ""}|${r.organisation_id ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      occasion: r.occasion,
      kind: r.kind,
      at: new Date(r.at),
      personId: r.person_id,
      organisationId: r.organisation_id,
    });
  }
  return out;
}

/** The ties people and coordinators recorded, between people and between organisations. */
export async function declaredTiesOf(
  db: Reader,
  regionId: string,
  filter: NetworkFilter = {},
): Promise<DeclaredTie[]> {
  let q = db
    .selectFrom("network_ties as t")
    .leftJoin("people as pa", "pa.id", "t.person_a")
    .leftJoin("people as pb", "pb.id", "t.person_b")
    .select([
      "t.id",
      "t.person_a",
      "t.person_b",
      "t.organisation_a",
      "t.organisation_b",
      "t.kind",
      "t.created_at",
    ])
    .where("t.region_id", "=", regionId)
    // An erased person leaves the network, their declared ties too.
    .where((eb) =>
      eb.or([
        eb("t.person_a", "is", null),
        eb.and([eb("pa.erased_at", "is", null), eb("pb.erased_at", "is", null)]),
      ]),
    );
  if (filter.to) q = q.where("t.created_at", "<", filter.to);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    a: r.person_a ?? r.organisation_a!,
    b: r.person_b ?? r.organisation_b!,
    level: r.person_a ? "person" : "organisation",
    kind: r.kind,
    at: new Date(r.created_at),
  }));
}
