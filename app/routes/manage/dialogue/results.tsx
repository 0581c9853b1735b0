import { Link, redirect } from "react-router";
import type { Route } from "./+types/results";
import { challengesLinkedTo } from "../../../../core/challenges/queries.ts";
import { ServesChallenges } from "../../../components/challenges/ServesChallenges.tsx";
import { controlSession } from "../../../../core/dialogue/controlSession.ts";
import { dialoguePolicy } from "../../../../core/dialogue/policy.ts";
import { sessionResults } from "../../../../core/dialogue/queries.ts";
import { sessionDate } from "../../../../core/dialogue/resultsText.ts";
import { SessionResults } from "../../../components/dialogue/SessionResults.tsx";
import { Notice, PostForm, SubmitButton } from "../../../components/form.tsx";
import { intent } from "../../../lib/form.server.ts";
import { useT } from "../../../lib/i18n.ts";
import {
  getRequestInfo,
  getServices,
  notFound,
  refused,
  requestT,
  requireRegion,
} from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    dialoguePolicy.viewSessions,
  );
  const results = await sessionResults(scope, params.id);
  if (!results) notFound(context);
  const { shareToken } = results.session;
  const share = new URL(request.url).searchParams.get("share");
  return {
    base: `/manage/${region.slug}/dialogue/${results.session.id}`,
    results,
    date: sessionDate(results.session.createdAt, getRequestInfo(context).locale),
    shareUrl: shareToken ? `${getServices(context).config.publicUrl}/s/${shareToken}` : null,
    changed: share === "on" || share === "off" ? share : null,
    challenges: await challengesLinkedTo(scope, "session", results.session.id),
    manage: `/manage/${region.slug}`,
    pageTitle: requestT(context)("dialogueResults.title", { title: results.session.title }),
  };
}

/** Turns the shared link on or off; turning it off removes the token, so the old link stops. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    dialoguePolicy.controlSession,
  );
  const cmd = intent(await request.formData());
  // Anything but the two buttons is a command the intent refuses, after it found the session:
  // another region's session answers 404 whatever was posted.
  const result = await controlSession(
    scope,
    params.id,
    cmd === "shareOn" || cmd === "shareOff" ? { cmd: "share", on: cmd === "shareOn" } : {},
  );
  if (!result.ok) return refused(context, result);
  // The closing page on the phones of an ended session links to the shared results at once.
  await getServices(context).live.refresh(params.id);
  return redirect(
    `/manage/${region.slug}/dialogue/${params.id}/results?share=${cmd === "shareOn" ? "on" : "off"}`,
  );
}

export default function Results({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { base, results, date, shareUrl, changed } = loaderData;
  return (
    <>
      <p className="utrecht-paragraph lr-breadcrumb">
        <Link className="utrecht-link" to={base}>
          {t("dialogueResults.console")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">
        {t("dialogueResults.title", { title: results.session.title })}
      </h1>
      <p className="utrecht-paragraph">{t("dialogueResults.intro")}</p>
      {results.session.anonymisedAt ? (
        <Notice kind="info">{t("dialogueResults.anonymised")}</Notice>
      ) : null}
      {changed ? (
        <Notice>
          {changed === "on" ? t("dialogueResults.shareStarted") : t("dialogueResults.shareStopped")}
        </Notice>
      ) : null}
      <ServesChallenges base={loaderData.manage} challenges={loaderData.challenges} />
      {/* A draft lesson from the session's first answered open question, its origin kept. */}
      <PostForm action={`${loaderData.manage}/knowledge/draft`} className="lr-no-print">
        <input type="hidden" name="from" value="session" />
        <input type="hidden" name="sessionId" value={results.session.id} />
        <SubmitButton kind="secondary">{t("knowledge.drafts.fromSession")}</SubmitButton>
      </PostForm>
      <section aria-labelledby="downloads" className="lr-section">
        <h2 className="utrecht-heading-2" id="downloads">
          {t("dialogueResults.downloads")}
        </h2>
        <ul className="utrecht-unordered-list">
          <li className="utrecht-unordered-list__item">
            <a className="utrecht-link" href={`${base}/results.csv`} download>
              {t("dialogueResults.downloadCsv")}
            </a>
          </li>
          <li className="utrecht-unordered-list__item">
            <a className="utrecht-link" href={`${base}/results.xlsx`} download>
              {t("dialogueResults.downloadXlsx")}
            </a>
          </li>
          <li className="utrecht-unordered-list__item">
            <a className="utrecht-link" href={`${base}/results.docx`} download>
              {t("dialogueResults.downloadDocx")}
            </a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="share" className="lr-section">
        <h2 className="utrecht-heading-2" id="share">
          {t("dialogueResults.shareTitle")}
        </h2>
        {shareUrl ? (
          <>
            <p className="utrecht-paragraph">{t("dialogueResults.shareOn")}</p>
            <p className="utrecht-paragraph lr-share-link">
              <a className="utrecht-link" href={shareUrl}>
                {shareUrl}
              </a>
            </p>
            <PostForm>
              <SubmitButton name="_intent" value="shareOff" kind="secondary">
                {t("dialogueResults.shareStop")}
              </SubmitButton>
            </PostForm>
          </>
        ) : (
          <>
            <p className="utrecht-paragraph">{t("dialogueResults.shareOff")}</p>
            <PostForm>
              <SubmitButton name="_intent" value="shareOn" kind="secondary">
                {t("dialogueResults.shareStart")}
              </SubmitButton>
            </PostForm>
          </>
        )}
      </section>
      <SessionResults results={results} date={date} />
    </>
  );
}
