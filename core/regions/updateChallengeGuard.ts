import { z } from "zod";
import { translator, type Locale, type Message } from "../../i18n/index.ts";
import { inRegion } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { regionPolicy } from "./policy.ts";

/** The roles every region starts with (the migration's default): catalog keys, translated on show. */
export const DEFAULT_CHALLENGE_ROLES = [
  "initiator",
  "knowledgeBroker",
  "bridgeBuilder",
  "experientialExpert",
  "funder",
  "processLead",
] as const;

export const CHALLENGE_GUARD_LIMITS = { roles: 30, roleName: 100 } as const;

const whole = (min: number, max: number, key: "staleRange" | "phaseRange") => {
  const error = `challengePages.settings.${key}` as const;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

export const challengeGuardSchema = z.object({
  staleAfterWeeks: whole(1, 104, "staleRange"),
  phaseMaxMonths: whole(1, 60, "phaseRange"),
  roles: z
    .union([z.string(), z.array(z.string())])
    .default("")
    .transform((v) =>
      (Array.isArray(v) ? v : v.split(/\r?\n/)).map((l) => l.trim()).filter((l) => l !== ""),
    )
    .pipe(
      z
        .array(
          z.string().max(CHALLENGE_GUARD_LIMITS.roleName, {
            error: () => `challengePages.settings.roleTooLong|${CHALLENGE_GUARD_LIMITS.roleName}`,
          }),
        )
        .max(CHALLENGE_GUARD_LIMITS.roles, {
          error: () => `validation.tooMany|${CHALLENGE_GUARD_LIMITS.roles}`,
        }),
    ),
});

/**
 * A line that reads as a default role's name in the admin's language is that default role (its
 * key), so that it is shown translated in every other language too.
 */
function toRoleKey(line: string, byName: Map<string, string>): string {
  return byName.get(line.toLocaleLowerCase()) ?? line;
}

/**
 * The consolidation guard's thresholds and the region's list of roles per challenge; admins
 * only. One statement; nothing read before it decides what it writes.
 */
export async function updateChallengeGuard(
  scope: RegionScope,
  input: unknown,
  locale: Locale,
): Promise<Result<null>> {
  return inRegion(scope, regionPolicy.updateSettings, async (tx) => {
    const v = validate(challengeGuardSchema, input);
    if (!v.ok) {
      // A too long role is reported at "roles.3"; the form has one field for all of them.
      const fieldErrors: Record<string, Message> = {};
      for (const [path, message] of Object.entries(v.fieldErrors ?? {}))
        fieldErrors[path.split(".")[0]!] ??= message;
      return fail("validation.failed", fieldErrors);
    }
    const t = translator(locale);
    const byName = new Map<string, string>(
      DEFAULT_CHALLENGE_ROLES.map((key) => [t(`challenges.role.${key}`).toLocaleLowerCase(), key]),
    );
    const roles = v.value.roles.map((line) => toRoleKey(line, byName));
    if (new Set(roles.map((r) => r.toLocaleLowerCase())).size !== roles.length)
      return fail("validation.failed", { roles: { key: "challengePages.settings.duplicateRole" } });
    await tx
      .updateTable("regions")
      .set({
        stale_after_weeks: v.value.staleAfterWeeks,
        phase_max_months: v.value.phaseMaxMonths,
        challenge_roles: JSON.stringify(roles),
      })
      .where("id", "=", scope.regionId)
      .execute();
    return ok(null);
  });
}

/** What the settings form starts from: the thresholds and the list, read within the scope's region. */
export async function readChallengeGuard(scope: RegionScope) {
  const r = await scope.db
    .selectFrom("regions")
    .select(["stale_after_weeks", "phase_max_months", "challenge_roles"])
    .where("id", "=", scope.regionId)
    .executeTakeFirstOrThrow();
  return {
    staleAfterWeeks: r.stale_after_weeks,
    phaseMaxMonths: r.phase_max_months,
    roles: r.challenge_roles,
  };
}
