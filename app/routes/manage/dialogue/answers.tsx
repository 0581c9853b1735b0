import { data, Link, redirect, useActionData, useSearchParams } from "react-router";
import type { Route } from "./+types/answers";
import { applyProposedThemes } from "../../../../core/dialogue/applyProposedThemes.ts";
import { clearThemes } from "../../../../core/dialogue/clearThemes.ts";
import { hideAnswer } from "../../../../core/dialogue/hideAnswer.ts";
import { mergeThemes } from "../../../../core/dialogue/mergeThemes.ts";
import { moveAnswer } from "../../../../core/dialogue/moveAnswer.ts";
import { dialoguePolicy } from "../../../../core/dialogue/policy.ts";
import { findOpenQuestion, listOpenAnswers } from "../../../../core/dialogue/queries.ts";
import { renameTheme } from "../../../../core/dialogue/renameTheme.ts";
import type { Result } from "../../../../core/kernel/result.ts";
import {
  FormError,
  Notice,
  PostForm,
  SubmitButton,
  useFieldErrors,
} from "../../../components/form.tsx";
import { formObject, intent } from "../../../lib/form.server.ts";
import { isOneOf, useT } from "../../../lib/i18n.ts";
import {
  AnswersTable,
  ThemeSection,
  ThemesOverview,
  type AnswerView,
  type ThemeView,
} from "./AnswerThemes.tsx";
import {
  getServices,
  refusedChange,
  refusedPage,
  requestT,
  requireRegion,
} from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

const DONE = ["proposed", "hidden", "shown", "moved", "renamed", "merged", "cleared"] as const;
type Done = (typeof DONE)[number];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    dialoguePolicy.moderateAnswers,
  );
  const found = await listOpenAnswers(scope, params.id, params.questionId);
  if (!found.ok) refusedPage(context, found);
  const { session, question, answers } = found.value;
  const lang = session.language;
  const byTheme = new Map<string | null, AnswerView[]>();
  for (const a of answers) {
    const list = byTheme.get(a.theme) ?? [];
    list.push({
      participantId: a.participantId,
      text: a.text,
      hidden: a.hidden,
      name: a.name,
    });
    byTheme.set(a.theme, list);
  }
  const view = (label: string, list: AnswerView[]): ThemeView => ({
    label,
    answers: list,
    visible: list.filter((a) => !a.hidden).length,
    hidden: list.filter((a) => a.hidden).length,
  });
  const themes = [...byTheme]
    .filter((e): e is [string, AnswerView[]] => e[0] !== null)
    .map(([label, list]) => view(label, list))
    .sort(
      (a, b) =>
        b.visible - a.visible ||
        b.answers.length - a.answers.length ||
        a.label.localeCompare(b.label),
    );
  const unthemed = byTheme.get(null);
  return {
    title: `${requestT(context)("dialogueThemes.title")} · ${session.title}`,
    region: { slug: region.slug },
    session: { id: session.id, title: session.title },
    prompt: question.prompt[lang],
    total: answers.length,
    themes,
    unthemed: unthemed ? view("", unthemed) : null,
  };
}

/** Every change is a plain form post; connected screens hear of it through the live hub. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    dialoguePolicy.moderateAnswers,
  );
  // Another region's session, an unknown question or one that is not open: 404, whatever was
  // posted (the intents find the question before they read the form).
  const { id: sessionId, questionId } = params;
  const form = await request.formData();
  const input = formObject(form);
  const kind = intent(form);
  const run = async (): Promise<Result<unknown> | null> => {
    switch (kind) {
      case "hide":
      case "show":
        return hideAnswer(scope, sessionId, questionId, {
          participantId: input.participantId,
          hidden: kind === "hide",
        });
      case "move": {
        const typed = typeof input.newTheme === "string" ? input.newTheme.trim() : "";
        return moveAnswer(scope, sessionId, questionId, {
          participantId: input.participantId,
          theme: typed || input.theme,
        });
      }
      case "rename":
        return renameTheme(scope, sessionId, questionId, input);
      case "merge":
        return mergeThemes(scope, sessionId, questionId, input);
      case "propose":
        return applyProposedThemes(scope, sessionId, questionId);
      case "clear":
        return clearThemes(scope, sessionId, questionId);
      default:
        return null;
    }
  };
  const result = await run();
  if (!result) {
    const found = await findOpenQuestion(scope, sessionId, questionId);
    if (!found.ok) refusedPage(context, found);
    throw data({ message: requestT(context)("errors.badRequest") }, { status: 400 });
  }
  if (!result.ok) return refusedChange(context, result, kind, null);
  await getServices(context).live.reloadAnswers(sessionId);
  const done: Record<string, Done> = {
    hide: "hidden",
    show: "shown",
    move: "moved",
    rename: "renamed",
    merge: "merged",
    propose: "proposed",
    clear: "cleared",
  };
  return redirect(
    `/manage/${region.slug}/dialogue/${sessionId}/answers/${questionId}?done=${done[kind]}`,
  );
}

export default function Answers({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const { fieldErrors, error } = useFieldErrors(actionData);
  const [params] = useSearchParams();
  const { region, session, prompt, total, themes, unthemed } = loaderData;
  const done = params.get("done");
  const labels = themes.map((th) => th.label);
  const firstFieldError = fieldErrors ? Object.values(fieldErrors)[0] : undefined;
  return (
    <>
      <h1 className="utrecht-heading-1">{t("dialogueThemes.title")}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{prompt}</p>
      <p className="utrecht-paragraph">{t("dialogueThemes.intro")}</p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/manage/${region.slug}/dialogue/${session.id}`}>
          {t("dialogueThemes.back")}
        </Link>
      </p>
      {isOneOf(DONE, done) && !actionData ? (
        <Notice>{t(`dialogueThemes.done.${done}`)}</Notice>
      ) : null}
      <FormError error={firstFieldError ?? error} />
      {total === 0 ? (
        <p className="utrecht-paragraph">{t("dialogueThemes.none")}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">{t("dialogueThemes.proposeHint")}</p>
          <div className="lr-actions">
            <PostForm>
              <SubmitButton name="_intent" value="propose">
                {t("dialogueThemes.propose")}
              </SubmitButton>
            </PostForm>
            {themes.length > 0 ? (
              <PostForm>
                <SubmitButton name="_intent" value="clear" kind="danger">
                  {t("dialogueThemes.clear")}
                </SubmitButton>
              </PostForm>
            ) : null}
          </div>

          <ThemesOverview themes={[...themes, ...(unthemed ? [unthemed] : [])]} />

          {unthemed ? (
            <section aria-labelledby="unthemed" className="lr-section">
              <h2 className="utrecht-heading-2" id="unthemed">
                {t("dialogueThemes.unthemed")}
              </h2>
              <p className="utrecht-paragraph">
                {t("dialogueThemes.counts", { visible: unthemed.visible, hidden: unthemed.hidden })}
              </p>
              <AnswersTable
                theme={unthemed}
                caption={t("dialogueThemes.caption", { theme: t("dialogueThemes.unthemed") })}
                labels={labels}
              />
            </section>
          ) : null}

          {themes.map((th, i) => (
            <ThemeSection key={th.label} theme={th} index={i} labels={labels} />
          ))}
        </>
      )}
    </>
  );
}
