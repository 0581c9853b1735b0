import type { Route } from "./+types/detail";
import { Field, FormError, PostForm, SubmitButton } from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { useT } from "../../../lib/i18n.ts";
import { errorsOf, Section, type SentForm } from "./EventSection.tsx";

type Data = Route.ComponentProps["loaderData"];

/** An invitation-only event's links: made (shown once), counted, revoked. */
export function EventInvitationsSection({
  data,
  sent,
}: {
  data: Data;
  sent: SentForm | undefined;
}) {
  const t = useT();
  const { event, invitations } = data;
  const invitation = errorsOf(sent, "createInvitation");
  const revoke = errorsOf(sent, "revokeInvitation");
  const invitationValues =
    sent?.intent === "createInvitation" && !sent.ok ? sent.values : undefined;
  const newLink = sent?.intent === "createInvitation" && sent.ok ? sent.link : undefined;
  return (
    <Section id="invitations" title={t("eventsAdmin.invitationsTitle")}>
      <p className="utrecht-paragraph">
        {event.invitationOnly ? t("eventsAdmin.invitationsIntro") : t("eventsAdmin.invitationsOff")}
      </p>
      {newLink ? (
        <div className="utrecht-alert utrecht-alert--ok" role="status">
          <p className="utrecht-paragraph">
            <strong>{t("eventsAdmin.newInvitationLink")}</strong>
          </p>
          <p className="utrecht-paragraph lr-share-link">
            <a className="utrecht-link" href={newLink}>
              {newLink}
            </a>
          </p>
          <p className="utrecht-paragraph">{t("eventsAdmin.newInvitationOnce")}</p>
        </div>
      ) : null}
      <FormError error={revoke.error} />
      {invitations.length === 0 ? (
        event.invitationOnly ? (
          <p className="utrecht-paragraph">{t("eventsAdmin.invitationsNone")}</p>
        ) : null
      ) : (
        <DataTable
          caption={t("eventsAdmin.invitationsCaption")}
          columns={[
            t("eventsAdmin.invitationLabel"),
            { label: t("eventsAdmin.invitationUses"), numeric: true },
            t("eventsAdmin.invitationCreated"),
            t("eventsAdmin.invitationState"),
            t("app.actions"),
          ]}
        >
          {invitations.map((i) => (
            <Row key={i.id}>
              <RowHeader>{i.label || "—"}</RowHeader>
              <Cell numeric>
                {i.maxUses === null
                  ? i.uses
                  : t("eventsAdmin.invitationUsesOf", { uses: i.uses, max: i.maxUses })}
              </Cell>
              <Cell>
                <time dateTime={i.createdIso}>{i.created}</time>
              </Cell>
              <Cell>
                {i.revoked ? t("eventsAdmin.invitationRevoked") : t("eventsAdmin.invitationActive")}
              </Cell>
              <Cell>
                {i.revoked ? null : (
                  <PostForm>
                    <input type="hidden" name="invitationId" value={i.id} />
                    <SubmitButton name="_intent" value="revokeInvitation" kind="secondary">
                      {t("eventsAdmin.revokeInvitation")}
                      <span className="lr-visually-hidden">: {i.label || i.created}</span>
                    </SubmitButton>
                  </PostForm>
                )}
              </Cell>
            </Row>
          ))}
        </DataTable>
      )}
      {event.invitationOnly ? (
        <>
          <h3 className="utrecht-heading-3" id="new-invitation">
            {t("eventsAdmin.createInvitation")}
          </h3>
          <PostForm className="lr-form" noValidate aria-labelledby="new-invitation">
            <input type="hidden" name="_intent" value="createInvitation" />
            <FormError error={invitation.error} />
            <Field
              name="label"
              label={t("eventsAdmin.invitationLabel")}
              description={t("eventsAdmin.invitationLabelHint")}
              defaultValue={invitationValues?.label as string | undefined}
              maxLength={200}
              errors={invitation.fieldErrors}
            />
            <Field
              name="maxUses"
              type="number"
              label={t("eventsAdmin.invitationMaxUses")}
              description={t("eventsAdmin.invitationMaxUsesHint")}
              defaultValue={invitationValues?.maxUses as string | undefined}
              errors={invitation.fieldErrors}
            />
            <SubmitButton kind="secondary">{t("eventsAdmin.createInvitation")}</SubmitButton>
          </PostForm>
        </>
      ) : null}
    </Section>
  );
}
