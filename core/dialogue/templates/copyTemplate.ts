import { z } from "zod";
import { forbidden, notFound, type Result } from "../../kernel/result.ts";
import type { RegionScope } from "../../kernel/scope.ts";
import { validate } from "../../kernel/validate.ts";
import { findTemplate } from "../createSession.ts";
import { insertTemplate } from "./createTemplate.ts";
import { TEMPLATE_LIMITS } from "./templateEdits.ts";
import { canManageTemplates } from "./templateQueries.ts";

const copySchema = z.object({ template: z.string({ error: "errors.notFound" }) });

const cut = (s: string) => s.slice(0, TEMPLATE_LIMITS.title);

/**
 * Copies a built-in template (by key) or one of the region's own (by id) into a new template of
 * the region, titled "Kopie van …". Everything is kept, ids and the credited `sources` included.
 */
export async function copyTemplate(
  scope: RegionScope,
  input: unknown,
): Promise<Result<{ id: string }>> {
  if (!canManageTemplates(scope)) return forbidden();
  const parsed = validate(copySchema, input);
  if (!parsed.ok) return notFound();
  const source = await findTemplate(scope, parsed.value.template);
  if (!source) return notFound();
  return insertTemplate(scope, {
    ...structuredClone(source),
    title: { nl: cut(`Kopie van ${source.title.nl}`), en: cut(`Copy of ${source.title.en}`) },
  });
}
