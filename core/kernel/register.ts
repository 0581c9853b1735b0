import type { Reader } from "./tx.ts";

/**
 * Finding a person or organisation of a region's register by the text a form sent (a coalition's
 * lead and members, an action's lead and partners): the capabilities that link to the register
 * use it, so it lives below them all (core/people, which erases and merges people, calls those
 * capabilities and may not be called back). A person is recognised by the label the form offered:
 * their name, or, when several people of the region share it, the name with their organisation
 * or address, so that the choice is never a guess.
 */

interface PersonRow {
  id: string;
  name: string;
  email: string | null;
  organisation: string | null;
}

export const norm = (s: string) => s.trim().toLowerCase();

export function labelled(rows: PersonRow[]): { id: string; name: string; label: string }[] {
  const count = new Map<string, number>();
  for (const r of rows) count.set(norm(r.name), (count.get(norm(r.name)) ?? 0) + 1);
  return rows.map((r) => {
    if (count.get(norm(r.name)) === 1) return { id: r.id, name: r.name, label: r.name };
    // Not a comma: a list of partners is split on commas.
    const about = [r.organisation, r.email].filter(Boolean).join(" · ");
    return { id: r.id, name: r.name, label: about ? `${r.name} (${about})` : r.name };
  });
}

export function peopleQuery(db: Reader, regionId: string) {
  return db
    .selectFrom("people as p")
    .leftJoin("organisations as o", "o.id", "p.organisation_id")
    .select(["p.id", "p.name", "p.email", "o.name as organisation"])
    .where("p.region_id", "=", regionId)
    .where("p.erased_at", "is", null);
}

export type Resolved = { id: string; name: string } | null | "ambiguous";

/**
 * The person of the region a typed text names: by the label the form offered, or by a name only
 * one person has. "ambiguous" when several share the name and the text does not say which; null
 * for anyone else (an outsider, kept as text). The person is held FOR SHARE until the caller's
 * transaction ends, so it is not deleted between this read and the link that points at it.
 */
export async function resolvePerson(
  tx: Reader,
  regionId: string,
  typed: string,
): Promise<Resolved> {
  const text = norm(typed);
  if (text === "") return null;
  // The name is the text or, for a label, the part before " (".
  const names = [text, text.replace(/ \(.*\)$/, "")];
  const rows = await peopleQuery(tx, regionId)
    .where((eb) => eb(eb.fn("lower", [eb.fn("btrim", ["p.name"])]), "in", names))
    .orderBy("p.id")
    .execute();
  // Labels are made among everyone of that name, as the form made them among the whole register.
  const candidates = labelled(rows);
  const byLabel = candidates.find((c) => norm(c.label) === text);
  const byName = candidates.filter((c) => norm(c.name) === text);
  const found: Resolved = byLabel
    ? byLabel
    : byName.length === 1
      ? byName[0]!
      : byName.length > 1
        ? "ambiguous"
        : null;
  if (found === null || found === "ambiguous") return found;
  const held = await tx
    .selectFrom("people")
    .select(["id", "name"])
    .where("id", "=", found.id)
    .where("erased_at", "is", null)
    .forShare()
    .executeTakeFirst();
  return held ?? null;
}

/** The organisation of the region with this name (names are unique per region), held FOR SHARE. */
export async function resolveOrganisation(
  tx: Reader,
  regionId: string,
  typed: string,
): Promise<{ id: string; name: string } | null> {
  const text = norm(typed);
  if (text === "") return null;
  const row = await tx
    .selectFrom("organisations")
    .select(["id", "name"])
    .where("region_id", "=", regionId)
    .where((eb) => eb(eb.fn("lower", [eb.fn("btrim", ["name"])]), "=", text))
    .forShare()
    .executeTakeFirst();
  return row ?? null;
}

/** The names in a list typed as one per line or separated by commas or semicolons. */
export function splitNames(text: string): string[] {
  return text
    .split(/\s*[,;\n]\s*/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
