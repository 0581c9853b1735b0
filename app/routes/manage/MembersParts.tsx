import type { Role } from "../../../core/kernel/scope.ts";
import type { Message } from "../../../i18n/index.ts";
import {
  Field,
  FormError,
  PostForm,
  SelectField,
  SubmitButton,
  type FieldErrors,
} from "../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../components/table.tsx";
import { useT } from "../../lib/i18n.ts";

type Option = { value: string; label: string };

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: Role;
  since: string;
  sinceIso: string;
}

/** The region's members, each with a form to change their role and one to remove them. */
export function MemberTable({
  region,
  me,
  members,
  roleOptions,
}: {
  region: { name: string };
  me: string;
  members: MemberView[];
  roleOptions: Option[];
}) {
  const t = useT();
  return (
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
  );
}

/** The form that invites someone by e-mail, with the role they will have. */
export function InviteForm({
  roleOptions,
  sent,
  failed,
}: {
  roleOptions: Option[];
  sent?: Record<string, unknown>;
  failed?: { error?: Message; fieldErrors: FieldErrors };
}) {
  const t = useT();
  return (
    <section aria-labelledby="invite-title" className="lr-section">
      <h2 className="utrecht-heading-2" id="invite-title">
        {t("members.inviteTitle")}
      </h2>
      <p className="utrecht-paragraph">{t("members.inviteIntro")}</p>
      <PostForm className="lr-form" noValidate>
        {failed ? <FormError error={failed.error} /> : null}
        <input type="hidden" name="_intent" value="invite" />
        <Field
          name="email"
          type="email"
          label={t("members.inviteEmail")}
          autoComplete="off"
          required
          maxLength={254}
          defaultValue={typeof sent?.email === "string" ? sent.email : undefined}
          errors={failed?.fieldErrors}
        />
        <SelectField
          name="role"
          label={t("members.inviteRole")}
          options={roleOptions}
          defaultValue={typeof sent?.role === "string" ? sent.role : "member"}
          required
          errors={failed?.fieldErrors}
        />
        <SubmitButton>{t("members.inviteSend")}</SubmitButton>
      </PostForm>
    </section>
  );
}

export interface InvitationView {
  id: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  expired: boolean;
  created: string;
  createdIso: string;
  expires: string;
  expiresIso: string;
}

/** Invitations not accepted yet, each with a form to revoke it. */
export function PendingInvitations({ invitations }: { invitations: InvitationView[] }) {
  const t = useT();
  return (
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
  );
}
