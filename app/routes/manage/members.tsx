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
import { FormError, Notice, useFieldErrors, useTranslatedOptions } from "../../components/form.tsx";
import { formatDate, isoDate } from "../../lib/format.ts";
import { InviteForm, MemberTable, PendingInvitations } from "./MembersParts.tsx";
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

      <MemberTable region={region} me={me} members={members} roleOptions={roleOptions} />

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

      <InviteForm
        roleOptions={roleOptions}
        sent={sent}
        failed={invite ? { error, fieldErrors } : undefined}
      />

      <PendingInvitations invitations={invitations} />
    </>
  );
}
