import { z } from "zod";
import type { Message } from "../../i18n/index.ts";
import { inRegion } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { LIMITS, optionalText, text, validate } from "../kernel/validate.ts";
import {
  COLOR_PATTERN,
  contrastWithWhite,
  detectImageType,
  formatRatio,
  MAX_LOGO_BYTES,
  MIN_CONTRAST,
} from "./look.ts";
import { regionPolicy } from "./policy.ts";

const MAX_CHALLENGES = 30;

const checkbox = () =>
  z
    .union([z.string(), z.boolean()])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true" || v === "1");

export const regionSettingsSchema = z.object({
  name: text(LIMITS.name),
  description: optionalText(),
  challenges: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line.length > 0),
    )
    .pipe(
      z
        .array(
          z
            .string()
            .max(LIMITS.shortText, { error: () => `validation.tooLong|${LIMITS.shortText}` }),
        )
        .max(MAX_CHALLENGES, { error: () => `validation.tooMany|${MAX_CHALLENGES}` }),
    ),
  primaryColor: z
    .string({ error: "validation.required" })
    .trim()
    .toLowerCase()
    .regex(COLOR_PATTERN, { error: "validation.color" }),
  retentionMonths: z.coerce
    .number({ error: "settings.retentionRange" })
    .int({ error: "settings.retentionRange" })
    .min(1, { error: "settings.retentionRange" })
    .max(120, { error: "settings.retentionRange" }),
  privacyStatement: optionalText(),
  removeLogo: checkbox(),
});

export interface LogoUpload {
  bytes: Uint8Array;
}

/**
 * Saves the region's name, description, challenges, look and privacy settings. Admins only.
 * A new logo replaces the old one; `removeLogo` without a new file removes it.
 */
export async function updateRegionSettings(
  scope: RegionScope,
  input: unknown,
  logo?: LogoUpload | null,
): Promise<Result<{ logoChanged: boolean }>> {
  return inRegion(scope, regionPolicy.updateSettings, async (tx) => {
    const parsed = validate(regionSettingsSchema, input);
    const fieldErrors: Record<string, Message> = {};
    // A too long challenge is reported at "challenges.3"; the form has one field for all of them.
    if (!parsed.ok)
      for (const [path, message] of Object.entries(parsed.fieldErrors ?? {}))
        fieldErrors[path.split(".")[0]!] ??= message;

    // Checked even when other fields fail, so that every problem shows at the first attempt.
    const color = regionSettingsSchema.shape.primaryColor.safeParse(
      (input as Record<string, unknown> | null)?.primaryColor,
    );
    if (color.success) {
      const ratio = contrastWithWhite(color.data);
      if (ratio < MIN_CONTRAST)
        fieldErrors.primaryColor = {
          key: "settings.colorContrast",
          values: { color: color.data, ratio: formatRatio(ratio), min: MIN_CONTRAST },
        };
    }

    let logoType: string | null = null;
    if (logo && logo.bytes.length > 0) {
      logoType = detectImageType(logo.bytes);
      if (logo.bytes.length > MAX_LOGO_BYTES)
        fieldErrors.logo = { key: "settings.logoTooLarge", values: { max: MAX_LOGO_BYTES / 1024 } };
      else if (!logoType) fieldErrors.logo = { key: "settings.logoType" };
    }

    if (!parsed.ok || Object.keys(fieldErrors).length > 0)
      return fail("validation.failed", fieldErrors);

    const v = parsed.value;
    const logoColumns =
      logoType && logo
        ? { logo: Buffer.from(logo.bytes), logo_mime: logoType }
        : v.removeLogo
          ? { logo: null, logo_mime: null }
          : {};
    // One statement; nothing read before it decides what it writes.
    await tx
      .updateTable("regions")
      .set({
        name: v.name,
        description: v.description,
        challenges: v.challenges.join("\n"),
        primary_color: v.primaryColor,
        retention_months: v.retentionMonths,
        privacy_statement: v.privacyStatement,
        ...logoColumns,
      })
      .where("id", "=", scope.regionId)
      .execute();
    return ok({ logoChanged: "logo" in logoColumns });
  });
}
