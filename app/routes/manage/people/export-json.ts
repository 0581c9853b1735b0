import type { Route } from "./+types/export-json";
import { exportPerson } from "../../../../core/people/exportPerson.ts";
import { refusedPage, requestT, requireRegion } from "../../../lib/request.server.ts";
import { peoplePolicy } from "../../../../core/people/policy.ts";
import { fileResponse } from "./download.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireRegion(request, context, params.slug, peoplePolicy.exportPerson);
  const result = await exportPerson(scope, params.id);
  if (!result.ok) refusedPage(context, result);
  return fileResponse({
    body: new TextEncoder().encode(JSON.stringify(result.value, null, 2) + "\n"),
    contentType: "application/json; charset=utf-8",
    fileName: `${requestT(context)("peopleExport.personFileName")}-${result.value.person.id}.json`,
  });
}
