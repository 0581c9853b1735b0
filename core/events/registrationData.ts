import type { Db } from "../../db/client.ts";
import { isId } from "../kernel/validate.ts";
import { registrationFromToken } from "./register.ts";

/**
 * Everything stored about one registration, for the person it belongs to: what they gave, what
 * we added (status, check-in) and when. Reached only through the signed link in their mail.
 */
export async function registrationData(db: Db, token: string) {
  const id = await registrationFromToken(db, token);
  if (!id || !isId(id)) return null;
  const row = await db
    .selectFrom("registrations as g")
    .innerJoin("events as e", "e.id", "g.event_id")
    .select([
      "e.title as event",
      "e.starts_at as event_starts_at",
      "g.name",
      "g.email",
      "g.organisation",
      "g.sector",
      "g.role",
      "g.answers",
      "g.diet",
      "g.accessibility",
      "g.language",
      "g.status",
      "g.consent_at",
      "g.created_at",
      "g.updated_at",
      "g.cancelled_at",
      "g.promoted_at",
      "g.checked_in_at",
    ])
    .where("g.id", "=", id)
    .where("g.anonymised_at", "is", null)
    .executeTakeFirst();
  return row ?? null;
}
