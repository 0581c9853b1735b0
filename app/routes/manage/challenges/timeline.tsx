import { data, Link } from "react-router";
import type { Route } from "./+types/timeline";
import { challengePolicy } from "../../../../core/challenges/policy.ts";
import { listChallenges } from "../../../../core/challenges/queries.ts";
import { TimelineView } from "../../../components/dashboard/TimelineView.tsx";
import { timelinePage } from "../../../components/dashboard/timeline.server.ts";
import { useT } from "../../../lib/i18n.ts";
import { notFound, requestT, requireRegion } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    challengePolicy.view,
  );
  const challenge = (await listChallenges(scope)).find((c) => c.id === params.id);
  if (!challenge) notFound(context);
  const page = await timelinePage(request, scope, challenge.id);
  const t = requestT(context);
  // A filter that cannot be read comes back with its message, as a refused form does.
  return data(
    {
      region: { slug: region.slug },
      challenge: { id: challenge.id, title: challenge.title },
      page,
      title: `${t("challengeDashboard.timeline.challengeTitle", { title: challenge.title })} · ${region.name}`,
    },
    { status: page.error ? 400 : 200 },
  );
}

export default function ChallengeTimeline({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { region, challenge, page } = loaderData;
  const here = `/manage/${region.slug}/challenges/${challenge.id}`;
  return (
    <>
      <p className="lr-breadcrumb lr-no-print">
        <Link className="utrecht-link" to={here}>
          {t("challengeDashboard.timeline.backToChallenge")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">
        {t("challengeDashboard.timeline.challengeTitle", { title: challenge.title })}
      </h1>
      <TimelineView {...page} base={`${here}/timeline`} />
    </>
  );
}
