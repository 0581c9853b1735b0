import type { Route } from "./+types/region";
import { networkPolicy } from "../../../../core/network/policy.ts";
import { NetworkView } from "../../../components/network/NetworkView.tsx";
import { networkPageData } from "../../../components/network/network.server.ts";
import { useT } from "../../../lib/i18n.ts";
import { requestT, requireRegion } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, networkPolicy.view);
  const data = await networkPageData(request, scope, null);
  return { ...data, slug: region.slug, title: requestT(context)("network.title") };
}

export default function RegionNetwork({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { slug, ...data } = loaderData;
  const regionBase = `/manage/${slug}`;
  return (
    <>
      <h1 className="utrecht-heading-1">{t("network.title")}</h1>
      <NetworkView {...data} base={`${regionBase}/network`} regionBase={regionBase} />
    </>
  );
}
