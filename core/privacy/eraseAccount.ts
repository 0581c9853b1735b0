import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { confirmPassword } from "../accounts/confirmPassword.ts";
import { lockRegionAdmins } from "../accounts/lastAdmin.ts";
import { forgetPeopleInChallenges } from "../challenges/forgetPeople.ts";
import { forgetDeclaredTies } from "../network/moveTies.ts";
import { forgetPeopleInCoalitions, holdCoalitionsNaming } from "../coalitions/parties.ts";
import { forgetPeopleInActions, holdActionsNaming } from "../actions/parties.ts";
import { anonymisedPerson } from "../people/anonymise.ts";
import { deleteMails } from "../mail/outbox.ts";
import type { LoginLimiter } from "../accounts/loginLimiter.ts";
import { conflict, fail, notFound, ok, type Result } from "../kernel/result.ts";
import { LIMITS, validate } from "../kernel/validate.ts";
import { addressReach, inReach } from "./reach.ts";

export const eraseAccountSchema = z.object({
  confirmEmail: z
    .string({ error: "validation.required" })
    .trim()
    .toLowerCase()
    .min(1, { error: "validation.required" })
    .max(LIMITS.email, { error: () => `validation.tooLong|${LIMITS.email}` }),
  password: z
    .string({ error: "validation.required" })
    .min(1, { error: "validation.required" })
    .max(LIMITS.shortText),
});

/**
 * Erases the signed-in account (GDPR art. 17), after the person typed their e-mail address and
 * password: the account, its sessions, memberships and reset links go; invitations and mails to
 * the address are deleted and people records with the address are anonymised, in every region once
 * the address is verified, else only in the account's own regions (see reach.ts).
 * Refused while the person is the last admin of a region (somebody must be able to run it) or
 * the last platform administrator (somebody must be able to create regions).
 */
export async function eraseAccount(
  db: Db,
  limiter: LoginLimiter,
  userId: string,
  input: unknown,
): Promise<Result<{ anonymisedPeople: number }>> {
  const parsed = validate(eraseAccountSchema, input);
  if (!parsed.ok) return parsed;
  const user = await db
    .selectFrom("users")
    .select(["id", "email", "is_platform_admin", "email_verified_at"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user) return notFound();
  if (parsed.value.confirmEmail !== user.email)
    return fail("validation.failed", { confirmEmail: { key: "account.eraseConfirmMismatch" } });
  const confirmed = await confirmPassword(db, limiter, userId, parsed.value.password, "password");
  if (!confirmed.ok) return confirmed;

  return db.transaction().execute(async (trx) => {
    const adminOf = await trx
      .selectFrom("memberships as m")
      .innerJoin("regions as r", "r.id", "m.region_id")
      .select(["r.id", "r.name"])
      .where("m.user_id", "=", userId)
      .where("m.role", "=", "admin")
      .orderBy("r.name")
      .execute();
    const onlyAdminOf: string[] = [];
    // Each region's admin rows are locked (in region order, the same for every eraser) and stay
    // locked until the account is gone: a demotion at the same moment cannot leave none.
    for (const region of adminOf) {
      const admins = await lockRegionAdmins(trx, region.id);
      if (admins.length <= 1) onlyAdminOf.push(region.name);
    }
    if (onlyAdminOf.length > 0)
      return conflict("account.eraseLastAdmin", { regions: onlyAdminOf.join(", ") });
    if (user.is_platform_admin) {
      const platformAdmins = await trx
        .selectFrom("users")
        .select("id")
        .where("is_platform_admin", "=", true)
        .forUpdate()
        .execute();
      if (platformAdmins.length <= 1) return conflict("account.eraseLastPlatformAdmin");
    }

    // Its membership condition is evaluated before the memberships go with the user row.
    const reach = addressReach(user);
    await deleteMails(trx, (eb) =>
      eb.and([eb("to_address", "=", user.email), inReach(reach, "region_id")]),
    );
    await trx
      .deleteFrom("invitations")
      .where("email", "=", user.email)
      .where(inReach(reach, "region_id"))
      .execute();
    const named = await trx
      .selectFrom("people")
      .select("id")
      .where("email", "=", user.email)
      .where(inReach(reach, "region_id"))
      .execute();
    // In the order saving an action or coalition takes its locks (see holdActionsNaming).
    await holdActionsNaming(
      trx,
      named.map((p) => p.id),
    );
    await holdCoalitionsNaming(
      trx,
      named.map((p) => p.id),
    );
    const anonymised = await trx
      .updateTable("people")
      .set(anonymisedPerson())
      .where("email", "=", user.email)
      .where(inReach(reach, "region_id"))
      .returning("id")
      .execute();
    await forgetPeopleInChallenges(
      trx,
      anonymised.map((p) => p.id),
    );
    await forgetDeclaredTies(
      trx,
      anonymised.map((p) => p.id),
    );
    await forgetPeopleInCoalitions(
      trx,
      anonymised.map((p) => p.id),
    );
    await forgetPeopleInActions(
      trx,
      anonymised.map((p) => p.id),
    );
    // Sessions, memberships and reset links go with the user row (ON DELETE CASCADE).
    await trx.deleteFrom("users").where("id", "=", userId).execute();
    return ok({ anonymisedPeople: anonymised.length });
  });
}
