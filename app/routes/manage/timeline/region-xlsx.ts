import type { Route } from "./+types/region-xlsx";
import { challengePolicy } from "../../../../core/challenges/policy.ts";
import { timelineFile } from "../../../components/dashboard/timeline.server.ts";
import { requireRegion } from "../../../lib/request.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireRegion(
    request,
    context,
    params.slug,
    challengePolicy.exportTimeline,
  );
  return timelineFile(request, context, scope, null, "xlsx");
}
