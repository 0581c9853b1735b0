import { Link } from "react-router";
import type { Route } from "./+types/contributions";
import { actionPolicy } from "../../../../core/actions/policy.ts";
import { actionContributions } from "../../../../core/actions/queries.ts";
import { Cell, DataTable, Row } from "../../../components/table.tsx";
import { useT } from "../../../lib/i18n.ts";
import { notFound, requestT, requireRegion } from "../../../lib/request.server.ts";
import { sectorKey } from "../../../../core/kernel/sectors.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }];
}

/** "Bijdragen hierachter": every contribution an action answers, directly or through a theme. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, actionPolicy.manage);
  const found = await actionContributions(scope, params.id);
  if (!found) notFound(context);
  return {
    base: `/manage/${region.slug}`,
    ...found,
    pageTitle: requestT(context)("actions.behindTitle", { title: found.action.title }),
  };
}

export default function ActionContributions({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { base, action, contributions } = loaderData;
  return (
    <>
      <p className="utrecht-paragraph lr-breadcrumb">
        <Link className="utrecht-link" to={`${base}/actions/${action.id}`}>
          {action.title}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("actions.behindTitle", { title: action.title })}</h1>
      <p className="utrecht-paragraph">{t("actions.behindIntro")}</p>
      <DataTable
        caption={t("actions.behind", { count: contributions.length })}
        columns={[
          t("publication.columns.text"),
          t("publication.columns.kind"),
          t("publication.columns.sector"),
          t("publication.columns.source"),
          t("actions.how"),
        ]}
      >
        {contributions.map((c) => (
          <Row key={c.id}>
            <Cell>
              <span className="lr-pub-text">{c.text}</span>{" "}
              <Link className="utrecht-link" to={`${base}/harvest/${c.harvest_id}/trace/${c.id}`}>
                {t("publication.whereTo")}
              </Link>
            </Cell>
            <Cell>{t(`publication.kinds.${c.kind}`)}</Cell>
            <Cell>{c.sector ? t(sectorKey(c.sector)) : t("publication.noSector")}</Cell>
            <Cell>{c.source_label || t("publication.noSource")}</Cell>
            <Cell>
              {c.direct ? t("actions.direct") : `${t("actions.viaTheme")} ${c.theme_label ?? ""}`}
            </Cell>
          </Row>
        ))}
      </DataTable>
    </>
  );
}
