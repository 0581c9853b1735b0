import type { Route } from "./+types/present";
import { aggregateWithSectors, forRoom } from "../../../../core/dialogue/aggregate.ts";
import type { OpenAnswer } from "../../../../core/dialogue/protocol.ts";
import { dialoguePolicy } from "../../../../core/dialogue/policy.ts";
import { findSession, sessionAnswers } from "../../../../core/dialogue/queries.ts";
import { stateOf } from "../../../../core/dialogue/session.ts";
import { regionThemeStyle } from "../layout.tsx";
import { Countdown, ConnectionStatus, JoinPanel } from "../../../components/dialogue/LiveBits.tsx";
import { ResultsView } from "../../../components/dialogue/ResultsView.tsx";
import { joinInfo } from "../../../lib/joinInfo.server.ts";
import { useT } from "../../../lib/i18n.ts";
import { useCountdown, useLive } from "../../../lib/useLive.ts";
import { getServices, notFound, requireRegion } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.session.title }];
}

/** The big screen: outside the region's layout, so nothing but the session fills the wall. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    dialoguePolicy.viewSessions,
  );
  const session = await findSession(scope, params.id);
  if (!session) notFound(context);
  const state = stateOf(session);
  const rows = state.resultsVisible ? await sessionAnswers(scope, session, state.question.id) : [];
  return {
    color: region.primaryColor,
    session: { id: session.id, title: session.title },
    join: await joinInfo(getServices(context).config.publicUrl, session.joinCode),
    state,
    // The wall is for the room: no sector too small to hide who answered (see `groupsToShow`).
    results: forRoom(
      aggregateWithSectors(
        state.question,
        rows.map((r) => ({ ...r, groupNo: r.group_no })),
        session.language,
      ),
    ),
    // Names only when the facilitator turned them on: the join page promises they stay private.
    open:
      state.question.kind === "open"
        ? rows
            .filter((r) => !r.hidden)
            .map((r): OpenAnswer => ({
              text: String(r.value),
              theme: r.theme_label,
              ...(session.namesOnWall ? { name: r.display_name } : {}),
            }))
        : [],
  };
}

export default function Presenter({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { session, join } = loaderData;
  const live = useLive(
    { t: "watch", sessionId: session.id, view: "presenter" },
    { state: loaderData.state },
  );
  const { state } = live;
  const lang = state.language;
  const seconds = useCountdown(state.timerEndsAt, live.clockOffset);
  const results = live.results?.results ?? loaderData.results;
  // The hub sends the wall the room's results (no hidden answers, names only when turned on);
  // filter all the same.
  const open = (live.results?.open ?? loaderData.open)
    .filter((a) => !a.hidden)
    .map((a) => (state.namesOnWall ? a : { ...a, name: null }));
  return (
    <div className="lr-presenter" style={regionThemeStyle(loaderData.color)}>
      <main id="main" className="lr-presenter__main">
        <header className="lr-presenter__head">
          <p className="utrecht-paragraph">{session.title}</p>
          <ConnectionStatus status={live.status} />
        </header>
        {state.status === "closed" ? (
          <>
            <h1 className="utrecht-heading-1">{t("dialogue.endedTitle")}</h1>
            <p className="utrecht-paragraph">{t("dialogue.endedThanks")}</p>
          </>
        ) : (
          <>
            <p className="utrecht-paragraph lr-presenter__meta" lang={lang}>
              {state.theme.title[lang]} ·{" "}
              {t("dialogue.question", { index: state.index + 1, total: state.total })} ·{" "}
              {state.question.audience === "group" ? t("dialogue.forGroup") : t("dialogue.forEach")}
            </p>
            <h1 className="utrecht-heading-1 lr-presenter__question" lang={lang}>
              {state.question.prompt[lang]}
            </h1>
            {state.answeringOpen && seconds !== null ? <Countdown seconds={seconds} large /> : null}
            <p className="utrecht-paragraph lr-presenter__count">
              {`${t("dialogue.answers", { count: results.all.count })} · ${t("dialogue.present", {
                count: live.presence ?? 0,
              })}`}
            </p>
            {state.resultsVisible ? (
              <section aria-label={t("dialogue.resultsTitle")}>
                <ResultsView
                  question={state.question}
                  results={results}
                  open={open}
                  lang={lang}
                  size="large"
                />
              </section>
            ) : null}
          </>
        )}
        {state.status === "closed" ? null : (
          <aside aria-label={t("dialogue.joinHeading")} className="lr-presenter__join">
            <JoinPanel {...join} large />
          </aside>
        )}
      </main>
    </div>
  );
}
