import type { Route } from "./+types/mine";
import { personMirror, personOfAccount } from "../../../../core/network/queries.ts";
import { MirrorFigures } from "../../../components/network/NetworkView.tsx";
import { useT } from "../../../lib/i18n.ts";
import { requestT, requireRegion } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

/**
 * "My network position": any member of the region sees their own position, found by their
 * verified account address in the region's register; nobody else's.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireRegion(request, context, params.slug, "member");
  const person = await personOfAccount(scope);
  return {
    found: person !== null,
    mirror: person ? await personMirror(scope, person.id) : null,
    title: requestT(context)("network.mirror.myTitle"),
  };
}

export default function MyNetwork({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { found, mirror } = loaderData;
  return (
    <>
      <h1 className="utrecht-heading-1">{t("network.mirror.myTitle")}</h1>
      <p className="utrecht-paragraph">{t("network.mirror.intro")}</p>
      {!found ? (
        <p className="utrecht-paragraph">{t("network.mirror.noPerson")}</p>
      ) : mirror ? (
        <MirrorFigures mirror={mirror} />
      ) : (
        <p className="utrecht-paragraph">{t("network.mirror.notInNetwork")}</p>
      )}
    </>
  );
}
