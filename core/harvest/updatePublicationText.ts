import { z } from "zod";
import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { optionalText, validate } from "../kernel/validate.ts";
import { harvestPolicy } from "./policy.ts";

const textsSchema = z.object({
  publicationTitle: optionalText(200),
  introduction: optionalText(20_000),
});

/** The publication's title and introduction. One statement on the guarded row. */
export async function updatePublicationText(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: harvestPolicy.updatePublicationText, table: "harvests", id: harvestId },
    async (tx, harvest) => {
      const v = validate(textsSchema, input);
      if (!v.ok) return v;
      await tx
        .updateTable("harvests")
        .set({
          publication_title: v.value.publicationTitle,
          introduction: v.value.introduction,
          updated_at: new Date(),
        })
        .where("id", "=", harvest.id)
        .execute();
      return ok(null);
    },
  );
}
