import { Link, redirect } from "react-router";
import type { Route } from "./+types/console";
import { aggregateWithSectors } from "../../../../core/dialogue/aggregate.ts";
import { controlSession } from "../../../../core/dialogue/controlSession.ts";
import { dialoguePolicy } from "../../../../core/dialogue/policy.ts";
import {
  findSession,
  joinBursts,
  listParticipants,
  sessionAnswers,
} from "../../../../core/dialogue/queries.ts";
import { removeParticipants } from "../../../../core/dialogue/removeParticipants.ts";
import { stateOf } from "../../../../core/dialogue/session.ts";
import { splitGroups } from "../../../../core/dialogue/splitGroups.ts";
import { questionsOf } from "../../../../core/dialogue/template.ts";
import { LiveConsole } from "../../../components/dialogue/LiveConsole.tsx";
import { formObject, intent } from "../../../lib/form.server.ts";
import { joinInfo } from "../../../lib/joinInfo.server.ts";
import { useT } from "../../../lib/i18n.ts";
import { getServices, notFound, refused, requireRegion } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.session.title }];
}

/** A room of 500 is already more than a facilitator reads; the count says how many more there are. */
const ROSTER_LIMIT = 500;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    dialoguePolicy.viewSessions,
  );
  const session = await findSession(scope, params.id);
  if (!session) notFound(context);
  const { live, config } = getServices(context);
  const state = stateOf(session);
  const [rows, participants, bursts] = await Promise.all([
    sessionAnswers(scope, session, state.question.id),
    listParticipants(scope, session.id),
    joinBursts(scope, session.id),
  ]);
  const removedParam = new URL(request.url).searchParams.get("removed");
  const removed = removedParam === null ? NaN : Number(removedParam);
  const connected = live.connectedParticipants(session.id);
  return {
    region,
    session: { id: session.id, title: session.title, status: session.status },
    join: await joinInfo(config.publicUrl, session.joinCode),
    state,
    results: aggregateWithSectors(
      state.question,
      rows.map((r) => ({ ...r, groupNo: r.group_no })),
      session.language,
    ),
    open:
      state.question.kind === "open"
        ? rows.map((r) => ({
            participantId: r.participant_id,
            text: String(r.value),
            hidden: r.hidden,
            theme: r.theme_label,
            name: r.display_name,
          }))
        : [],
    questions: questionsOf(session.template).map(({ theme, question }, index) => ({
      index,
      theme: theme.title[session.language],
      prompt: question.prompt[session.language],
    })),
    roster: participants.slice(0, ROSTER_LIMIT).map((p) => ({
      id: p.id,
      name: p.display_name,
      sector: p.sector,
      groupNo: p.group_no,
      isScribe: p.is_scribe,
      connected: connected.has(p.id),
      joinedAt: new Date(p.created_at).toISOString(),
    })),
    participantCount: participants.length,
    connectedCount: connected.size,
    bursts,
    removed: Number.isInteger(removed) && removed >= 0 ? removed : null,
    // Ending is asked for first: the button leads here, and only this step's button ends it.
    confirmEnd: new URL(request.url).searchParams.get("confirm") === "end",
  };
}

const COMMANDS = new Set([
  "previous",
  "next",
  "goto",
  "open",
  "close",
  "show",
  "hide",
  "timer",
  "stopTimer",
  "end",
  "reopen",
  "names",
]);

/**
 * Every control is a plain form post, so the console works without JavaScript; with it, the same
 * commands travel over the WebSocket. Either way the live hub then tells every connected screen.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    dialoguePolicy.viewSessions,
  );
  const form = await request.formData();
  const cmd = intent(form);
  if (cmd === "remove") {
    // One participant or a burst of joins from one source: they and their answers stop counting.
    const removal = await removeParticipants(scope, params.id, formObject(form));
    if (!removal.ok) return refused(context, removal);
    getServices(context).live.participantsRemoved(params.id, removal.value.removed);
    return redirect(
      `/manage/${region.slug}/dialogue/${params.id}?removed=${removal.value.removed.length}#people`,
    );
  }
  // The intents answer another region's session with 404 whatever was posted.
  const result =
    cmd === "groups"
      ? await splitGroups(scope, params.id, formObject(form))
      : await controlSession(
          scope,
          params.id,
          COMMANDS.has(cmd) ? { ...formObject(form), cmd } : {},
        );
  if (!result.ok) return refused(context, result);
  await getServices(context).live.refresh(params.id);
  return redirect(`/manage/${region.slug}/dialogue/${params.id}`);
}

export default function Console({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { region, session } = loaderData;
  const base = `/manage/${region.slug}/dialogue/${session.id}`;
  return (
    <>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/manage/${region.slug}/dialogue`}>
          {t("dialogue.title")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{session.title}</h1>
      <ul className="lr-inline-links">
        <li>
          <a className="utrecht-link" href={`${base}/present`} target="_blank" rel="noreferrer">
            {t("dialogue.openPresenter")}
          </a>
        </li>
        <li>
          <Link className="utrecht-link" to={`${base}/results`}>
            {t("dialogue.resultsPage")}
          </Link>
        </li>
      </ul>
      <LiveConsole {...loaderData} base={base} />
    </>
  );
}
