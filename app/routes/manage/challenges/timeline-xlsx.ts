import type { Route } from "./+types/timeline-xlsx";
import { challengePolicy } from "../../../../core/challenges/policy.ts";
import { listChallenges } from "../../../../core/challenges/queries.ts";
import { timelineFile } from "../../../components/dashboard/timeline.server.ts";
import { notFound, requireRegion } from "../../../lib/request.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireRegion(
    request,
    context,
    params.slug,
    challengePolicy.exportTimeline,
  );
  const challenge = (await listChallenges(scope)).find((c) => c.id === params.id);
  if (!challenge) notFound(context);
  return timelineFile(request, context, scope, challenge.id, "xlsx");
}
