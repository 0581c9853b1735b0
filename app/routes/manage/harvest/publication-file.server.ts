import { harvestPolicy } from "../../../../core/harvest/policy.ts";
import { buildPublicationDocx } from "../../../../core/harvest/publicationDocx.ts";
import { publicationLook, publicationModel } from "../../../../core/harvest/publication.ts";
import { buildPublicationPdf } from "../../../../core/harvest/publicationPdf.ts";
import { publicationFileName } from "../../../../core/harvest/publicationText.ts";
import { isLocale } from "../../../../i18n/index.ts";
import { notFound, requireRegion } from "../../../lib/request.server.ts";
import { fileResponse } from "../people/download.server.ts";

type Args = {
  request: Request;
  params: { slug: string; id: string };
  context: Parameters<typeof requireRegion>[1];
};

const TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
} as const;

/**
 * The publication as a Word document or PDF, in the language asked for (`?lang=en`) or the
 * harvest's own. Organisers and admins of the region only; anyone else gets 404.
 */
export async function publicationFile({ request, params, context }: Args, kind: "docx" | "pdf") {
  const { scope } = await requireRegion(request, context, params.slug, harvestPolicy.manage);
  const asked = new URL(request.url).searchParams.get("lang");
  const model = await publicationModel(scope, params.id, isLocale(asked) ? asked : "nl");
  if (!model) notFound(context);
  if (!isLocale(asked)) model.lang = model.harvest.language;
  const look = await publicationLook(scope.db, scope.regionId);
  const body =
    kind === "docx"
      ? await buildPublicationDocx(model, look)
      : await buildPublicationPdf(model, look);
  return fileResponse({
    body,
    contentType: TYPES[kind],
    fileName: publicationFileName(model, kind),
  });
}
