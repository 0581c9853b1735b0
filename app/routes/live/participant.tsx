import { randomUUID } from "node:crypto";
import { data, redirect, useActionData } from "react-router";
import type { Route } from "./+types/participant";
import { findParticipant, joinSession } from "../../../core/dialogue/joinSession.ts";
import { normaliseJoinCode } from "../../../core/dialogue/joinCode.ts";
import { findOpenSessionByCode, stateOf } from "../../../core/dialogue/queries.ts";
import { SECTORS } from "../../../core/regions/sectors.ts";
import { AnswerInput, answerFromForm } from "../../components/dialogue/AnswerInput.tsx";
import {
  Field,
  FormError,
  Notice,
  PostForm,
  SelectField,
  SubmitButton,
  useTranslatedOptions,
} from "../../components/form.tsx";
import { Shell } from "../../root.tsx";
import { readCookie, serializeCookie } from "../../lib/cookies.server.ts";
import { formObject, intent } from "../../lib/form.server.ts";
import { useT } from "../../lib/i18n.ts";
import { getRequestInfo, getServices, requestT } from "../../lib/request.server.ts";

const deviceCookie = (code: string) => `lr_device_${code}`;

async function sessionFor(request: Request, context: Route.LoaderArgs["context"], code: string) {
  const { clientAddress } = getRequestInfo(context);
  const { live, db } = getServices(context);
  if (await live.joinBlocked(clientAddress))
    throw data({ message: requestT(context)("dialogue.tooManyAttempts") }, { status: 429 });
  const normal = normaliseJoinCode(code);
  const session = normal ? await findOpenSessionByCode(db, normal) : null;
  if (!session || !normal) {
    await live.joinFailed(clientAddress);
    throw data({ message: requestT(context)("dialogue.unknownCode") }, { status: 404 });
  }
  const token = readCookie(request, deviceCookie(normal));
  const participant = token ? await findParticipant(db, session.id, token) : null;
  return { session, participant, code: normal, token };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { session, participant, code } = await sessionFor(request, context, params.code);
  const state = stateOf(session);
  let myAnswer: unknown = undefined;
  if (participant) {
    const row = await getServices(context)
      .db.selectFrom("dialogue_answers")
      .select("value")
      .where("session_id", "=", session.id)
      .where("question_id", "=", state.question.id)
      .where("participant_id", "=", participant.id)
      .executeTakeFirst();
    myAnswer = row?.value;
  }
  return {
    title: `${session.title} · ${requestT(context)("app.name")}`,
    code,
    sessionTitle: session.title,
    joined: participant !== null,
    state,
    myAnswer,
    // A fresh key per rendered form: posting the same page twice is one answer, not two.
    key: randomUUID(),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { session, participant, code } = await sessionFor(request, context, params.code);
  const { db, config, live } = getServices(context);
  const form = await request.formData();
  if (intent(form) === "join") {
    const joined = await joinSession(db, code, formObject(form), null);
    if (!joined.ok) return data(joined, { status: 400 });
    return redirect(`/live/${code}`, {
      headers: {
        "Set-Cookie": serializeCookie(deviceCookie(code), joined.value.deviceToken, {
          secure: config.secureCookies,
          maxAgeSeconds: 24 * 3600,
        }),
      },
    });
  }
  if (!participant)
    return data({ ok: false as const, error: { key: "dialogue.notJoined" } }, { status: 400 });
  const state = stateOf(session);
  const questionId = String(form.get("questionId") ?? "");
  const key = String(form.get("key") ?? "").slice(0, 100) || randomUUID();
  const result = await live.submit(
    session.id,
    participant,
    questionId,
    questionId === state.question.id ? answerFromForm(state.question, form) : null,
    key,
  );
  if (!result.ok)
    return data({ ok: false as const, error: { key: result.error } }, { status: 400 });
  return { ok: true as const };
}

export default function ParticipantView({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const { state, joined, myAnswer, key, sessionTitle } = loaderData;
  const lang = state.language;
  const sectors = useTranslatedOptions("sectors", SECTORS);
  const failed =
    actionData && "ok" in actionData && actionData.ok === false ? actionData.error : undefined;
  return (
    <Shell>
      <p className="utrecht-paragraph">{sessionTitle}</p>
      {!joined ? (
        <PostForm className="lr-form">
          <h1 className="utrecht-heading-1">{t("dialogue.joinTitle")}</h1>
          <p className="utrecht-paragraph">{t("dialogue.joinAbout")}</p>
          <input type="hidden" name="_intent" value="join" />
          <FormError error={failed} />
          <Field
            name="displayName"
            label={t("dialogue.displayName")}
            maxLength={60}
            autoComplete="nickname"
          />
          <Field
            name="organisation"
            label={t("dialogue.organisation")}
            maxLength={200}
            autoComplete="organization"
          />
          <SelectField
            name="sector"
            label={t("dialogue.sector")}
            options={sectors}
            emptyLabel={t("dialogue.noSector")}
          />
          <SubmitButton>{t("dialogue.joinButton")}</SubmitButton>
        </PostForm>
      ) : (
        <section aria-labelledby="question">
          <p className="utrecht-paragraph">
            {state.theme.title[lang]} ·{" "}
            {t("dialogue.question", { index: state.index + 1, total: state.total })} ·{" "}
            {state.question.audience === "group" ? t("dialogue.forGroup") : t("dialogue.forYou")}
          </p>
          <h1 className="utrecht-heading-1" id="question">
            {state.question.prompt[lang]}
          </h1>
          {state.question.help ? (
            <p className="utrecht-paragraph">{state.question.help[lang]}</p>
          ) : null}
          {actionData && "ok" in actionData && actionData.ok ? (
            <Notice>{t("dialogue.saved")}</Notice>
          ) : null}
          <FormError error={failed} />
          {state.answeringOpen ? (
            <PostForm className="lr-form">
              <input type="hidden" name="_intent" value="answer" />
              <input type="hidden" name="questionId" value={state.question.id} />
              <input type="hidden" name="key" value={key} />
              <AnswerInput question={state.question} lang={lang} value={myAnswer} />
              <SubmitButton>{t("dialogue.send")}</SubmitButton>
            </PostForm>
          ) : (
            <Notice kind="info">{t("dialogue.waiting")}</Notice>
          )}
          <p className="utrecht-paragraph">
            <a className="utrecht-link" href={`/live/${loaderData.code}`}>
              {t("dialogue.refresh")}
            </a>
          </p>
        </section>
      )}
    </Shell>
  );
}
