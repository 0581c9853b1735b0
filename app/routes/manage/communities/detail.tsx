import { Link, redirect } from "react-router";
import type { Route } from "./+types/detail";
import { may } from "../../../../core/kernel/scope.ts";
import { formatDate } from "../../../../core/kernel/time.ts";
import {
  addCommunityMember,
  linkMeeting,
  removeCommunityMember,
  unlinkMeeting,
  updateCommunity,
} from "../../../../core/knowledge/communities.ts";
import { knowledgePolicy } from "../../../../core/knowledge/policy.ts";
import { communityView } from "../../../../core/knowledge/queries.ts";
import {
  Field,
  FieldIds,
  FormError,
  Notice,
  PostForm,
  SelectField,
  SubmitButton,
  useFieldErrors,
} from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { formObject, intent } from "../../../lib/form.server.ts";
import { isOneOf, useT } from "../../../lib/i18n.ts";
import {
  getRequestInfo,
  notFound,
  refusedChange,
  requireRegion,
} from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.view.community.name }];
}

const DONE = ["created", "saved", "member", "meeting"] as const;

/** A community for its member regions only; any other region gets 404. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    knowledgePolicy.view,
  );
  const view = await communityView(scope, params.id);
  if (!view) notFound(context);
  const { locale } = getRequestInfo(context);
  const done = new URL(request.url).searchParams.get("done");
  return {
    base: `/manage/${region.slug}`,
    regionId: region.id,
    view: {
      ...view,
      meetings: view.meetings.map((m) => ({ ...m, date: formatDate(m.starts_at, locale) })),
      ownEvents: view.ownEvents.map((e) => ({ ...e, date: formatDate(e.starts_at, locale) })),
    },
    canChange: may(scope, knowledgePolicy.addCommunityMember),
    done: isOneOf(DONE, done) ? done : null,
  };
}

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
  const here = `/manage/${region.slug}/communities/${params.id}`;
  const back = (done: (typeof DONE)[number], hash: string) =>
    redirect(`${here}?done=${done}#${hash}`);
  switch (cmd) {
    case "update": {
      const r = await updateCommunity(scope, params.id, sent);
      return r.ok ? back("saved", "details") : refusedChange(context, r, cmd, sent);
    }
    case "addMember": {
      const r = await addCommunityMember(scope, params.id, sent);
      return r.ok ? back("member", "members") : refusedChange(context, r, cmd, sent);
    }
    case "removeMember": {
      const r = await removeCommunityMember(scope, params.id, sent.regionId);
      if (!r.ok) return refusedChange(context, r, cmd, {});
      return sent.regionId === region.id
        ? redirect(`/manage/${region.slug}/communities?done=left`)
        : back("member", "members");
    }
    case "linkMeeting": {
      const r = await linkMeeting(scope, params.id, sent.eventId);
      return r.ok ? back("meeting", "meetings") : refusedChange(context, r, cmd, sent);
    }
    case "unlinkMeeting": {
      const r = await unlinkMeeting(scope, params.id, sent.eventId);
      return r.ok ? back("meeting", "meetings") : refusedChange(context, r, cmd, {});
    }
    default:
      notFound(context);
  }
}

export default function CommunityPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { base, view, canChange, regionId, done } = loaderData;
  const { community, isHost } = view;
  const sentIntent = (actionData as { intent?: string } | undefined)?.intent;
  const errorsFor = (name: string) => fieldErrorsFor(actionData, sentIntent === name);
  const memberErrors = errorsFor("addMember");
  const meetingErrors = errorsFor("linkMeeting");
  const updateErrors = errorsFor("update");
  const { error } = useFieldErrors(actionData);
  return (
    <>
      <p className="utrecht-paragraph lr-breadcrumb">
        <Link className="utrecht-link" to={`${base}/communities`}>
          {t("knowledge.communities.backToList")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{community.name}</h1>
      {done && <Notice>{t(`knowledge.communities.done.${done}`)}</Notice>}
      <FormError error={error} />
      <p className="utrecht-paragraph">
        {t("knowledge.communities.host")}: {community.host_name}
      </p>
      {community.description && <p className="utrecht-paragraph">{community.description}</p>}

      <section aria-labelledby="members">
        <h2 className="utrecht-heading-2" id="members">
          {t("knowledge.communities.members")}
        </h2>
        <ul className="utrecht-unordered-list">
          {view.members.map((m) => (
            <li key={m.id}>
              {m.name}
              {canChange && m.id !== community.host_region_id && (isHost || m.id === regionId) && (
                <PostForm className="lr-inline-form">
                  <input type="hidden" name="_intent" value="removeMember" />
                  <input type="hidden" name="regionId" value={m.id} />
                  <button
                    type="submit"
                    className="utrecht-button utrecht-button--secondary-action"
                    aria-label={
                      m.id === regionId
                        ? undefined
                        : t("knowledge.communities.removeLabel", { name: m.name })
                    }
                  >
                    {m.id === regionId
                      ? t("knowledge.communities.leave")
                      : t("knowledge.communities.remove")}
                  </button>
                </PostForm>
              )}
            </li>
          ))}
        </ul>
        {canChange && isHost && (
          <FieldIds scope="member">
            <PostForm>
              <input type="hidden" name="_intent" value="addMember" />
              <Field
                name="regionSlug"
                label={t("knowledge.communities.regionSlug")}
                description={t("knowledge.communities.regionSlugHint")}
                errors={memberErrors}
                maxLength={80}
                required
              />
              <SubmitButton kind="secondary">{t("knowledge.communities.addMember")}</SubmitButton>
            </PostForm>
          </FieldIds>
        )}
      </section>

      <section aria-labelledby="entries">
        <h2 className="utrecht-heading-2" id="entries">
          {t("knowledge.communities.entries")}
        </h2>
        {view.entries.length === 0 ? (
          <p className="utrecht-paragraph">{t("knowledge.communities.noEntries")}</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {view.entries.map((e) => (
              <li key={e.id}>
                <Link className="utrecht-link" to={`${base}/knowledge/${e.id}`}>
                  {e.title}
                </Link>{" "}
                ({t(`knowledge.kind.${e.kind}`)}, {e.region_name})
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="meetings">
        <h2 className="utrecht-heading-2" id="meetings">
          {t("knowledge.communities.meetings")}
        </h2>
        {view.meetings.length === 0 ? (
          <p className="utrecht-paragraph">{t("knowledge.communities.noMeetings")}</p>
        ) : (
          <DataTable
            caption={t("knowledge.communities.meetings")}
            hideCaption
            columns={[
              t("knowledge.communities.meetings"),
              t("knowledge.communities.date"),
              t("knowledge.communities.organisedBy"),
              null,
            ]}
          >
            {view.meetings.map((m) => (
              <Row key={m.id}>
                <RowHeader>
                  {m.region_id === regionId ? (
                    <Link className="utrecht-link" to={`${base}/events/${m.id}`}>
                      {m.title}
                    </Link>
                  ) : m.status === "published" ? (
                    <a className="utrecht-link" href={`/r/${m.region_slug}/events/${m.slug}`}>
                      {m.title}
                    </a>
                  ) : (
                    m.title
                  )}
                </RowHeader>
                <Cell>{m.date}</Cell>
                <Cell>{m.region_name}</Cell>
                <Cell>
                  {canChange && (isHost || m.region_id === regionId) && (
                    <PostForm className="lr-inline-form">
                      <input type="hidden" name="_intent" value="unlinkMeeting" />
                      <input type="hidden" name="eventId" value={m.id} />
                      <button
                        type="submit"
                        className="utrecht-button utrecht-button--secondary-action"
                        aria-label={t("knowledge.communities.unlinkLabel", { title: m.title })}
                      >
                        {t("knowledge.communities.unlink")}
                      </button>
                    </PostForm>
                  )}
                </Cell>
              </Row>
            ))}
          </DataTable>
        )}
        {canChange && view.ownEvents.length > 0 && (
          <FieldIds scope="meeting">
            <PostForm>
              <input type="hidden" name="_intent" value="linkMeeting" />
              <SelectField
                name="eventId"
                label={t("knowledge.communities.event")}
                options={view.ownEvents.map((e) => ({
                  value: e.id,
                  label: `${e.title} (${e.date})`,
                }))}
                errors={meetingErrors}
                required
              />
              <SubmitButton kind="secondary">{t("knowledge.communities.linkMeeting")}</SubmitButton>
            </PostForm>
          </FieldIds>
        )}
      </section>

      {canChange && isHost && (
        <section aria-labelledby="details">
          <h2 className="utrecht-heading-2" id="details">
            {t("knowledge.communities.edit")}
          </h2>
          <FieldIds scope="details">
            <PostForm>
              <input type="hidden" name="_intent" value="update" />
              <Field
                name="name"
                label={t("knowledge.communities.name")}
                defaultValue={community.name}
                errors={updateErrors}
                maxLength={200}
                required
              />
              <Field
                name="description"
                label={t("knowledge.communities.description")}
                defaultValue={community.description}
                errors={updateErrors}
                maxLength={5000}
                multiline
                rows={4}
              />
              <SubmitButton kind="secondary">{t("knowledge.save")}</SubmitButton>
            </PostForm>
          </FieldIds>
        </section>
      )}
    </>
  );
}

function fieldErrorsFor(actionData: unknown, mine: boolean) {
  return (
    mine ? (actionData as { fieldErrors?: Record<string, never> })?.fieldErrors : undefined
  ) as Parameters<typeof Field>[0]["errors"] | undefined;
}
