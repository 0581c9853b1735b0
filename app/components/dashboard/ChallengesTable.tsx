import { Link } from "react-router";
import type { DashboardChallenge } from "../../../core/challenges/dashboard.ts";
import { formatDate } from "../../lib/format.ts";
import { useLocale, useT } from "../../lib/i18n.ts";
import { Cell, DataTable, Row, RowHeader } from "../table.tsx";
import { phaseLabel, warningText } from "../../../core/challenges/texts.ts";

/** Every challenge of the region with where it stands: the dashboard's main table. */
export function ChallengesTable({
  base,
  challenges,
}: {
  base: string;
  challenges: DashboardChallenge[];
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <DataTable
      caption={t("challengeDashboard.challengesCaption")}
      hideCaption
      columns={[
        t("challengeDashboard.column.challenge"),
        t("challengeDashboard.column.phase"),
        t("challengeDashboard.column.status"),
        t("challengeDashboard.column.ambition"),
        t("challengeDashboard.column.lastActivity"),
        { label: t("challengeDashboard.column.links"), numeric: true },
        t("challengeDashboard.column.warnings"),
      ]}
    >
      {challenges.map((ch) => (
        <Row key={ch.id}>
          <RowHeader>
            <Link className="utrecht-link" to={`${base}/challenges/${ch.id}`}>
              {ch.title}
            </Link>
          </RowHeader>
          <Cell>{phaseLabel(t, ch.phase)}</Cell>
          <Cell>{t(`challenges.status.${ch.status}`)}</Cell>
          <Cell>
            {ch.ambition ? (
              <>
                {t("challengeDashboard.ambitionValue", {
                  now: ch.ambition.now.toLocaleString(locale),
                  desired: ch.ambition.desired.toLocaleString(locale),
                })}
                <br />
                <span className="utrecht-paragraph--small">
                  {t(`challenges.ambitionSource.${ch.ambition.source}`, {
                    answers: ch.ambition.answers ?? 0,
                  })}
                  , {formatDate(ch.ambition.at, locale)}
                </span>
              </>
            ) : (
              t("challengeDashboard.noAmbition")
            )}
          </Cell>
          <Cell>
            <time dateTime={new Date(ch.lastActivity).toISOString()}>
              {formatDate(ch.lastActivity, locale)}
            </time>
          </Cell>
          <Cell numeric>{ch.linkCount}</Cell>
          <Cell>
            {ch.warnings.length === 0 ? (
              t("challengeDashboard.noWarnings")
            ) : (
              <ul className="lr-plain-list">
                {ch.warnings.map((w) => (
                  <li key={w.kind}>{warningText(t, w)}</li>
                ))}
              </ul>
            )}
          </Cell>
        </Row>
      ))}
    </DataTable>
  );
}
