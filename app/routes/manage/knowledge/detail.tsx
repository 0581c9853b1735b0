import { Link, redirect } from "react-router";
import type { Route } from "./+types/detail";
import { may } from "../../../../core/kernel/scope.ts";
import { recordAdoptionResult } from "../../../../core/knowledge/adoptions.ts";
import { deleteEntry, setEntryStatus, setSharing } from "../../../../core/knowledge/entries.ts";
import {
  addAuthor,
  addEvidence,
  removeAuthor,
  removeEvidence,
  setAuthorConsent,
} from "../../../../core/knowledge/evidence.ts";
import { renderMarkdown } from "../../../../core/knowledge/markdown.ts";
import { knowledgePolicy } from "../../../../core/knowledge/policy.ts";
import { publicEntryPath } from "../../../../core/knowledge/publish.ts";
import { similarEntries } from "../../../../core/knowledge/search.ts";
import {
  authorOptions,
  entryView,
  evidenceOptions,
  sharingOptions,
} from "../../../../core/knowledge/queries.ts";
import { EVIDENCE_KINDS, OUTCOMES, VISIBILITIES } from "../../../../core/knowledge/schema.ts";
import { formatDate } from "../../../../core/kernel/time.ts";
import {
  CheckboxField,
  CheckboxGroup,
  Field,
  FieldIds,
  FormError,
  Notice,
  PostForm,
  SelectField,
  SubmitButton,
  useFieldErrors,
  useTranslatedOptions,
} from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { formObject, intent } from "../../../lib/form.server.ts";
import { SimilarEntries } from "../../../components/knowledgeSearch/SimilarEntries.tsx";
import { isOneOf, useT } from "../../../lib/i18n.ts";
import {
  getRequestInfo,
  getServices,
  notFound,
  refusedChange,
  requireRegion,
} from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.view.entry.title }];
}

const DONE = [
  "created",
  "saved",
  "published",
  "unpublished",
  "shared",
  "evidence",
  "authors",
  "adopted",
  "result",
  "drafted",
] as const;

/**
 * An entry as the region sees it: its own with every form, or another region's shared one
 * read-only (entryView reads through visibleTo; the forms' intents go through the guard, which
 * answers "not found" for another region's entry whatever is posted).
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    knowledgePolicy.view,
  );
  const view = await entryView(scope, params.id);
  if (!view) notFound(context);
  const { locale } = getRequestInfo(context);
  const editable = view.editable;
  const [evidence, people, sharing, similar] = await Promise.all([
    editable ? evidenceOptions(scope) : null,
    editable ? authorOptions(scope) : null,
    editable ? sharingOptions(scope) : null,
    similarEntries(scope.db, { regionId: scope.regionId }, view.entry.id),
  ]);
  const done = new URL(request.url).searchParams.get("done");
  const e = view.entry;
  return {
    base: `/manage/${region.slug}`,
    view: {
      ...view,
      adoptions: view.adoptions.map((a) => ({ ...a, date: formatDate(a.adoptedOn, locale) })),
    },
    html: renderMarkdown(e.body_md),
    evidence,
    people,
    sharing,
    similar,
    canDelete: view.own && may(scope, knowledgePolicy.deleteEntry),
    publicUrl:
      e.status === "published" && e.visibility === "public"
        ? `${getServices(context).config.publicUrl}${publicEntryPath(view.entry.region_slug, e.slug)}`
        : null,
    done: isOneOf(DONE, done) ? done : null,
  };
}

const text = (v: string | string[] | undefined) => (typeof v === "string" ? v.trim() : "");

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    knowledgePolicy.view,
  );
  const form = await request.formData();
  const cmd = intent(form);
  const sent = formObject(form);
  const here = `/manage/${region.slug}/knowledge/${params.id}`;
  const back = (done: (typeof DONE)[number], hash: string) =>
    redirect(`${here}?done=${done}#${hash}`);
  const id = params.id;
  switch (cmd) {
    case "publish":
    case "unpublish": {
      const r = await setEntryStatus(scope, id, cmd === "publish" ? "published" : "draft");
      return r.ok
        ? back(cmd === "publish" ? "published" : "unpublished", "status")
        : refusedChange(context, r, cmd, {});
    }
    case "share": {
      const r = await setSharing(scope, id, sent);
      return r.ok ? back("shared", "sharing") : refusedChange(context, r, cmd, sent);
    }
    case "addEvidence": {
      // One select holds "kind:id" for every kind, so the page needs one field only.
      const [kind = "", target = ""] = text(sent.target).split(":");
      const r = await addEvidence(scope, id, { kind, id: target, note: text(sent.note) });
      return r.ok ? back("evidence", "evidence") : refusedChange(context, r, cmd, sent);
    }
    case "removeEvidence": {
      const r = await removeEvidence(scope, id, sent.evidenceId);
      return r.ok ? back("evidence", "evidence") : refusedChange(context, r, cmd, {});
    }
    case "addAuthor": {
      const r = await addAuthor(scope, id, sent);
      return r.ok ? back("authors", "authors") : refusedChange(context, r, cmd, sent);
    }
    case "consent":
    case "withdrawConsent": {
      const r = await setAuthorConsent(scope, id, sent.personId, cmd === "consent");
      return r.ok ? back("authors", "authors") : refusedChange(context, r, cmd, {});
    }
    case "removeAuthor": {
      const r = await removeAuthor(scope, id, sent.personId);
      return r.ok ? back("authors", "authors") : refusedChange(context, r, cmd, {});
    }
    case "recordResult": {
      const r = await recordAdoptionResult(scope, sent.adoptionId, sent);
      return r.ok ? back("result", "adoptions") : refusedChange(context, r, cmd, sent);
    }
    case "delete": {
      const r = await deleteEntry(scope, id, { confirmed: sent.confirm === "on" });
      return r.ok
        ? redirect(`/manage/${region.slug}/knowledge?done=deleted`)
        : refusedChange(context, r, cmd, {});
    }
    default:
      notFound(context);
  }
}

type Loaded = Route.ComponentProps["loaderData"];

function Facts({ data }: { data: Loaded }) {
  const t = useT();
  const e = data.view.entry;
  const list = (items: string[]) =>
    items.length > 0 ? items.join(", ") : t("knowledge.detail.none");
  return (
    <dl className="lr-facts">
      <div>
        <dt>{t("knowledge.detail.region")}</dt>
        <dd>{e.region_name}</dd>
      </div>
      <div>
        <dt>{t("knowledge.detail.kind")}</dt>
        <dd>{t(`knowledge.kind.${e.kind}`)}</dd>
      </div>
      <div>
        <dt>{t("knowledge.detail.status")}</dt>
        <dd>{t(`knowledge.status.${e.status}`)}</dd>
      </div>
      {data.view.own && (
        <div>
          <dt>{t("knowledge.detail.visibility")}</dt>
          <dd>{t(`knowledge.visibility.${e.visibility}`)}</dd>
        </div>
      )}
      <div>
        <dt>{t("knowledge.fields.essentials")}</dt>
        <dd>{list(e.essentials.map((x) => t(`knowledge.essential.${x}` as never)))}</dd>
      </div>
      <div>
        <dt>{t("knowledge.fields.sectors")}</dt>
        <dd>{list(e.sectors.map((x) => t(`sectors.${x}` as never)))}</dd>
      </div>
      <div>
        <dt>{t("knowledge.fields.perspectives")}</dt>
        <dd>{list(e.perspectives.map((x) => t(`perspectives.${x}` as never)))}</dd>
      </div>
      <div>
        <dt>{t("knowledge.fields.ambitionLevels")}</dt>
        <dd>
          {list(e.ambition_levels.map((x) => `${x}. ${t(`challenges.ladder.${x}` as never)}`))}
        </dd>
      </div>
      <div>
        <dt>{t("knowledge.fields.phases")}</dt>
        <dd>{list(e.phases.map((x) => `${x}. ${t(`challenges.phase.${x}` as never)}`))}</dd>
      </div>
      {e.theme && (
        <div>
          <dt>{t("knowledge.fields.theme")}</dt>
          <dd>{e.theme}</dd>
        </div>
      )}
      <div>
        <dt>{t("knowledge.detail.licence")}</dt>
        <dd>{t(`knowledge.licence.${e.licence}` as never)}</dd>
      </div>
      <div>
        <dt>{t("knowledge.detail.language")}</dt>
        <dd>{t(`knowledge.language.${e.language}`)}</dd>
      </div>
      {e.citation && (
        <div>
          <dt>{t("knowledge.detail.citation")}</dt>
          <dd>
            {e.citation}
            {e.source_url && (
              <>
                {" "}
                <a className="utrecht-link" href={e.source_url} rel="noopener noreferrer">
                  {e.source_url}
                </a>
              </>
            )}
          </dd>
        </div>
      )}
    </dl>
  );
}

function evidenceHref(base: string, kind: string, targetId: string, harvestId: string | null) {
  switch (kind) {
    case "challenge":
      return `${base}/challenges/${targetId}`;
    case "event":
      return `${base}/events/${targetId}`;
    case "session":
      return `${base}/dialogue/${targetId}/results`;
    case "harvest":
      return `${base}/harvest/${targetId}`;
    case "theme":
      return `${base}/harvest/${harvestId}/publication/themes/${targetId}`;
    default:
      return `${base}/actions/${targetId}`;
  }
}

function EvidenceSection({ data, actionData }: { data: Loaded; actionData: unknown }) {
  const t = useT();
  const { view, evidence, base } = data;
  const { fieldErrors } = useFieldErrors(
    (actionData as { intent?: string })?.intent === "addEvidence" ? actionData : undefined,
  );
  const kindLabel = (k: string) => t(`knowledge.evidenceKind.${k}` as never);
  return (
    <section aria-labelledby="evidence">
      <h2 className="utrecht-heading-2" id="evidence">
        {t("knowledge.evidence.title")}
      </h2>
      <p className="utrecht-paragraph">{t("knowledge.evidence.intro")}</p>
      {view.evidence.length === 0 ? (
        <p className="utrecht-paragraph">{t("knowledge.evidence.none")}</p>
      ) : (
        <ul className="utrecht-unordered-list">
          {view.evidence.map((ev) => (
            <li key={ev.id}>
              {kindLabel(ev.kind)}:{" "}
              {view.own ? (
                <Link
                  className="utrecht-link"
                  to={evidenceHref(base, ev.kind, ev.targetId, ev.harvestId)}
                >
                  {ev.title}
                </Link>
              ) : (
                ev.title
              )}
              {ev.note && <> — {ev.note}</>}
              {view.editable && (
                <PostForm className="lr-inline-form">
                  <input type="hidden" name="_intent" value="removeEvidence" />
                  <input type="hidden" name="evidenceId" value={ev.id} />
                  <button
                    type="submit"
                    className="utrecht-button utrecht-button--secondary-action"
                    aria-label={t("knowledge.evidence.removeLabel", { title: ev.title })}
                  >
                    {t("knowledge.evidence.remove")}
                  </button>
                </PostForm>
              )}
            </li>
          ))}
        </ul>
      )}
      {view.editable && evidence && (
        <FieldIds scope="evidence">
          <PostForm>
            <input type="hidden" name="_intent" value="addEvidence" />
            <div className="utrecht-form-field">
              <label className="utrecht-form-label" htmlFor="field-evidence-target">
                {t("knowledge.evidence.item")}
              </label>
              <select
                id="field-evidence-target"
                name="target"
                className="utrecht-select utrecht-select--html-select"
                required
                aria-invalid={fieldErrors?.id ? true : undefined}
              >
                <option value="">—</option>
                {EVIDENCE_KINDS.map((k) =>
                  evidence[k].length > 0 ? (
                    <optgroup key={k} label={kindLabel(k)}>
                      {evidence[k].map((o) => (
                        <option key={o.id} value={`${k}:${o.id}`}>
                          {o.title}
                        </option>
                      ))}
                    </optgroup>
                  ) : null,
                )}
              </select>
            </div>
            <Field
              name="note"
              label={t("knowledge.evidence.note")}
              errors={fieldErrors}
              maxLength={2000}
            />
            <SubmitButton kind="secondary">{t("knowledge.evidence.add")}</SubmitButton>
          </PostForm>
        </FieldIds>
      )}
    </section>
  );
}

function AuthorsSection({ data, actionData }: { data: Loaded; actionData: unknown }) {
  const t = useT();
  const { view, people } = data;
  const { fieldErrors } = useFieldErrors(
    (actionData as { intent?: string })?.intent === "addAuthor" ? actionData : undefined,
  );
  return (
    <section aria-labelledby="authors">
      <h2 className="utrecht-heading-2" id="authors">
        {t("knowledge.authors.title")}
      </h2>
      {view.authors.length === 0 ? (
        <p className="utrecht-paragraph">{t("knowledge.authors.none")}</p>
      ) : (
        <ul className="utrecht-unordered-list">
          {view.authors.map((a) => (
            <li key={a.personId}>
              {a.name}
              {view.own && (
                <>
                  {" "}
                  —{" "}
                  {a.consented
                    ? t("knowledge.authors.consented")
                    : t("knowledge.authors.noConsent")}
                </>
              )}
              {view.editable && (
                <>
                  <PostForm className="lr-inline-form">
                    <input
                      type="hidden"
                      name="_intent"
                      value={a.consented ? "withdrawConsent" : "consent"}
                    />
                    <input type="hidden" name="personId" value={a.personId} />
                    <SubmitButton kind="secondary">
                      {a.consented
                        ? t("knowledge.authors.withdrawConsent")
                        : t("knowledge.authors.giveConsent")}
                    </SubmitButton>
                  </PostForm>
                  <PostForm className="lr-inline-form">
                    <input type="hidden" name="_intent" value="removeAuthor" />
                    <input type="hidden" name="personId" value={a.personId} />
                    <button
                      type="submit"
                      className="utrecht-button utrecht-button--secondary-action"
                      aria-label={t("knowledge.authors.removeLabel", { name: a.name ?? "" })}
                    >
                      {t("knowledge.authors.remove")}
                    </button>
                  </PostForm>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {view.editable && people && people.length > 0 && (
        <FieldIds scope="author">
          <PostForm>
            <input type="hidden" name="_intent" value="addAuthor" />
            <SelectField
              name="personId"
              label={t("knowledge.authors.person")}
              options={people.map((p) => ({ value: p.id, label: p.name }))}
              errors={fieldErrors}
              required
            />
            <CheckboxField name="consent" label={t("knowledge.authors.consent")} />
            <SubmitButton kind="secondary">{t("knowledge.authors.add")}</SubmitButton>
          </PostForm>
        </FieldIds>
      )}
    </section>
  );
}

function SharingSection({ data, actionData }: { data: Loaded; actionData: unknown }) {
  const t = useT();
  const { view, sharing } = data;
  const visibilities = useTranslatedOptions("knowledge.visibility", VISIBILITIES);
  const { fieldErrors, error } = useFieldErrors(
    (actionData as { intent?: string })?.intent === "share" ? actionData : undefined,
  );
  if (!view.editable || !sharing) return null;
  const shared = (kind: "regionId" | "communityId") =>
    view.shares.map((s) => s[kind]).filter((x): x is string => x !== null);
  return (
    <section aria-labelledby="sharing">
      <h2 className="utrecht-heading-2" id="sharing">
        {t("knowledge.sharing.title")}
      </h2>
      <p className="utrecht-paragraph">{t("knowledge.sharing.intro")}</p>
      {view.shares.length > 0 && (
        <p className="utrecht-paragraph">
          {t("knowledge.sharing.sharedWith")}: {view.shares.map((s) => s.name).join(", ")}
        </p>
      )}
      <FormError error={error} />
      <FieldIds scope="share">
        <PostForm>
          <input type="hidden" name="_intent" value="share" />
          <SelectField
            name="visibility"
            label={t("knowledge.sharing.visibility")}
            options={visibilities}
            defaultValue={view.entry.visibility}
            errors={fieldErrors}
          />
          {sharing.communities.length > 0 ? (
            <CheckboxGroup
              name="communityIds"
              legend={t("knowledge.sharing.communities")}
              options={sharing.communities.map((c) => ({ value: c.id, label: c.name }))}
              defaultValues={shared("communityId")}
              errors={fieldErrors}
            />
          ) : (
            <p className="utrecht-paragraph">{t("knowledge.sharing.noCommunities")}</p>
          )}
          {sharing.regions.length > 0 && (
            <CheckboxGroup
              name="regionIds"
              legend={t("knowledge.sharing.regions")}
              options={sharing.regions.map((r) => ({ value: r.id, label: r.name }))}
              defaultValues={shared("regionId")}
              errors={fieldErrors}
            />
          )}
          <SubmitButton kind="secondary">{t("knowledge.sharing.save")}</SubmitButton>
        </PostForm>
      </FieldIds>
    </section>
  );
}

function AdoptionsSection({ data }: { data: Loaded }) {
  const t = useT();
  const { view } = data;
  const outcomes = useTranslatedOptions("knowledge.outcome", OUTCOMES);
  return (
    <section aria-labelledby="adoptions">
      <h2 className="utrecht-heading-2" id="adoptions">
        {t("knowledge.adoptions.title")}
      </h2>
      <p className="utrecht-paragraph">{t("knowledge.adoptions.intro")}</p>
      {view.adoptions.length === 0 ? (
        <p className="utrecht-paragraph">{t("knowledge.adoptions.none")}</p>
      ) : (
        <DataTable
          caption={t("knowledge.adoptions.title")}
          hideCaption
          columns={[
            t("knowledge.adoptions.region"),
            t("knowledge.adoptions.date"),
            t("knowledge.adoptions.tried"),
            t("knowledge.adoptions.outcome"),
            t("knowledge.adoptions.note"),
          ]}
        >
          {view.adoptions.map((a) => (
            <Row key={a.id}>
              <RowHeader>{a.regionName}</RowHeader>
              <Cell>{a.date}</Cell>
              <Cell>{a.tried}</Cell>
              <Cell>{t(`knowledge.outcome.${a.outcome}`)}</Cell>
              <Cell>{a.note}</Cell>
            </Row>
          ))}
        </DataTable>
      )}
      {view.adoptions
        .filter((a) => a.mine)
        .map((a) => (
          <FieldIds scope={`result-${a.id}`} key={a.id}>
            <PostForm>
              <h3 className="utrecht-heading-3">
                {t("knowledge.adoptions.recordLabel", { date: a.date })}
              </h3>
              <input type="hidden" name="_intent" value="recordResult" />
              <input type="hidden" name="adoptionId" value={a.id} />
              <SelectField
                name="outcome"
                label={t("knowledge.adoptions.outcome")}
                options={outcomes}
                defaultValue={a.outcome}
              />
              <Field
                name="note"
                label={t("knowledge.adoptions.note")}
                defaultValue={a.note}
                multiline
                rows={3}
                maxLength={2000}
              />
              <SubmitButton kind="secondary">{t("knowledge.adoptions.record")}</SubmitButton>
            </PostForm>
          </FieldIds>
        ))}
      {view.mayAdopt && (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={`${data.base}/knowledge/${view.entry.id}/adopt`}>
            {t("knowledge.adoptions.adopt")}
          </Link>
        </p>
      )}
    </section>
  );
}

export default function EntryPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const data = loaderData;
  const { view, base, done } = data;
  const e = view.entry;
  const { error } = useFieldErrors(actionData);
  return (
    <>
      <p className="utrecht-paragraph lr-breadcrumb lr-no-print">
        <Link className="utrecht-link" to={`${base}/knowledge`}>
          {t("knowledge.backToBase")}
        </Link>{" "}
        ·{" "}
        <Link className="utrecht-link" to={`${base}/communities`}>
          {t("knowledge.communitiesLink")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{e.title}</h1>
      {done && <Notice>{t(`knowledge.done.${done}`)}</Notice>}
      <FormError error={error} />
      {!view.own && (
        <Notice kind="info">{t("knowledge.detail.readOnly", { region: e.region_name })}</Notice>
      )}
      {e.shipped_key && <p className="utrecht-paragraph">{t("knowledge.detail.shipped")}</p>}
      {view.editable && (
        <div className="lr-actions lr-no-print" id="status">
          <Link
            className="utrecht-button-link utrecht-button-link--secondary-action"
            to={`${base}/knowledge/${e.id}/edit`}
          >
            {t("knowledge.edit")}
          </Link>
          <PostForm className="lr-inline-form">
            <input
              type="hidden"
              name="_intent"
              value={e.status === "published" ? "unpublish" : "publish"}
            />
            <SubmitButton kind={e.status === "published" ? "secondary" : "primary"}>
              {e.status === "published"
                ? t("knowledge.detail.unpublish")
                : t("knowledge.detail.publish")}
            </SubmitButton>
          </PostForm>
        </div>
      )}
      {data.publicUrl && (
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href={data.publicUrl}>
            {t("knowledge.detail.publicPage")}
          </a>
        </p>
      )}
      {e.summary && <p className="utrecht-paragraph lr-lead">{e.summary}</p>}
      {e.body_md.trim() ? (
        <div className="lr-markdown" dangerouslySetInnerHTML={{ __html: data.html }} />
      ) : (
        <p className="utrecht-paragraph">{t("knowledge.detail.noBody")}</p>
      )}
      <h2 className="utrecht-heading-2">{t("knowledge.detail.context")}</h2>
      <Facts data={data} />
      <EvidenceSection data={data} actionData={actionData} />
      <AuthorsSection data={data} actionData={actionData} />
      <SharingSection data={data} actionData={actionData} />
      <AdoptionsSection data={data} />
      <SimilarEntries
        entries={data.similar}
        hrefOf={(s) => `${base}/knowledge/${s.id}`}
        ownRegionSlug={e.region_slug}
      />
      {data.canDelete && !e.shipped_key && (
        <section aria-labelledby="delete" className="lr-no-print">
          <h2 className="utrecht-heading-2" id="delete">
            {t("knowledge.delete.title")}
          </h2>
          <FieldIds scope="delete">
            <PostForm>
              <input type="hidden" name="_intent" value="delete" />
              <CheckboxField name="confirm" label={t("knowledge.delete.confirm")} required />
              <SubmitButton kind="danger">{t("knowledge.delete.submit")}</SubmitButton>
            </PostForm>
          </FieldIds>
        </section>
      )}
    </>
  );
}
