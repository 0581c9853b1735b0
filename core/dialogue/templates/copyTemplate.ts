import { z } from "zod";
import { inRegion } from "../../kernel/guard.ts";
import { notFound, type Result } from "../../kernel/result.ts";
import type { RegionScope } from "../../kernel/scope.ts";
import { validate } from "../../kernel/validate.ts";
import { dialoguePolicy } from "../policy.ts";
import { insertTemplate } from "./createTemplate.ts";
import { TEMPLATE_LIMITS } from "./editing.ts";
import { findTemplate } from "./templateQueries.ts";

export const copyTemplateSchema = z.object({ template: z.string({ error: "errors.notFound" }) });

const cut = (s: string) => s.slice(0, TEMPLATE_LIMITS.title);

/**
 * Copies a built-in template (by key) or one of the region's own (by id) into a new template of
 * the region, titled "Kopie van …". Everything is kept, ids and the credited `sources` included.
 */
export function copyTemplate(scope: RegionScope, input: unknown): Promise<Result<{ id: string }>> {
  return inRegion(scope, dialoguePolicy.manageTemplates, async (tx) => {
    const parsed = validate(copyTemplateSchema, input);
    if (!parsed.ok) return notFound();
    // The source is only read: a copy is what the source was when it was read.
    const source = await findTemplate(scope, parsed.value.template, tx);
    if (!source) return notFound();
    return insertTemplate(tx, scope, {
      ...structuredClone(source),
      title: { nl: cut(`Kopie van ${source.title.nl}`), en: cut(`Copy of ${source.title.en}`) },
    });
  });
}
