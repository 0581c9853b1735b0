import { Link, redirect } from "react-router";
import type { Route } from "./+types/publication";
import { harvestPolicy } from "../../../../core/harvest/policy.ts";
import { publicationModel } from "../../../../core/harvest/publication.ts";
import {
  setPublicationPublic,
  unreviewedThemes,
} from "../../../../core/harvest/setPublicationPublic.ts";
import { setThemeSummary } from "../../../../core/harvest/themes/setThemeSummary.ts";
import { unselectQuote } from "../../../../core/harvest/themes/unselectQuote.ts";
import { updatePublicationText } from "../../../../core/harvest/updatePublicationText.ts";
import {
  figureCharts,
  publicationDate,
  themeSectorChart,
} from "../../../../core/harvest/publicationText.ts";
import { isLocale, type Message } from "../../../../i18n/index.ts";
import {
  CheckboxField,
  Field,
  FormError,
  Notice,
  PostForm,
  SubmitButton,
  useFieldErrors,
} from "../../../components/form.tsx";
import { PublicationView } from "../../../components/harvest/PublicationView.tsx";
import { formObject, intent } from "../../../lib/form.server.ts";
import { useMessage, useT } from "../../../lib/i18n.ts";
import {
  getRequestInfo,
  getServices,
  notFound,
  refusedChange,
  requestT,
  requireRegion,
} from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }];
}

const DONE = ["saved", "published", "unpublished"] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    harvestPolicy.manage,
  );
  const url = new URL(request.url);
  const asked = url.searchParams.get("lang");
  // The organiser reads the preview in their own language (the page around it is in it too);
  // the public page and the downloads speak the language chosen for them.
  const lang = isLocale(asked) ? asked : getRequestInfo(context).locale;
  const model = await publicationModel(scope, params.id, lang);
  if (!model) notFound(context);
  const done = url.searchParams.get("done");
  const base = `/manage/${region.slug}/harvest/${model.harvest.id}`;
  return {
    base,
    publicUrl: model.harvest.publicationPublic
      ? `${getServices(context).config.publicUrl}/r/${region.slug}/publication/${model.harvest.slug}`
      : null,
    // The appendix can hold thousands of contributions: the downloads carry it, the page not.
    model: { ...model, appendix: [] },
    charts: figureCharts(model),
    themeCharts: model.themes.map((_, i) => themeSectorChart(model, i)),
    date: publicationDate(model.date, model.lang),
    done: DONE.find((d) => d === done) ?? null,
    unreviewed: model.harvest.publicationPublic
      ? []
      : await unreviewedThemes(scope.db, model.harvest.id),
    pageTitle: requestT(context)("publication.pageTitle", { title: model.title }),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    harvestPolicy.manage,
  );
  const form = await request.formData();
  const cmd = intent(form);
  const sent = formObject(form);
  const back = (done: (typeof DONE)[number], hash = "") =>
    redirect(`/manage/${region.slug}/harvest/${params.id}/publication?done=${done}${hash}`);
  switch (cmd) {
    case "texts": {
      const r = await updatePublicationText(scope, params.id, sent);
      return r.ok ? back("saved") : refusedChange(context, r, cmd, sent);
    }
    case "summary": {
      const r = await setThemeSummary(scope, params.id, sent);
      return r.ok
        ? back("saved", `#theme-${r.value.themeId}`)
        : refusedChange(context, r, cmd, sent);
    }
    case "unquote": {
      const r = await unselectQuote(scope, params.id, sent);
      return r.ok ? back("saved") : refusedChange(context, r, cmd, sent);
    }
    case "publish":
    case "unpublish": {
      const r = await setPublicationPublic(scope, params.id, cmd === "publish", {
        confirmUnreviewed: sent.confirmUnreviewed === "on",
      });
      return r.ok
        ? back(cmd === "publish" ? "published" : "unpublished")
        : refusedChange(context, r, cmd, sent);
    }
    default:
      notFound(context);
  }
}

/** The summary of one theme; several on a page, so its id carries the theme's. */
function SummaryField({
  themeId,
  label,
  description,
  defaultValue,
  error,
}: {
  themeId: string;
  label: string;
  description: string;
  defaultValue: string;
  error?: Message;
}) {
  const message = useMessage();
  const id = `summary-${themeId}`;
  return (
    <div
      className={`utrecht-form-field utrecht-form-field--text${error ? " utrecht-form-field--invalid" : ""}`}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      <div className="utrecht-form-field-description" id={`${id}-description`}>
        {description}
      </div>
      {error ? (
        <div className="utrecht-form-field-error-message" id={`${id}-error`}>
          {message(error)}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">
        <textarea
          id={id}
          name="summary"
          rows={6}
          maxLength={20_000}
          defaultValue={defaultValue}
          className={`utrecht-textarea utrecht-textarea--html-textarea${error ? " utrecht-textarea--invalid" : ""}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-description${error ? ` ${id}-error` : ""}`}
        />
      </div>
    </div>
  );
}

function DownloadLinks({ base }: { base: string }) {
  const t = useT();
  const items = [
    [`${base}/publication.docx?lang=nl`, t("publication.downloadDocx")],
    [`${base}/publication.docx?lang=en`, t("publication.downloadDocxEn")],
    [`${base}/publication.pdf?lang=nl`, t("publication.downloadPdf")],
    [`${base}/publication.pdf?lang=en`, t("publication.downloadPdfEn")],
  ];
  return (
    <ul className="utrecht-unordered-list">
      {items.map(([href, label]) => (
        <li className="utrecht-unordered-list__item" key={href}>
          <a className="utrecht-link" href={href} download>
            {label}
          </a>
        </li>
      ))}
    </ul>
  );
}

export default function Publication({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { base, model, charts, themeCharts, date, done, publicUrl } = loaderData;
  const { fieldErrors, error } = useFieldErrors(actionData);
  const sent = (actionData && "values" in actionData ? actionData.values : {}) as Record<
    string,
    string | string[] | undefined
  >;
  const failedIntent = actionData && "intent" in actionData ? actionData.intent : null;
  const sentText = (name: string, fallback: string, forIntent: string, themeId?: string) =>
    failedIntent === forIntent &&
    (!themeId || sent.themeId === themeId) &&
    typeof sent[name] === "string"
      ? (sent[name] as string)
      : fallback;
  const errorsFor = (forIntent: string, themeId?: string) =>
    failedIntent === forIntent && (!themeId || sent.themeId === themeId) ? fieldErrors : undefined;
  return (
    <>
      <p className="utrecht-paragraph lr-breadcrumb">
        <Link className="utrecht-link" to={base}>
          {t("publication.backToHarvest")}
        </Link>
        {" · "}
        <Link className="utrecht-link" to={`${base}/themes`}>
          {t("publication.toThemes")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("publication.pageTitle", { title: model.title })}</h1>
      <p className="utrecht-paragraph">{t("publication.intro")}</p>
      {done === "saved" ? <Notice>{t("publication.saved")}</Notice> : null}
      {done === "published" ? <Notice>{t("publication.published")}</Notice> : null}
      {done === "unpublished" ? <Notice>{t("publication.unpublished")}</Notice> : null}
      <FormError error={error} />

      <section className="lr-section" aria-labelledby="downloads">
        <h2 className="utrecht-heading-2" id="downloads">
          {t("publication.downloads")}
        </h2>
        <p className="utrecht-paragraph">{t("publication.downloadsHint")}</p>
        <DownloadLinks base={base} />
      </section>

      <section className="lr-section" aria-labelledby="publish">
        <h2 className="utrecht-heading-2" id="publish">
          {t("publication.publishTitle")}
        </h2>
        {publicUrl ? (
          <>
            <p className="utrecht-paragraph">{t("publication.isPublic")}</p>
            <p className="utrecht-paragraph lr-share-link">
              <a className="utrecht-link" href={publicUrl}>
                {publicUrl}
              </a>
            </p>
            <PostForm>
              <SubmitButton name="_intent" value="unpublish" kind="secondary">
                {t("publication.unpublish")}
              </SubmitButton>
            </PostForm>
          </>
        ) : (
          <>
            <p className="utrecht-paragraph">{t("publication.isPrivate")}</p>
            {loaderData.unreviewed.length > 0 ? (
              <div className="utrecht-alert utrecht-alert--warning">
                <h3 className="utrecht-heading-3" id="unreviewed">
                  {t("publication.unreviewedTitle")}
                </h3>
                <p className="utrecht-paragraph">{t("publication.unreviewedIntro")}</p>
                <ul className="utrecht-unordered-list">
                  {loaderData.unreviewed.map((th) => (
                    <li key={th.id}>
                      <Link className="utrecht-link" to={`${base}/themes#theme-${th.id}`}>
                        {th.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <PostForm>
              {loaderData.unreviewed.length > 0 ? (
                <CheckboxField
                  name="confirmUnreviewed"
                  label={t("publication.confirmUnreviewed")}
                  errors={errorsFor("publish")}
                />
              ) : null}
              <SubmitButton name="_intent" value="publish" kind="secondary">
                {t("publication.publish")}
              </SubmitButton>
            </PostForm>
          </>
        )}
      </section>

      <PostForm className="lr-section">
        <fieldset className="lr-section">
          <legend>{t("publication.texts")}</legend>
          <Field
            name="publicationTitle"
            label={t("publication.publicationTitle")}
            description={t("publication.publicationTitleHint")}
            maxLength={200}
            defaultValue={sentText("publicationTitle", model.title, "texts")}
            errors={errorsFor("texts")}
          />
          <Field
            name="introduction"
            label={t("publication.introductionField")}
            description={t("publication.introductionHint")}
            multiline
            rows={10}
            maxLength={20_000}
            defaultValue={sentText("introduction", model.introduction, "texts")}
            errors={errorsFor("texts")}
          />
          <SubmitButton name="_intent" value="texts">
            {t("publication.saveTexts")}
          </SubmitButton>
        </fieldset>
      </PostForm>

      <section className="lr-section" aria-labelledby="per-theme">
        <h2 className="utrecht-heading-2" id="per-theme">
          {t("publication.themeTexts")}
        </h2>
        {model.themes.length === 0 ? (
          <p className="utrecht-paragraph">{t("publication.noThemes")}</p>
        ) : null}
        {model.themes.map((theme) => (
          <section className="lr-pub-edit" key={theme.id} id={`theme-${theme.id}`}>
            <h3 className="utrecht-heading-3">{theme.label}</h3>
            <PostForm>
              <input type="hidden" name="themeId" value={theme.id} />
              <SummaryField
                themeId={theme.id}
                label={t("publication.summary", { theme: theme.label })}
                description={t("publication.introductionHint")}
                defaultValue={sentText("summary", theme.summary, "summary", theme.id)}
                error={errorsFor("summary", theme.id)?.summary}
              />
              <SubmitButton name="_intent" value="summary" kind="secondary">
                {t("publication.saveSummary")}
              </SubmitButton>
            </PostForm>
            <h4 className="utrecht-heading-4">{t("publication.selectedQuotes")}</h4>
            {theme.quotes.length === 0 ? (
              <p className="utrecht-paragraph">{t("publication.noQuotes")}</p>
            ) : (
              <ul className="lr-plain-list lr-pub-quotes">
                {theme.quotes.map((q) => (
                  <li key={q.id}>
                    <blockquote className="lr-pub-quote">
                      <p className="utrecht-paragraph">{q.text}</p>
                    </blockquote>
                    <PostForm>
                      <input type="hidden" name="themeId" value={theme.id} />
                      <input type="hidden" name="contributionId" value={q.id} />
                      <button
                        type="submit"
                        name="_intent"
                        value="unquote"
                        className="utrecht-button utrecht-button--secondary-action"
                      >
                        {t("publication.remove")}
                        <span className="lr-visually-hidden">: {q.text.slice(0, 80)}</span>
                      </button>
                    </PostForm>
                  </li>
                ))}
              </ul>
            )}
            <p className="utrecht-paragraph">
              <Link className="utrecht-link" to={`${base}/publication/themes/${theme.id}`}>
                {t("publication.behind", { count: theme.count })}
              </Link>
            </p>
          </section>
        ))}
      </section>

      <section className="lr-section" aria-labelledby="preview">
        <h2 className="utrecht-heading-2" id="preview">
          {t("publication.preview")}
        </h2>
        <p className="utrecht-paragraph">{t("publication.previewIntro")}</p>
        <div className="lr-pub-preview">
          <PublicationView
            model={model}
            charts={charts}
            themeCharts={themeCharts}
            date={date}
            level={2}
            appendix={false}
            behindHref={(themeId) => `${base}/publication/themes/${themeId}`}
          />
        </div>
      </section>
    </>
  );
}
