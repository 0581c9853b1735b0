import { useMatches } from "react-router";
import { useT } from "../lib/i18n.ts";

/**
 * The main page of each area of a region (by its route id) and the guide shown there. Only main
 * pages: a form or a detail page explains itself, and a guide on every page becomes noise.
 */
const AREA_OF_ROUTE = {
  "routes/manage/overview": "overview",
  "routes/manage/challenges/list": "challenges",
  "routes/manage/network/region": "network",
  "routes/manage/organisations/list": "organisations",
  "routes/manage/people/list": "people",
  "routes/manage/dialogue/list": "dialogue",
  "routes/manage/events/list": "events",
  "routes/manage/harvest/list": "harvest",
  "routes/manage/actions/list": "actions",
  "routes/manage/coalitions/list": "coalitions",
  "routes/manage/members": "members",
  "routes/manage/settings": "settings",
  "routes/manage/outbox": "outbox",
} as const;

type Area = (typeof AREA_OF_ROUTE)[keyof typeof AREA_OF_ROUTE];

/** A folded guide (what the page is for, what to do first): open it when needed, else one line. */
export function AreaHelp() {
  const t = useT();
  const leaf = useMatches().at(-1)?.id ?? "";
  const area: Area | undefined = AREA_OF_ROUTE[leaf as keyof typeof AREA_OF_ROUTE];
  if (!area) return null;
  return (
    <details className="lr-help">
      <summary>{t("help.summary")}</summary>
      {/* No headings: the guide comes before the page's own h1 and must not become its outline. */}
      <p>
        <strong>{t("help.whatTitle")}:</strong> {t(`help.${area}.what`)}
      </p>
      <p>
        <strong>{t("help.firstTitle")}:</strong> {t(`help.${area}.first`)}
      </p>
    </details>
  );
}
