import { randomUUID } from "node:crypto";
import { data, redirect, useActionData } from "react-router";
import type { Route } from "./+types/participant";
import { joinSession } from "../../../core/dialogue/joinSession.ts";
import { normaliseJoinCode } from "../../../core/dialogue/joinCode.ts";
import {
  findParticipant,
  findSessionByCode,
  participantAnswer,
} from "../../../core/dialogue/publicQueries.ts";
import { stateOf } from "../../../core/dialogue/session.ts";
import { failure, rateLimited } from "../../../core/kernel/result.ts";
import { SECTORS } from "../../../core/kernel/sectors.ts";
import { answerFromForm } from "../../components/dialogue/AnswerInput.tsx";
import { LiveParticipant, SessionEnded } from "../../components/dialogue/LiveParticipant.tsx";
import {
  Field,
  FormError,
  PostForm,
  SelectField,
  SubmitButton,
  useTranslatedOptions,
} from "../../components/form.tsx";
import { Shell } from "../../root.tsx";
import { readCookie, serializeCookie } from "../../lib/cookies.server.ts";
import { formObject, intent } from "../../lib/form.server.ts";
import { messageKey } from "../../../i18n/index.ts";
import { useT } from "../../lib/i18n.ts";
import {
  getRequestInfo,
  getServices,
  refused,
  refusedPage,
  requestT,
} from "../../lib/request.server.ts";

const deviceCookie = (code: string) => `lr_device_${code}`;

async function sessionFor(request: Request, context: Route.LoaderArgs["context"], code: string) {
  const { clientAddress } = getRequestInfo(context);
  const { live, db } = getServices(context);
  if (await live.joinBlocked(clientAddress))
    refusedPage(context, rateLimited("dialogue.tooManyAttempts"));
  const normal = normaliseJoinCode(code);
  // An ended session is found too: its phones, reloaded or not, get one closing page.
  const session = normal ? await findSessionByCode(db, normal) : null;
  if (!session || !normal) {
    await live.joinFailed(clientAddress);
    refusedPage(context, failure("notFound", "dialogue.unknownCode"));
  }
  const token = readCookie(request, deviceCookie(normal));
  const participant = token ? await findParticipant(db, session.id, token) : null;
  return { session, participant, code: normal, token };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { session, participant, code, token } = await sessionFor(request, context, params.code);
  const state = stateOf(session);
  const myAnswer =
    participant && session.status === "open"
      ? await participantAnswer(getServices(context).db, participant, state.question.id)
      : undefined;
  return {
    title: `${session.title} · ${requestT(context)("app.name")}`,
    code,
    sessionTitle: session.title,
    joined: participant !== null,
    // The device's own token, so its script can join over the WebSocket; the cookie stays HttpOnly.
    token: participant ? token : null,
    group: participant ? { groupNo: participant.groupNo, isScribe: participant.isScribe } : null,
    state,
    myAnswer,
    // A fresh key per rendered form: posting the same page twice is one answer, not two.
    key: randomUUID(),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { session, participant, code, token } = await sessionFor(request, context, params.code);
  const { db, config, live } = getServices(context);
  const form = await request.formData();
  // The page the loader renders says the session has ended; nothing is joined or stored.
  if (session.status === "closed")
    return data(
      { ok: false as const, error: { key: "dialogue.sessionClosed" as const } },
      { status: 409 },
    );
  if (intent(form) === "join") {
    // The device's own token: joining again from the same phone resumes and takes no new join.
    const joined = await joinSession(
      db,
      code,
      formObject(form),
      token,
      live.joinSource(getRequestInfo(context).clientAddress),
    );
    if (!joined.ok) return refused(context, joined);
    if (!joined.value.resumed) live.participantJoined(session.id, joined.value.participant);
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
    return data(
      { ok: false as const, error: { key: "dialogue.notJoined" as const } },
      { status: 400 },
    );
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
    return data({ ok: false as const, error: { key: messageKey(result.error) } }, { status: 400 });
  return { ok: true as const };
}

export default function ParticipantView({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const { joined, sessionTitle, state } = loaderData;
  const sectors = useTranslatedOptions("sectors", SECTORS);
  const failed =
    actionData && "ok" in actionData && actionData.ok === false ? actionData.error : undefined;
  return (
    <Shell>
      <p className="utrecht-paragraph">{sessionTitle}</p>
      {state.status === "closed" && !joined ? (
        <SessionEnded sharedResults={state.sharedResults} />
      ) : !joined ? (
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
        <LiveParticipant
          code={loaderData.code}
          token={loaderData.token}
          initialState={loaderData.state}
          initialAnswer={loaderData.myAnswer}
          group={loaderData.group}
          formKey={loaderData.key}
          posted={
            actionData && "ok" in actionData
              ? actionData.ok
                ? { ok: true }
                : { ok: false, error: actionData.error }
              : null
          }
        />
      )}
    </Shell>
  );
}
