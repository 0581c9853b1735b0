import { Link } from "react-router";
import type { Route } from "./+types/privacy";
import { publicEventRegion } from "../../../core/events/publicPages.ts";
import { PlainText, PublicRegionShell } from "../../components/events/public.tsx";
import { useT } from "../../lib/i18n.ts";
import { getServices, notFound, requestT } from "../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }];
}

/** The region's privacy statement, which registration forms link to; a general one when empty. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const region = await publicEventRegion(getServices(context).db, params.slug);
  if (!region) notFound(context);
  return {
    pageTitle: `${requestT(context)("events.privacyStatement")} · ${region.name}`,
    region: {
      slug: region.slug,
      name: region.name,
      hasLogo: region.logo_mime !== null,
      primaryColor: region.primary_color,
    },
    statement: region.privacy_statement,
    retentionMonths: region.retention_months,
  };
}

export default function Privacy({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { region, statement, retentionMonths } = loaderData;
  return (
    <PublicRegionShell region={region}>
      <h1 className="utrecht-heading-1">{t("events.privacyStatement")}</h1>
      {statement.trim() ? (
        <PlainText text={statement} />
      ) : (
        <p className="utrecht-paragraph">
          {t("events.privacyDefault", { region: region.name, count: retentionMonths })}
        </p>
      )}
      <p className="utrecht-paragraph">{t("events.privacyRights")}</p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/r/${region.slug}/events`}>
          {t("events.backToAgenda")}
        </Link>
      </p>
    </PublicRegionShell>
  );
}
