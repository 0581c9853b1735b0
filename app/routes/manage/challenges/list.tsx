import { Link } from "react-router";
import type { Route } from "./+types/list";
import { challengePolicy } from "../../../../core/challenges/policy.ts";
import { listChallenges } from "../../../../core/challenges/queries.ts";
import { may } from "../../../../core/kernel/scope.ts";
import { Notice } from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { isOneOf, useT } from "../../../lib/i18n.ts";
import { requestT, requireRegion } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }];
}

const DONE = ["deleted"] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    challengePolicy.view,
  );
  const done = new URL(request.url).searchParams.get("done");
  return {
    base: `/manage/${region.slug}/challenges`,
    challenges: await listChallenges(scope),
    mayCreate: may(scope, challengePolicy.createChallenge),
    mayConfigure: may(scope, challengePolicy.configureGuard),
    done: isOneOf(DONE, done) ? done : null,
    pageTitle: requestT(context)("challengePages.title"),
  };
}

export default function Challenges({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { base, challenges, mayCreate, mayConfigure, done } = loaderData;
  return (
    <>
      <h1 className="utrecht-heading-1">{t("challengePages.title")}</h1>
      <p className="utrecht-paragraph">{t("challengePages.intro")}</p>
      {done === "deleted" ? <Notice>{t("challengePages.deleted")}</Notice> : null}
      {mayCreate || mayConfigure ? (
        <ul className="lr-plain-list">
          {mayCreate ? (
            <li>
              <Link className="utrecht-link" to={`${base}/new`}>
                {t("challengePages.new")}
              </Link>
            </li>
          ) : null}
          {mayConfigure ? (
            <li>
              <Link className="utrecht-link" to={`${base}/settings`}>
                {t("challengePages.settingsLink")}
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}
      {challenges.length === 0 ? (
        <p className="utrecht-paragraph">{t("challengePages.none")}</p>
      ) : (
        <DataTable
          caption={t("challengePages.title")}
          hideCaption
          columns={[
            t("challengePages.columns.title"),
            t("challengePages.columns.status"),
            t("challengePages.columns.phase"),
            t("challengePages.columns.published"),
          ]}
        >
          {challenges.map((c) => (
            <Row key={c.id}>
              <RowHeader>
                <Link className="utrecht-link" to={`${base}/${c.id}`}>
                  {c.title}
                </Link>
              </RowHeader>
              <Cell>{t(`challenges.status.${c.status}`)}</Cell>
              <Cell>
                {t("challenges.phaseNumbered", {
                  n: c.phase,
                  name: t(`challenges.phase.${c.phase}`),
                })}
              </Cell>
              <Cell>{c.published ? t("challengePages.yes") : t("challengePages.no")}</Cell>
            </Row>
          ))}
        </DataTable>
      )}
    </>
  );
}
