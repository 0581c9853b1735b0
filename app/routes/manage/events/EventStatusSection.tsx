import type { Route } from "./+types/detail";
import { CheckboxField, FormError, PostForm, SubmitButton } from "../../../components/form.tsx";
import { useT } from "../../../lib/i18n.ts";
import { errorsOf, Section, type SentForm } from "./EventSection.tsx";

type Data = Route.ComponentProps["loaderData"];

/** Publish or draft, open or close registration, duplicate, cancel the event. */
export function EventStatusSection({ data, sent }: { data: Data; sent: SentForm | undefined }) {
  const t = useT();
  const { event } = data;
  const status = errorsOf(sent, "status");
  const cancel = errorsOf(sent, "cancelEvent");
  return (
    <Section id="status" title={t("eventsAdmin.statusTitle")}>
      <FormError error={status.error} />
      {event.status !== "published" ? (
        <PostForm className="lr-form">
          <p className="utrecht-paragraph">{t("eventsAdmin.publishHint")}</p>
          <SubmitButton name="_intent" value="publish">
            {t("eventsAdmin.publish")}
          </SubmitButton>
        </PostForm>
      ) : null}
      {event.status !== "draft" ? (
        <PostForm className="lr-form">
          <p className="utrecht-paragraph">{t("eventsAdmin.toDraftHint")}</p>
          <SubmitButton name="_intent" value="draft" kind="secondary">
            {t("eventsAdmin.toDraft")}
          </SubmitButton>
        </PostForm>
      ) : null}
      <h3 className="utrecht-heading-3">{t("eventsAdmin.sectionRegistration")}</h3>
      <PostForm className="lr-form">
        <p className="utrecht-paragraph">
          {event.registrationClosed
            ? t("eventsAdmin.registrationIsClosed")
            : t("eventsAdmin.registrationIsOpen")}
        </p>
        {event.registrationClosed ? (
          <SubmitButton name="_intent" value="openRegistration" kind="secondary">
            {t("eventsAdmin.openRegistration")}
          </SubmitButton>
        ) : (
          <SubmitButton name="_intent" value="closeRegistration" kind="secondary">
            {t("eventsAdmin.closeRegistration")}
          </SubmitButton>
        )}
      </PostForm>
      <h3 className="utrecht-heading-3">{t("eventsAdmin.duplicate")}</h3>
      <PostForm className="lr-form">
        <p className="utrecht-paragraph">{t("eventsAdmin.duplicateHint")}</p>
        <SubmitButton name="_intent" value="duplicate" kind="secondary">
          {t("eventsAdmin.duplicate")}
        </SubmitButton>
      </PostForm>
      {event.status !== "cancelled" ? (
        <>
          <h3 className="utrecht-heading-3">{t("eventsAdmin.cancelEvent")}</h3>
          <details className="lr-confirm" open={cancel.error ? true : undefined}>
            <summary>{t("eventsAdmin.cancelEvent")}</summary>
            <p className="utrecht-paragraph">{t("eventsAdmin.cancelEventQuestion")}</p>
            <PostForm className="lr-form" noValidate>
              <input type="hidden" name="_intent" value="cancelEvent" />
              <FormError error={cancel.error} />
              <CheckboxField
                name="confirm"
                label={t("eventsAdmin.cancelEventCheck")}
                errors={cancel.fieldErrors}
              />
              <SubmitButton kind="danger">
                {t("eventsAdmin.cancelEventConfirm", { title: event.title })}
              </SubmitButton>
            </PostForm>
          </details>
        </>
      ) : null}
    </Section>
  );
}
