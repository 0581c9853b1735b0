import { z } from "zod";
import { PERSPECTIVES, SECTORS } from "../kernel/sectors.ts";
import { email, isId, LIMITS, optionalText, text } from "../kernel/validate.ts";
import type { Reader } from "../kernel/tx.ts";

/**
 * Development coalitions: a group of people and organisations around one or more actions, with
 * a lead and a way of working. Organisers keep the members; people who expressed interest on the
 * public agenda wait as 'interested' until an organiser accepts or declines them.
 */
export const coalitionSchema = z.object({
  title: text(LIMITS.name),
  leadName: optionalText(200),
  leadOrganisation: optionalText(200),
  wayOfWorking: optionalText(5000),
});

export function coalitionColumns(v: z.output<typeof coalitionSchema>) {
  return {
    title: v.title,
    lead_name: v.leadName,
    lead_organisation: v.leadOrganisation,
    way_of_working: v.wayOfWorking,
  };
}

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.literal("")], { error: "validation.choice" })
    .default("")
    .transform((v) => (v === "" ? null : v));

const optionalEmail = z
  .string()
  .trim()
  .default("")
  .pipe(z.union([z.literal(""), email()]))
  .transform((v) => (v === "" ? null : v));

/** What we keep of a member: as little as the coalition needs to work together. */
export const memberSchema = z.object({
  name: text(LIMITS.name),
  email: optionalEmail,
  organisation: optionalText(200),
  sector: optionalChoice(SECTORS),
  perspective: optionalChoice(PERSPECTIVES),
  note: optionalText(2000),
});

/**
 * An action of the region, held FOR SHARE until the transaction ends, so that it is not deleted
 * between this check and the link that points at it (the foreign key would fail with a 500).
 * The actions table is the actions capability's; a coalition only reads it.
 */
export async function holdAction(tx: Reader, regionId: string, actionId: unknown) {
  if (typeof actionId !== "string" || !isId(actionId)) return undefined;
  return tx
    .selectFrom("actions")
    .select("id")
    .where("id", "=", actionId)
    .where("region_id", "=", regionId)
    .forShare()
    .executeTakeFirst();
}
