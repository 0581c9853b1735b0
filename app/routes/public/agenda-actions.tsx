import { Link, redirect } from "react-router";
import type { Route } from "./+types/agenda-actions";
import { publicAgenda, type PublicAction } from "../../../core/actions/publicAgenda.ts";
import { expressInterest } from "../../../core/coalitions/expressInterest.ts";
import { mayRegister } from "../../../core/events/registrationLimiter.ts";
import { isId } from "../../../core/kernel/validate.ts";
import { periodText } from "../../components/actions/ActionFields.tsx";
import { MemberFields } from "../../components/actions/CoalitionFields.tsx";
import {
  CheckboxField,
  FormError,
  Notice,
  PostForm,
  SubmitButton,
  useFieldErrors,
} from "../../components/form.tsx";
import { TextParagraphs } from "../../components/harvest/PublicationView.tsx";
import { formObject } from "../../lib/form.server.ts";
import { formatDate, formatDateTime } from "../../lib/format.ts";
import { useLocale, useT } from "../../lib/i18n.ts";
import { rateLimited } from "../../../core/kernel/result.ts";
import {
  getRequestInfo,
  getServices,
  notFound,
  refused,
  requestT,
} from "../../lib/request.server.ts";
import { Shell } from "../../root.tsx";
import { RegionBrand, regionThemeStyle } from "../manage/layout.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }];
}

/** The region's public action agenda; 404 while the region published none. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const agenda = await publicAgenda(getServices(context).db, params.slug);
  if (!agenda) notFound(context);
  const url = new URL(request.url);
  const join = url.searchParams.get("join");
  return {
    ...agenda,
    join: isId(join) ? join : null,
    thanks: url.searchParams.has("thanks"),
    pageTitle: requestT(context)("actions.publicTitle", { region: agenda.region.name }),
  };
}

const first = (v: unknown) => (typeof v === "string" ? v : "");

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db, registrationLimiter } = getServices(context);
  const agenda = await publicAgenda(db, params.slug);
  if (!agenda) notFound(context);
  const { clientAddress } = getRequestInfo(context);
  const sent = formObject(await request.formData());
  // Shown again after an error; the honeypot and consent are not.
  const values = {
    coalitionId: first(sent.coalitionId).slice(0, 40),
    name: first(sent.name).slice(0, 300),
    email: first(sent.email).slice(0, 300),
    organisation: first(sent.organisation).slice(0, 300),
    sector: first(sent.sector).slice(0, 40),
    perspective: first(sent.perspective).slice(0, 40),
    note: first(sent.note).slice(0, 3000),
  };
  if (!(await mayRegister(registrationLimiter, clientAddress, sent.email)))
    return refused(context, rateLimited("actions.tooManyAttempts"), { values });
  const r = await expressInterest(db, agenda.region.id, sent);
  if (!r.ok) return refused(context, r, { values });
  return redirect(`/r/${agenda.region.slug}/agenda/actions?thanks#top`);
}

export function headers() {
  return { "Cache-Control": "no-store" };
}

function JoinForm({
  coalition,
  values,
  fieldErrors,
}: {
  coalition: { id: string; title: string };
  values: Record<string, string> | undefined;
  fieldErrors: ReturnType<typeof useFieldErrors>["fieldErrors"];
}) {
  const t = useT();
  return (
    <PostForm className="lr-join" id="join" aria-labelledby="join-title">
      <h4 className="utrecht-heading-4" id="join-title">
        {t("actions.joinIn", { coalition: coalition.title })}
      </h4>
      <p className="utrecht-paragraph">{t("actions.joinIntro")}</p>
      <input type="hidden" name="coalitionId" value={coalition.id} />
      <MemberFields
        values={values}
        errors={fieldErrors}
        labels={{
          name: t("actions.name"),
          email: t("actions.email"),
          organisation: t("actions.organisation"),
          sector: t("actions.sector"),
          perspective: t("actions.perspective"),
          note: t("actions.noteField"),
          noChoice: t("actions.noChoice"),
        }}
      />
      {/* The honeypot: hidden from people and from assistive technology, filled in by bots. */}
      <div className="lr-honeypot" aria-hidden="true">
        <label htmlFor="field-website">{t("actions.website")}</label>
        <input type="text" id="field-website" name="website" tabIndex={-1} autoComplete="off" />
      </div>
      <CheckboxField name="consent" label={t("actions.consent")} required errors={fieldErrors} />
      <SubmitButton>{t("actions.send")}</SubmitButton>
    </PostForm>
  );
}

function ActionItem({
  action: a,
  slug,
  join,
  values,
  fieldErrors,
}: {
  action: PublicAction;
  slug: string;
  join: string | null;
  values: Record<string, string> | undefined;
  fieldErrors: ReturnType<typeof useFieldErrors>["fieldErrors"];
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <article className="lr-agenda-action" id={`action-${a.id}`} aria-labelledby={`title-${a.id}`}>
      <h3 className="utrecht-heading-3" id={`title-${a.id}`}>
        {a.title}
      </h3>
      <dl className="lr-facts">
        <div>
          <dt>{t("actions.status")}</dt>
          <dd>{t(`actions.statuses.${a.status}`)}</dd>
        </div>
        <div>
          <dt>{t("actions.columns.period")}</dt>
          <dd>{periodText(t, a.startsOn, a.endsOn, (iso) => formatDate(iso, locale))}</dd>
        </div>
        {a.ownerOrganisation ? (
          <div>
            <dt>{t("actions.owner")}</dt>
            <dd>{a.ownerOrganisation}</dd>
          </div>
        ) : null}
        {a.partners ? (
          <div>
            <dt>{t("actions.partners")}</dt>
            <dd className="lr-pub-text">{a.partners}</dd>
          </div>
        ) : null}
      </dl>
      {a.goal ? (
        <>
          <h4 className="utrecht-heading-4">{t("actions.goal")}</h4>
          <TextParagraphs text={a.goal} />
        </>
      ) : null}
      {a.progress.length > 0 ? (
        <>
          <h4 className="utrecht-heading-4">{t("actions.progress")}</h4>
          <ul className="lr-plain-list lr-progress">
            {a.progress.map((p, i) => (
              <li key={i}>
                <p className="utrecht-paragraph lr-muted">{formatDateTime(p.createdAt, locale)}</p>
                <p className="utrecht-paragraph lr-pub-text">{p.note}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h4 className="utrecht-heading-4">{t("actions.coalitions")}</h4>
      {a.coalitions.length === 0 ? (
        <p className="utrecht-paragraph">{t("actions.noCoalitionYet")}</p>
      ) : null}
      {a.coalitions.map((c) => {
        const missing = [
          ...c.mix.missingSectors.map((s) => t(`sectors.${s}`)),
          ...c.mix.missingPerspectives.map((p) => t(`perspectives.${p}`)),
        ];
        return (
          <section className="lr-agenda-coalition" key={c.id} aria-label={c.title}>
            <p className="utrecht-paragraph">
              <strong>{c.title}</strong>
            </p>
            {c.leadName || c.leadOrganisation ? (
              <p className="utrecht-paragraph">
                {t("actions.lead")}: {[c.leadName, c.leadOrganisation].filter(Boolean).join(", ")}
              </p>
            ) : null}
            {c.wayOfWorking ? (
              <>
                <p className="utrecht-paragraph">{t("actions.wayOfWorking")}:</p>
                <TextParagraphs text={c.wayOfWorking} />
              </>
            ) : null}
            <p className="utrecht-paragraph">
              {missing.length > 0
                ? t("actions.lookingFor", { list: missing.join(", ") })
                : t("actions.complete")}
            </p>
            {join === c.id ? (
              <JoinForm coalition={c} values={values} fieldErrors={fieldErrors} />
            ) : (
              <p className="utrecht-paragraph">
                <Link
                  className="utrecht-link"
                  to={`/r/${slug}/agenda/actions?join=${c.id}#join`}
                  aria-label={t("actions.joinIn", { coalition: c.title })}
                >
                  {t("actions.join")}
                </Link>
              </p>
            )}
          </section>
        );
      })}
    </article>
  );
}

export default function PublicActionAgenda({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { region, harvests, join, thanks } = loaderData;
  const { fieldErrors, error } = useFieldErrors(actionData);
  const values =
    actionData && "values" in actionData
      ? (actionData.values as Record<string, string>)
      : undefined;
  const open = values?.coalitionId && isId(values.coalitionId) ? values.coalitionId : join;
  // A coalition may work on several actions: its form appears once, under the first of them.
  const joinAt = harvests
    .flatMap((h) => h.actions)
    .find((a) => a.coalitions.some((c) => c.id === open))?.id;
  return (
    <div style={regionThemeStyle(region.primaryColor)}>
      <Shell brand={<RegionBrand region={region} />}>
        <h1 className="utrecht-heading-1" id="top">
          {t("actions.publicTitle", { region: region.name })}
        </h1>
        <p className="utrecht-paragraph">{t("actions.publicIntro")}</p>
        {thanks ? <Notice>{t("actions.thanks")}</Notice> : null}
        <FormError error={error} />
        {harvests.map((h) => (
          <section className="lr-section" key={h.slug} aria-labelledby={`harvest-${h.slug}`}>
            <h2 className="utrecht-heading-2" id={`harvest-${h.slug}`}>
              {t("actions.fromHarvest", { harvest: h.title })}
            </h2>
            {h.publicationPublic ? (
              <p className="utrecht-paragraph">
                <Link className="utrecht-link" to={`/r/${region.slug}/publication/${h.slug}`}>
                  {t("actions.readPublication")}
                </Link>
              </p>
            ) : null}
            {h.actions.length === 0 ? (
              <p className="utrecht-paragraph">{t("actions.none")}</p>
            ) : null}
            {h.actions.map((a) => (
              <ActionItem
                key={a.id}
                action={a}
                slug={region.slug}
                join={a.id === joinAt ? open : null}
                values={values}
                fieldErrors={fieldErrors}
              />
            ))}
          </section>
        ))}
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={`/r/${region.slug}`}>
            {region.name}
          </Link>
        </p>
      </Shell>
    </div>
  );
}
