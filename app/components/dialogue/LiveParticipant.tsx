import { useState, type FormEvent } from "react";
import type { SessionState } from "../../../core/dialogue/session.ts";
import { messageKey, type Message } from "../../../i18n/index.ts";
import { useT } from "../../lib/i18n.ts";
import { useCountdown, useLive } from "../../lib/useLive.ts";
import { FormError, Notice, PostForm, SubmitButton } from "../form.tsx";
import { AnswerInput, answerFromForm } from "./AnswerInput.tsx";
import { ConnectionStatus, Countdown } from "./LiveBits.tsx";
import { ResultsView } from "./ResultsView.tsx";

type Outcome = { ok: true } | { ok: false; error: Message };

/**
 * The participant's phone. Server-rendered as a plain form that posts (it works without
 * JavaScript); once the script runs it follows the session over the WebSocket: the next question
 * appears by itself, an answer is sent over the socket and shown as saved only when the server has
 * committed it, and a dropped connection comes back without losing the answer.
 */
export function LiveParticipant({
  code,
  token,
  initialState,
  initialAnswer,
  group,
  formKey,
  posted,
}: {
  code: string;
  token: string | null;
  initialState: SessionState;
  initialAnswer: unknown;
  group: { groupNo: number | null; isScribe: boolean } | null;
  formKey: string;
  posted: Outcome | null;
}) {
  const t = useT();
  const live = useLive(token ? { t: "join", code, token } : null, {
    state: initialState,
    myAnswer: initialAnswer,
  });
  const { state } = live;
  const lang = state.language;
  const you = live.you ?? (group ? { ...group, id: "" } : null);
  const [outcome, setOutcome] = useState<(Outcome & { questionId: string }) | null>(null);
  const [sending, setSending] = useState(false);
  const seconds = useCountdown(state.timerEndsAt, live.clockOffset);
  const viaSocket = live.status === "live" || live.status === "reconnecting";

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    // Without a connection ever made, the form simply posts: the page works as without JavaScript.
    if (!viaSocket) return;
    e.preventDefault();
    const questionId = state.question.id;
    const value = answerFromForm(state.question, new FormData(e.currentTarget));
    setSending(true);
    setOutcome(null);
    void live.answer(questionId, value).then((r) => {
      setSending(false);
      if (r.ok === false && r.error === "dialogue.superseded") return;
      setOutcome(
        r.ok
          ? { ok: true, questionId }
          : { ok: false, error: { key: messageKey(r.error) }, questionId },
      );
    });
  };

  const shown =
    outcome && outcome.questionId === state.question.id
      ? outcome
      : !viaSocket && posted
        ? { ...posted, questionId: state.question.id }
        : null;
  const scribeElsewhere =
    state.question.audience === "group" && you?.groupNo != null && !you.isScribe;

  if (live.error === "dialogue.removed")
    return (
      <section aria-labelledby="removed">
        <h1 className="utrecht-heading-1" id="removed">
          {t("dialogue.removed")}
        </h1>
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href={`/live/${code}`}>
            {t("dialogue.refresh")}
          </a>
        </p>
      </section>
    );

  if (state.status === "closed" || live.status === "ended")
    return <SessionEnded sharedResults={state.sharedResults} />;

  return (
    <section aria-labelledby="question" className="lr-live">
      <ConnectionStatus status={live.status} />
      {you?.groupNo != null ? (
        <p className="utrecht-paragraph lr-live-group">
          {t("dialogue.yourGroup", { n: you.groupNo })}{" "}
          {you.isScribe ? t("dialogue.youAreScribe") : null}
        </p>
      ) : null}
      <p className="utrecht-paragraph">
        {state.theme.title[lang]} ·{" "}
        {t("dialogue.question", { index: state.index + 1, total: state.total })} ·{" "}
        {state.question.audience === "group" ? t("dialogue.forGroup") : t("dialogue.forYou")}
      </p>
      <h1 className="utrecht-heading-1" id="question" lang={lang}>
        {state.question.prompt[lang]}
      </h1>
      {state.question.help ? <HelpText text={state.question.help[lang]} lang={lang} /> : null}
      {state.answeringOpen && seconds !== null ? <Countdown seconds={seconds} /> : null}
      {shown?.ok ? <Notice>{t("dialogue.saved")}</Notice> : null}
      {shown && !shown.ok ? <FormError error={shown.error} /> : null}
      {live.status === "reconnecting" && sending ? (
        <Notice kind="info">{t("dialogue.willSend")}</Notice>
      ) : null}
      {!state.answeringOpen ? (
        <Notice kind="info">{t("dialogue.waiting")}</Notice>
      ) : scribeElsewhere ? (
        <Notice kind="info">{t("dialogue.scribeOnly")}</Notice>
      ) : (
        <PostForm className="lr-form" onSubmit={onSubmit} key={state.question.id}>
          <input type="hidden" name="_intent" value="answer" />
          <input type="hidden" name="questionId" value={state.question.id} />
          <input type="hidden" name="key" value={formKey} />
          <AnswerInput question={state.question} lang={lang} value={live.myAnswer} />
          <SubmitButton busy={sending}>
            {live.myAnswer !== undefined && live.myAnswer !== null
              ? t("dialogue.change")
              : t("dialogue.send")}
          </SubmitButton>
        </PostForm>
      )}
      {state.resultsVisible && live.results ? (
        <section aria-labelledby="results" className="lr-section">
          <h2 className="utrecht-heading-2" id="results">
            {t("dialogue.resultsTitle")}
          </h2>
          <ResultsView
            question={state.question}
            results={live.results.results}
            open={live.results.open}
            lang={lang}
          />
        </section>
      ) : null}
      {live.status !== "live" ? (
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href={`/live/${code}`}>
            {t("dialogue.refresh")}
          </a>
        </p>
      ) : null}
    </section>
  );
}

/**
 * The one closing page of a session, on every phone (with or without JavaScript, reloaded or
 * not): it has ended, and the results are one link away once the facilitator shares them.
 */
export function SessionEnded({ sharedResults }: { sharedResults: string | null }) {
  const t = useT();
  return (
    <section aria-labelledby="ended">
      <h1 className="utrecht-heading-1" id="ended">
        {t("dialogue.endedTitle")}
      </h1>
      <p className="utrecht-paragraph">{t("dialogue.endedThanks")}</p>
      {sharedResults ? (
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href={sharedResults}>
            {t("dialogue.endedResultsLink")}
          </a>
        </p>
      ) : (
        <p className="utrecht-paragraph">{t("dialogue.endedNotShared")}</p>
      )}
    </section>
  );
}

/**
 * A question's explanation. A numbered run ("1 Goed en genoeg personeel: … 2 Actueel …", as the
 * ambition ladder's) reads on a phone as a list of steps, not one paragraph.
 */
export function HelpText({ text, lang }: { text: string; lang: string }) {
  const steps = text.split(/\s+(?=\d{1,2}\s+\S)/);
  const numbered = steps.length > 1 && steps.every((s, i) => s.startsWith(`${i + 1} `));
  if (!numbered)
    return (
      <p className="utrecht-paragraph" lang={lang}>
        {text}
      </p>
    );
  return (
    <ol className="utrecht-ordered-list lr-help-steps" lang={lang}>
      {steps.map((s, i) => (
        <li key={i} className="utrecht-ordered-list__item">
          {s.slice(String(i + 1).length + 1)}
        </li>
      ))}
    </ol>
  );
}
