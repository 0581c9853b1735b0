import { Link } from "react-router";
import type { Dashboard } from "../../../core/challenges/dashboard.ts";
import { formatDateTime } from "../../lib/format.ts";
import { useLocale, useT } from "../../lib/i18n.ts";

/** What is coming up in the region: the next events and the open actions, each to its page. */
export function ComingUp({
  base,
  dashboard,
}: {
  base: string;
  dashboard: Pick<Dashboard, "upcomingEvents" | "openActions" | "openActionCount">;
}) {
  const t = useT();
  const locale = useLocale();
  const { upcomingEvents, openActions, openActionCount } = dashboard;
  return (
    <div>
      <section aria-labelledby="upcoming-events">
        <h2 className="utrecht-heading-2" id="upcoming-events">
          {t("challengeDashboard.upcomingEvents")}
        </h2>
        {upcomingEvents.length === 0 ? (
          <p className="utrecht-paragraph">{t("challengeDashboard.noUpcomingEvents")}</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {upcomingEvents.map((e) => (
              <li key={e.id}>
                <Link className="utrecht-link" to={`${base}/events/${e.id}`}>
                  {e.title}
                </Link>{" "}
                <time dateTime={new Date(e.startsAt).toISOString()}>
                  {formatDateTime(e.startsAt, locale)}
                </time>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="open-actions">
        <h2 className="utrecht-heading-2" id="open-actions">
          {t("challengeDashboard.openActions")}
        </h2>
        {openActions.length === 0 ? (
          <p className="utrecht-paragraph">{t("challengeDashboard.noOpenActions")}</p>
        ) : (
          <>
            <ul className="utrecht-unordered-list">
              {openActions.map((a) => (
                <li key={a.id}>
                  <Link className="utrecht-link" to={`${base}/actions/${a.id}`}>
                    {a.title}
                  </Link>{" "}
                  ({t(`actions.statuses.${a.status as "planned"}`)})
                </li>
              ))}
            </ul>
            {openActionCount > openActions.length ? (
              <p className="utrecht-paragraph">
                <Link className="utrecht-link" to={`${base}/actions`}>
                  {t("challengeDashboard.openActionsMore", {
                    shown: openActions.length,
                    count: openActionCount,
                  })}
                </Link>
              </p>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
