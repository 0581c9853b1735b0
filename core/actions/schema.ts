import { z } from "zod";
import type { ActionStatus } from "../../db/schema.ts";
import { LIMITS, optionalText, text } from "../kernel/validate.ts";

/**
 * The region's action agenda: actions derived from the harvest's themes, each with a goal, an
 * owner organisation, partners, a period, a status and progress notes, and linked to the themes
 * and contributions it answers (those links are written by core/harvest/themes, beside the themes
 * they hang from).
 */

export const ACTION_STATUSES: readonly ActionStatus[] = [
  "idea",
  "planned",
  "running",
  "done",
  "stopped",
];

const day = z
  .string()
  .trim()
  .default("")
  .refine((v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), {
    message: "actions.dateInvalid",
  })
  .transform((v) => (v === "" ? null : v));

export const statusSchema = z.enum(ACTION_STATUSES as [ActionStatus, ...ActionStatus[]], {
  error: "validation.choice",
});

export const actionSchema = z
  .object({
    title: text(LIMITS.name),
    goal: optionalText(5000),
    ownerOrganisation: optionalText(200),
    partners: optionalText(2000),
    /** One more partner, picked from the region's register; joins `partners` as a line. */
    addPartner: optionalText(200),
    startsOn: day,
    endsOn: day,
    status: statusSchema.default("planned"),
  })
  .refine((v) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn, {
    message: "actions.endBeforeStart",
    path: ["endsOn"],
  })
  .refine((v) => v.partners.length + v.addPartner.length < 2000, {
    message: "validation.tooLong|2000",
    path: ["partners"],
  });

export function actionColumns(v: z.output<typeof actionSchema>) {
  return {
    title: v.title,
    goal: v.goal,
    owner_organisation: v.ownerOrganisation,
    partners: v.partners,
    starts_on: v.startsOn,
    ends_on: v.endsOn,
    status: v.status,
  };
}
