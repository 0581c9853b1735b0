import { data, redirect } from "react-router";
import type { Route } from "./+types/console";
import { aggregateWithSectors } from "../../../../core/dialogue/aggregate.ts";
import { controlSession } from "../../../../core/dialogue/controlSession.ts";
import { formatJoinCode } from "../../../../core/dialogue/joinCode.ts";
import { answersOf, findSession, stateOf } from "../../../../core/dialogue/queries.ts";
import { Notice, PostForm, SubmitButton } from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { intent } from "../../../lib/form.server.ts";
import { useT } from "../../../lib/i18n.ts";
import { getServices, notFound, requireRegion } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.session.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, "facilitator");
  const session = await findSession(scope, params.id);
  if (!session) notFound(context);
  const state = stateOf(session);
  const rows = await answersOf(scope.db, session.id, state.question.id);
  const results = aggregateWithSectors(state.question, rows, session.language);
  const open =
    state.question.kind === "open"
      ? rows.map((r) => ({ text: String(r.value), hidden: r.hidden }))
      : [];
  return {
    region,
    session: {
      id: session.id,
      title: session.title,
      status: session.status,
      code: formatJoinCode(session.joinCode),
      rawCode: session.joinCode,
    },
    joinUrl: `${getServices(context).config.publicUrl}/live`,
    state,
    results,
    open,
  };
}

const COMMANDS = new Set(["previous", "next", "open", "close", "show", "hide", "end"]);

/** Every control is a plain form post; the live hub then tells connected clients. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, "facilitator");
  // Another region's session answers 404 whatever was posted, before the command is read.
  if (!(await findSession(scope, params.id))) notFound(context);
  const cmd = intent(await request.formData());
  if (!COMMANDS.has(cmd)) return data({ ok: false as const }, { status: 400 });
  const result = await controlSession(scope, params.id, { cmd });
  if (!result.ok) {
    if (result.error.key === "errors.notFound") notFound(context);
    return data({ ok: false as const }, { status: 400 });
  }
  await getServices(context).live.refresh(params.id);
  return redirect(`/manage/${region.slug}/dialogue/${params.id}`);
}

function Control({
  cmd,
  label,
  kind = "secondary",
}: {
  cmd: string;
  label: string;
  kind?: "primary" | "secondary" | "danger";
}) {
  return (
    <PostForm>
      <SubmitButton name="_intent" value={cmd} kind={kind}>
        {label}
      </SubmitButton>
    </PostForm>
  );
}

export default function Console({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { session, state, results, joinUrl, open } = loaderData;
  const lang = state.language;
  const figures = Object.entries(results.all).filter(
    ([k, v]) => k !== "kind" && (typeof v === "number" || typeof v === "string"),
  );
  const counts = "counts" in results.all ? Object.entries(results.all.counts) : [];
  return (
    <>
      <h1 className="utrecht-heading-1">{session.title}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">
        {t("dialogue.joinAt", { url: joinUrl })} <strong>{session.code}</strong>
      </p>
      <section aria-labelledby="current" className="lr-section">
        <p className="utrecht-paragraph">
          {state.theme.title[lang]} ·{" "}
          {t("dialogue.question", { index: state.index + 1, total: state.total })} ·{" "}
          {state.question.audience === "group" ? t("dialogue.forGroup") : t("dialogue.forYou")}
        </p>
        <h2 className="utrecht-heading-2" id="current">
          {state.question.prompt[lang]}
        </h2>
        <Notice kind="info">
          {state.answeringOpen ? t("dialogue.answeringOpen") : t("dialogue.answeringClosed")}
        </Notice>
        <div className="lr-actions">
          <Control cmd="previous" label={t("dialogue.previous")} />
          {state.answeringOpen ? (
            <Control cmd="close" label={t("dialogue.closeAnswering")} kind="primary" />
          ) : (
            <Control cmd="open" label={t("dialogue.openAnswering")} kind="primary" />
          )}
          {state.resultsVisible ? (
            <Control cmd="hide" label={t("dialogue.hideResults")} />
          ) : (
            <Control cmd="show" label={t("dialogue.showResults")} />
          )}
          <Control cmd="next" label={t("dialogue.next")} />
          {session.status === "open" ? (
            <Control cmd="end" label={t("dialogue.end")} kind="danger" />
          ) : null}
        </div>
      </section>
      <section aria-labelledby="results" className="lr-section">
        <h2 className="utrecht-heading-2" id="results">
          {t("dialogue.answers", { count: results.all.count })}
        </h2>
        {figures.length > 0 || counts.length > 0 ? (
          <DataTable
            caption={state.question.prompt[lang]}
            hideCaption
            columns={[
              t("dialogue.yourAnswer"),
              { label: t("dialogue.answers", { count: "" }).trim(), numeric: true },
            ]}
          >
            {[...counts, ...figures].map(([k, v]) => (
              <Row key={k}>
                <RowHeader>
                  {"options" in state.question
                    ? (state.question.options.find((o) => o.id === k)?.label[lang] ?? k)
                    : k}
                </RowHeader>
                <Cell numeric>{String(v)}</Cell>
              </Row>
            ))}
          </DataTable>
        ) : null}
        {open.length > 0 ? (
          <ul className="utrecht-unordered-list">
            {open
              .filter((a) => !a.hidden)
              .map((a, i) => (
                <li className="utrecht-unordered-list__item" key={i}>
                  {a.text}
                </li>
              ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}
