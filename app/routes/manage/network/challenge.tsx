import { Link } from "react-router";
import type { Route } from "./+types/challenge";
import { challengeOf } from "../../../../core/network/queries.ts";
import { networkPolicy } from "../../../../core/network/policy.ts";
import { NetworkView } from "../../../components/network/NetworkView.tsx";
import { networkPageData } from "../../../components/network/network.server.ts";
import { useT } from "../../../lib/i18n.ts";
import { notFound, requestT, requireRegion } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, networkPolicy.view);
  const challenge = await challengeOf(scope, params.id);
  if (!challenge) notFound(context);
  const data = await networkPageData(request, scope, challenge.id);
  return {
    ...data,
    slug: region.slug,
    challenge,
    title: requestT(context)("network.challengeTitle", { title: challenge.title }),
  };
}

export default function ChallengeNetwork({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { slug, challenge, ...data } = loaderData;
  const regionBase = `/manage/${slug}`;
  return (
    <>
      <p className="lr-breadcrumb lr-no-print">
        <Link className="utrecht-link" to={`${regionBase}/challenges/${challenge.id}`}>
          {challenge.title}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">
        {t("network.challengeTitle", { title: challenge.title })}
      </h1>
      <NetworkView
        {...data}
        base={`${regionBase}/challenges/${challenge.id}/network`}
        regionBase={regionBase}
      />
    </>
  );
}
