import { data, Link, redirect, useActionData, useSearchParams } from "react-router";
import type { Route } from "./+types/members";
import { changeRole } from "../../../core/accounts/changeRole.ts";
import { accountsPolicy } from "../../../core/accounts/policy.ts";
import { inviteMember } from "../../../core/accounts/inviteMember.ts";
import { listMembers, listPendingInvitations } from "../../../core/accounts/queries.ts";
import { removeMember } from "../../../core/accounts/removeMember.ts";
import { withoutAddresses } from "../../../core/mail/outbox.ts";
import { revokeInvitation } from "../../../core/accounts/revokeInvitation.ts";
import { ROLES } from "../../../core/kernel/scope.ts";
import type { Result } from "../../../core/kernel/result.ts";
import {
  Field,
  FormError,
  Notice,
  PostForm,
  SelectField,
  SubmitButton,
  useFieldErrors,
  useTranslatedOptions,
} from "../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../components/table.tsx";
import { formatDate, isoDate } from "../../lib/format.ts";
import { formObject, intent } from "../../lib/form.server.ts";
import { useT } from "../../lib/i18n.ts";
import {
  getRequestInfo,
  getServices,
  refusedChange,
  requestT,
  requireRegion,
} from "../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

const NOTICES = {
  roleChanged: "members.roleChanged",
  removed: "members.removed",
  invited: "members.invited",
  invitedKept: "members.invitedKept",
  revoked: "members.revoked",
} as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region, user } = await requireRegion(
    request,
    context,
    params.slug,
    accountsPolicy.viewMembers,
  );
  const { locale } = getRequestInfo(context);
  const [members, invitations] = await Promise.all([
    listMembers(scope),
    listPendingInvitations(scope),
  ]);
  return {
    region: { slug: region.slug, name: region.name },
    me: user.id,
    members: members.map((m) => ({
      ...m,
      since: formatDate(m.since, locale),
      sinceIso: isoDate(m.since),
    })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      invitedBy: i.invitedBy,
      expired: i.expired,
      created: formatDate(i.createdAt, locale),
      createdIso: isoDate(i.createdAt),
      expires: formatDate(i.expiresAt, locale),
      expiresIso: isoDate(i.expiresAt),
    })),
    title: `${requestT(context)("members.title")} · ${region.name}`,
  };
}

type Failure = Extract<Result<unknown>, { ok: false }>;

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region, user } = await requireRegion(
    request,
    context,
    params.slug,
    accountsPolicy.viewMembers,
  );
  const form = await request.formData();
  const input = formObject(form);
  const base = `/manage/${region.slug}/members`;
  // Ids of other regions' members and invitations get the 404 page, as ids that do not exist.
  const refused = (result: Failure, kind: string) =>
    refusedChange(context, result, kind, kind === "invite" ? input : undefined);

  switch (intent(form)) {
    case "role": {
      const result = await changeRole(scope, input);
      if (!result.ok) return refused(result, "role");
      // An admin who gave themselves a lesser role can no longer see this page.
      if (result.value.userId === user.id && result.value.role !== "admin")
        return redirect(`/manage/${region.slug}`);
      return redirect(`${base}?done=roleChanged`);
    }
    case "remove": {
      const result = await removeMember(scope, input);
      if (!result.ok) return refused(result, "remove");
      if (result.value.userId === user.id) return redirect("/");
      return redirect(`${base}?done=removed`);
    }
    case "invite": {
      const { config, mailer, log } = getServices(context);
      const result = await inviteMember(scope, input, {
        publicUrl: config.publicUrl,
        locale: getRequestInfo(context).locale,
      });
      if (!result.ok) return refused(result, "invite");
      mailer.kick().catch((err: unknown) => {
        log.warn(
          { err: withoutAddresses(err instanceof Error ? err.message : String(err)) },
          "mail delivery round failed",
        );
      });
      return redirect(`${base}?done=${mailer.delivers ? "invited" : "invitedKept"}`);
    }
    case "revoke": {
      const result = await revokeInvitation(scope, input);
      if (!result.ok) return refused(result, "revoke");
      return redirect(`${base}?done=revoked`);
    }
    default:
      throw data({ message: requestT(context)("errors.badRequest") }, { status: 400 });
  }
}

export default function Members({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const { fieldErrors, error } = useFieldErrors(actionData);
  const [params] = useSearchParams();
  const roleOptions = useTranslatedOptions("roles", ROLES);
  const { region, me, members, invitations } = loaderData;
  const failedIntent = actionData && "intent" in actionData ? actionData.intent : undefined;
  const invite = failedIntent === "invite";
  const sent = invite && actionData && "values" in actionData ? actionData.values : undefined;
  const done = params.get("done");
  const notice = done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : null;
  return (
    <>
      <h1 className="utrecht-heading-1">{t("members.title")}</h1>
      <p className="utrecht-paragraph">{t("members.intro", { region: region.name })}</p>
      {notice && !actionData ? (
        <Notice>
          {t(notice)}
          {done === "invitedKept" ? (
            <>
              {" "}
              <Link className="utrecht-link" to={`/manage/${region.slug}/outbox`}>
                {t("nav.outbox")}
              </Link>
            </>
          ) : null}
        </Notice>
      ) : null}
      {!invite ? <FormError error={error} /> : null}

      <DataTable
        caption={t("members.caption", { region: region.name })}
        columns={[
          t("members.name"),
          t("members.email"),
          t("members.role"),
          t("members.since"),
          t("app.actions"),
        ]}
      >
        {members.map((m) => (
          <Row key={m.userId}>
            <RowHeader>
              {m.name} {m.userId === me ? t("members.you") : null}
            </RowHeader>
            <Cell>{m.email}</Cell>
            <Cell>
              <PostForm className="lr-inline-form">
                <input type="hidden" name="_intent" value="role" />
                <input type="hidden" name="userId" value={m.userId} />
                <label className="lr-visually-hidden" htmlFor={`role-${m.userId}`}>
                  {t("members.roleFor", { name: m.name })}
                </label>
                <select
                  id={`role-${m.userId}`}
                  name="role"
                  defaultValue={m.role}
                  className="utrecht-select utrecht-select--html-select"
                >
                  {roleOptions.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
                <SubmitButton kind="secondary">
                  {t("members.saveRole")}
                  <span className="lr-visually-hidden">: {m.name}</span>
                </SubmitButton>
              </PostForm>
            </Cell>
            <Cell>
              <time dateTime={m.sinceIso}>{m.since}</time>
            </Cell>
            <Cell>
              <details className="lr-confirm">
                <summary>
                  {t("members.remove")}
                  <span className="lr-visually-hidden">: {m.name}</span>
                </summary>
                <p className="utrecht-paragraph">
                  {t("members.removeQuestion", { name: m.name, region: region.name })}
                </p>
                <PostForm>
                  <input type="hidden" name="_intent" value="remove" />
                  <input type="hidden" name="userId" value={m.userId} />
                  <SubmitButton kind="danger">
                    {t("members.removeConfirm", { name: m.name })}
                  </SubmitButton>
                </PostForm>
              </details>
            </Cell>
          </Row>
        ))}
      </DataTable>

      <section aria-labelledby="roles-title" className="lr-section">
        <h2 className="utrecht-heading-2" id="roles-title">
          {t("members.rolesTitle")}
        </h2>
        <dl className="lr-roles">
          {ROLES.map((role) => (
            <div key={role}>
              <dt>{t(`roles.${role}`)}</dt>
              <dd>{t(`roleDescriptions.${role}`)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="invite-title" className="lr-section">
        <h2 className="utrecht-heading-2" id="invite-title">
          {t("members.inviteTitle")}
        </h2>
        <p className="utrecht-paragraph">{t("members.inviteIntro")}</p>
        <PostForm className="lr-form" noValidate>
          {invite ? <FormError error={error} /> : null}
          <input type="hidden" name="_intent" value="invite" />
          <Field
            name="email"
            type="email"
            label={t("members.inviteEmail")}
            autoComplete="off"
            required
            maxLength={254}
            defaultValue={typeof sent?.email === "string" ? sent.email : undefined}
            errors={invite ? fieldErrors : undefined}
          />
          <SelectField
            name="role"
            label={t("members.inviteRole")}
            options={roleOptions}
            defaultValue={typeof sent?.role === "string" ? sent.role : "member"}
            required
            errors={invite ? fieldErrors : undefined}
          />
          <SubmitButton>{t("members.inviteSend")}</SubmitButton>
        </PostForm>
      </section>

      <section aria-labelledby="pending-title" className="lr-section">
        <h2 className="utrecht-heading-2" id="pending-title">
          {t("members.pendingTitle")}
        </h2>
        {invitations.length === 0 ? (
          <p className="utrecht-paragraph">{t("members.noPending")}</p>
        ) : (
          <DataTable
            caption={t("members.pendingCaption")}
            hideCaption
            columns={[
              t("members.email"),
              t("members.role"),
              t("members.invitedBy"),
              t("members.created"),
              t("members.expires"),
              t("app.actions"),
            ]}
          >
            {invitations.map((i) => (
              <Row key={i.id}>
                <RowHeader>{i.email}</RowHeader>
                <Cell>{t(`roles.${i.role}`)}</Cell>
                <Cell>{i.invitedBy ?? t("members.unknownUser")}</Cell>
                <Cell>
                  <time dateTime={i.createdIso}>{i.created}</time>
                </Cell>
                <Cell>
                  <time dateTime={i.expiresIso}>{i.expires}</time>
                  {i.expired ? ` (${t("members.expired")})` : null}
                </Cell>
                <Cell>
                  <PostForm>
                    <input type="hidden" name="_intent" value="revoke" />
                    <input type="hidden" name="invitationId" value={i.id} />
                    <button
                      type="submit"
                      className="utrecht-button utrecht-button--secondary-action"
                      aria-label={t("members.revokeLabel", { email: i.email })}
                    >
                      {t("members.revoke")}
                    </button>
                  </PostForm>
                </Cell>
              </Row>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
