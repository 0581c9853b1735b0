import { useEffect, type FormEvent, type ReactNode } from "react";
import { Form, Link, useRevalidator } from "react-router";
import type { Results } from "../../../core/dialogue/aggregate.ts";
import type { Command } from "../../../core/dialogue/controlSession.ts";
import type { JoinBurst } from "../../../core/dialogue/queries.ts";
import type { OpenAnswer } from "../../../core/dialogue/protocol.ts";
import type { SessionState } from "../../../core/dialogue/session.ts";
import { formatMoment } from "../../../core/kernel/time.ts";
import { messageKey } from "../../../i18n/index.ts";
import { useLocale, useT } from "../../lib/i18n.ts";
import { useCountdown, useLive } from "../../lib/useLive.ts";
import { Notice, PostForm, SubmitButton } from "../form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../table.tsx";
import { ConnectionStatus, Countdown, JoinPanel } from "./LiveBits.tsx";
import { ResultsView } from "./ResultsView.tsx";
import { sectorKey } from "../../../core/kernel/sectors.ts";

interface ConsoleProps {
  base: string;
  session: { id: string; title: string; status: "open" | "closed" };
  join: { code: string; shortUrl: string; joinUrl: string; qrSvg: string };
  state: SessionState;
  results: Results;
  open: OpenAnswer[];
  questions: { index: number; theme: string; prompt: string }[];
  roster: {
    id: string;
    name: string | null;
    sector: string | null;
    groupNo: number | null;
    isScribe: boolean;
    connected: boolean;
    joinedAt: string;
  }[];
  participantCount: number;
  connectedCount: number;
  bursts: JoinBurst[];
  /** How many participants the last removal took out, shown once after the redirect. */
  removed: number | null;
  /** The facilitator asked to end the session: the console asks to confirm. */
  confirmEnd: boolean;
}

/** Join times to the second, in Dutch time wherever the browser is (24-hour in both languages). */
const timeOf = (iso: string) => formatMoment(iso, "nl", "timeWithSeconds");

/** The template's questions under their themes, in running order. */
function themesOf(questions: ConsoleProps["questions"]): [string, ConsoleProps["questions"]][] {
  const byTheme = new Map<string, ConsoleProps["questions"]>();
  for (const q of questions) byTheme.set(q.theme, [...(byTheme.get(q.theme) ?? []), q]);
  return [...byTheme];
}

const TIMER_CHOICES = [30, 60, 120, 180, 300];

function Control({
  cmd,
  label,
  kind = "secondary",
  onSubmit,
  children,
}: {
  cmd: string;
  label: string;
  kind?: "primary" | "secondary" | "danger";
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  children?: ReactNode;
}) {
  return (
    <PostForm onSubmit={onSubmit} className="lr-inline-form">
      {children}
      <SubmitButton name="_intent" value={cmd} kind={kind}>
        {label}
      </SubmitButton>
    </PostForm>
  );
}

/**
 * The facilitator's console: every button is a form that posts (it works without JavaScript), and
 * with a live connection the same command goes over the WebSocket, so the room sees it at once.
 */
export function LiveConsole(props: ConsoleProps) {
  const t = useT();
  const locale = useLocale();
  const live = useLive({ t: "watch", sessionId: props.session.id }, { state: props.state });
  const { state } = live;
  const lang = state.language;
  const results = live.results?.results ?? props.results;
  const open = live.results ? (live.results.open ?? []) : props.open;
  const seconds = useCountdown(state.timerEndsAt, live.clockOffset);
  const presence = live.presence ?? props.connectedCount;
  const { revalidate } = useRevalidator();
  // Who joined or left comes from the loader; presence changes in bursts when a room joins, so
  // reload the list at most every two seconds.
  useEffect(() => {
    if (live.presence === null && live.roster === null) return;
    const id = setTimeout(() => void revalidate(), 2000);
    return () => clearTimeout(id);
  }, [live.presence, live.roster, revalidate]);

  /** Sends the form's command over the socket when it is up; otherwise lets the form post. */
  const viaSocket = (e: FormEvent<HTMLFormElement>) => {
    if (live.status !== "live") return;
    const form = new FormData(e.currentTarget);
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const cmd = submitter?.value ?? String(form.get("_intent"));
    const command = { ...Object.fromEntries(form), cmd } as unknown as Command;
    e.preventDefault();
    live.control(command);
  };

  return (
    <div className="lr-console">
      <div className="lr-console__main">
        <ConnectionStatus status={live.status} />
        <section aria-labelledby="current" className="lr-section">
          <p className="utrecht-paragraph">
            {state.theme.title[lang]} ·{" "}
            {t("dialogue.question", { index: state.index + 1, total: state.total })} ·{" "}
            {state.question.audience === "group" ? t("dialogue.forGroup") : t("dialogue.forEach")}
          </p>
          <h2 className="utrecht-heading-2" id="current" lang={lang}>
            {state.question.prompt[lang]}
          </h2>
          <Notice kind="info">
            {state.status === "closed" ? (
              <>
                {t("dialogue.sessionEnded")}{" "}
                {state.sharedResults
                  ? t("dialogue.endedShared")
                  : t("dialogue.endedNotSharedConsole")}
              </>
            ) : (
              <>
                {state.answeringOpen ? t("dialogue.answeringOpen") : t("dialogue.answeringClosed")}{" "}
                {state.resultsVisible ? t("dialogue.resultsShown") : t("dialogue.resultsHidden")}
              </>
            )}
          </Notice>
          {state.answeringOpen && seconds !== null ? <Countdown seconds={seconds} /> : null}
          {live.error ? (
            <div className="utrecht-alert utrecht-alert--error" role="alert">
              <p className="utrecht-paragraph">{t(messageKey(live.error))}</p>
            </div>
          ) : null}
          <div className="lr-actions">
            <Control onSubmit={viaSocket} cmd="previous" label={t("dialogue.previous")} />
            {state.answeringOpen ? (
              <Control
                onSubmit={viaSocket}
                cmd="close"
                label={t("dialogue.closeAnswering")}
                kind="primary"
              />
            ) : (
              <Control
                onSubmit={viaSocket}
                cmd="open"
                label={t("dialogue.openAnswering")}
                kind="primary"
              />
            )}
            {state.resultsVisible ? (
              <Control onSubmit={viaSocket} cmd="hide" label={t("dialogue.hideResults")} />
            ) : (
              <Control onSubmit={viaSocket} cmd="show" label={t("dialogue.showResults")} />
            )}
            <Control onSubmit={viaSocket} cmd="next" label={t("dialogue.next")} />
          </div>
          <div className="lr-actions">
            <Control onSubmit={viaSocket} cmd="timer" label={t("dialogue.startTimer")}>
              <label className="utrecht-form-label" htmlFor="timer-seconds">
                {t("dialogue.timerLength")}
              </label>{" "}
              <select
                id="timer-seconds"
                name="seconds"
                defaultValue="60"
                className="utrecht-select utrecht-select--html-select lr-select-inline"
              >
                {TIMER_CHOICES.map((s) => (
                  <option key={s} value={s}>
                    {t("dialogue.seconds", { count: s })}
                  </option>
                ))}
              </select>{" "}
            </Control>
            {state.timerEndsAt ? (
              <Control onSubmit={viaSocket} cmd="stopTimer" label={t("dialogue.stopTimer")} />
            ) : null}
            {state.status === "open" && !props.confirmEnd ? (
              <Form method="get" className="lr-inline-form">
                <input type="hidden" name="confirm" value="end" />
                <button type="submit" className="utrecht-button utrecht-button--secondary-action">
                  {t("dialogue.end")}
                </button>
              </Form>
            ) : state.status === "closed" ? (
              <Control onSubmit={viaSocket} cmd="reopen" label={t("dialogue.reopen")} />
            ) : null}
          </div>
          {state.status === "open" && props.confirmEnd ? (
            <div className="utrecht-alert utrecht-alert--warning" role="alert">
              <h3 className="utrecht-heading-3">{t("dialogue.endConfirmTitle")}</h3>
              <p className="utrecht-paragraph">{t("dialogue.endConfirmBody")}</p>
              <div className="lr-actions">
                <Control
                  onSubmit={viaSocket}
                  cmd="end"
                  label={t("dialogue.endConfirm")}
                  kind="danger"
                />
                <Link className="utrecht-link" to={props.base}>
                  {t("dialogue.endCancel")}
                </Link>
              </div>
            </div>
          ) : null}
          <div className="lr-actions">
            <p className="utrecht-paragraph">
              {state.namesOnWall ? t("dialogue.namesOnWallOn") : t("dialogue.namesOnWallOff")}
            </p>
            <Control
              onSubmit={viaSocket}
              cmd="names"
              label={
                state.namesOnWall ? t("dialogue.hideNamesOnWall") : t("dialogue.showNamesOnWall")
              }
            >
              <input type="hidden" name="on" value={state.namesOnWall ? "false" : "true"} />
            </Control>
          </div>
        </section>

        <section aria-labelledby="results" className="lr-section">
          <h2 className="utrecht-heading-2" id="results">
            {t("dialogue.answers", { count: results.all.count })}
          </h2>
          <ResultsView
            question={state.question}
            results={results}
            open={open}
            lang={lang}
            reader={locale}
          />
          {state.question.kind === "open" && open.length > 0 ? (
            <OpenModeration
              open={open}
              questionId={state.question.id}
              onHide={live.status === "live" ? live.hide : null}
              moderateHref={`${props.base}/answers/${state.question.id}`}
            />
          ) : null}
        </section>
      </div>

      <div className="lr-console__side">
        <section aria-labelledby="join" className="lr-section">
          <h2 className="utrecht-heading-2" id="join">
            {t("dialogue.joinHeading")}
          </h2>
          {state.status === "closed" ? (
            <p className="utrecht-paragraph">{t("dialogue.joinClosed")}</p>
          ) : (
            <JoinPanel {...props.join} />
          )}
        </section>

        <section aria-labelledby="people" className="lr-section">
          <h2 className="utrecht-heading-2" id="people">
            {t("dialogue.connected", { n: presence, total: props.participantCount })}
          </h2>
          {props.removed !== null ? (
            <Notice>{t("dialogue.removedNotice", { count: props.removed })}</Notice>
          ) : null}
          {props.bursts.length > 0 ? <JoinBursts bursts={props.bursts} /> : null}
          <PostForm className="lr-form">
            <input type="hidden" name="_intent" value="groups" />
            <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
              <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                {t("dialogue.splitGroups")}
              </legend>
              <div className="utrecht-form-field">
                <label className="utrecht-form-label" htmlFor="group-mode">
                  {t("dialogue.groupMode")}
                </label>
                <select
                  id="group-mode"
                  name="mode"
                  defaultValue="mixed"
                  className="utrecht-select utrecht-select--html-select"
                >
                  <option value="mixed">{t("dialogue.groupModes.mixed")}</option>
                  <option value="random">{t("dialogue.groupModes.random")}</option>
                  <option value="none">{t("dialogue.groupModes.none")}</option>
                </select>
              </div>
              <div className="utrecht-form-field">
                <label className="utrecht-form-label" htmlFor="group-size">
                  {t("dialogue.groupSize")}
                </label>
                <input
                  id="group-size"
                  name="size"
                  type="number"
                  min={2}
                  max={20}
                  defaultValue={4}
                  className="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--numeric"
                />
              </div>
            </fieldset>
            <SubmitButton kind="secondary">{t("dialogue.makeGroups")}</SubmitButton>
          </PostForm>
          {props.roster.length > 0 ? (
            <DataTable
              caption={t("dialogue.rosterCaption")}
              columns={[
                t("dialogue.participant"),
                t("dialogue.sectorColumn"),
                t("dialogue.group"),
                t("dialogue.presence"),
                t("dialogue.joinedAt"),
                t("dialogue.removeColumn"),
              ]}
            >
              {props.roster.map((p) => (
                <Row key={p.id}>
                  <RowHeader>{p.name ?? t("dialogue.anonymous")}</RowHeader>
                  <Cell>{p.sector ? t(sectorKey(p.sector)) : "–"}</Cell>
                  <Cell>
                    {p.groupNo ?? "–"}
                    {p.isScribe ? ` (${t("dialogue.scribe")})` : ""}
                  </Cell>
                  <Cell>{p.connected ? t("dialogue.here") : t("dialogue.away")}</Cell>
                  <Cell>
                    <time dateTime={p.joinedAt}>{timeOf(p.joinedAt)}</time>
                  </Cell>
                  <Cell>
                    <PostForm className="lr-inline-form">
                      <input type="hidden" name="participantId" value={p.id} />
                      <SubmitButton name="_intent" value="remove" kind="secondary">
                        {t("dialogue.removeParticipant")}
                        <span className="lr-visually-hidden">
                          {`: ${t("dialogue.removeWho", {
                            name: p.name ?? t("dialogue.anonymous"),
                            time: timeOf(p.joinedAt),
                          })}`}
                        </span>
                      </SubmitButton>
                    </PostForm>
                  </Cell>
                </Row>
              ))}
            </DataTable>
          ) : (
            <p className="utrecht-paragraph">{t("dialogue.nobodyYet")}</p>
          )}
        </section>

        <nav aria-labelledby="all-questions" className="lr-section">
          <h2 className="utrecht-heading-2" id="all-questions">
            {t("dialogue.allQuestions")}
          </h2>
          {themesOf(props.questions).map(([theme, questions]) => (
            <details
              key={theme}
              className="lr-question-theme"
              open={questions.some((q) => q.index === state.index)}
            >
              <summary lang={lang}>
                {theme} ({questions.length})
              </summary>
              <ol className="utrecht-ordered-list lr-question-list" start={questions[0]!.index + 1}>
                {questions.map((q) => (
                  <li
                    key={q.index}
                    className="utrecht-ordered-list__item"
                    aria-current={q.index === state.index ? "step" : undefined}
                  >
                    <PostForm onSubmit={viaSocket} className="lr-inline-form">
                      <input type="hidden" name="index" value={q.index} />
                      <button
                        type="submit"
                        name="_intent"
                        value="goto"
                        className="lr-linklike lr-question-link"
                        lang={lang}
                      >
                        <span className="lr-visually-hidden">{t("dialogue.goTo")} </span>
                        {q.prompt}
                      </button>
                    </PostForm>
                  </li>
                ))}
              </ol>
            </details>
          ))}
        </nav>
      </div>
    </div>
  );
}

/**
 * Many joins from one device or network within a minute: a room on one Wi-Fi, or a script
 * stacking votes. The facilitator knows the room; one plain form per burst removes it.
 */
function JoinBursts({ bursts }: { bursts: JoinBurst[] }) {
  const t = useT();
  return (
    <div className="utrecht-alert utrecht-alert--warning" role="status">
      <h3 className="utrecht-heading-3">{t("dialogue.burstsHeading")}</h3>
      <p className="utrecht-paragraph">{t("dialogue.burstsIntro")}</p>
      <ul className="utrecht-unordered-list">
        {bursts.map((b) => (
          <li key={`${b.source}-${b.from}`} className="utrecht-unordered-list__item">
            <p className="utrecht-paragraph">
              {t("dialogue.burst", { count: b.count, from: timeOf(b.from), to: timeOf(b.to) })}
            </p>
            <PostForm className="lr-inline-form">
              <input type="hidden" name="source" value={b.source} />
              <input type="hidden" name="from" value={b.from} />
              <input type="hidden" name="to" value={b.to} />
              <SubmitButton name="_intent" value="remove" kind="danger">
                {t("dialogue.removeBurst", { count: b.count })}
              </SubmitButton>
            </PostForm>
          </li>
        ))}
      </ul>
    </div>
  );
}

function OpenModeration({
  open,
  questionId,
  onHide,
  moderateHref,
}: {
  open: OpenAnswer[];
  questionId: string;
  onHide: ((participantId: string, questionId: string, hidden: boolean) => void) | null;
  moderateHref: string;
}) {
  const t = useT();
  return (
    <div className="lr-section">
      <h3 className="utrecht-heading-3">{t("dialogue.moderation")}</h3>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={moderateHref}>
          {t("dialogue.moderateAndGroup")}
        </Link>
      </p>
      {onHide ? (
        <ul className="lr-moderation">
          {open.map((a) => (
            <li key={a.participantId} className={a.hidden ? "lr-hidden-answer" : undefined}>
              <span>{a.text}</span>{" "}
              <button
                type="button"
                className="utrecht-button utrecht-button--secondary-action lr-button-small"
                onClick={() => onHide(a.participantId!, questionId, !a.hidden)}
              >
                {a.hidden ? t("dialogue.unhide") : t("dialogue.hideAnswer")}
                <span className="lr-visually-hidden">: {a.text.slice(0, 40)}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
