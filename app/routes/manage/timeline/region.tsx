import { data, Link } from "react-router";
import type { Route } from "./+types/region";
import { challengePolicy } from "../../../../core/challenges/policy.ts";
import { listChallenges } from "../../../../core/challenges/queries.ts";
import { TimelineView } from "../../../components/dashboard/TimelineView.tsx";
import { timelinePage } from "../../../components/dashboard/timeline.server.ts";
import { useT } from "../../../lib/i18n.ts";
import { requestT, requireRegion } from "../../../lib/request.server.ts";

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
  const [page, challenges] = await Promise.all([
    timelinePage(request, scope, null),
    listChallenges(scope),
  ]);
  const t = requestT(context);
  // A filter that cannot be read comes back with its message, as a refused form does.
  return data(
    {
      region: { slug: region.slug, name: region.name },
      page,
      challenges: challenges.map((c) => ({ id: c.id, title: c.title })),
      title: t("challengeDashboard.timeline.regionTitle", { region: region.name }),
    },
    { status: page.error ? 400 : 200 },
  );
}

export default function RegionTimeline({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { region, page, challenges } = loaderData;
  const base = `/manage/${region.slug}`;
  return (
    <>
      <p className="lr-breadcrumb lr-no-print">
        <Link className="utrecht-link" to={base}>
          {t("challengeDashboard.timeline.backToDashboard")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">
        {t("challengeDashboard.timeline.regionTitle", { region: region.name })}
      </h1>
      <TimelineView {...page} base={`${base}/timeline`} challenges={challenges} />
    </>
  );
}
