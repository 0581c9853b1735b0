import type { Message } from "../../../../i18n/index.ts";
import {
  Field,
  FormError,
  Notice,
  PostForm,
  SelectField,
  SubmitButton,
  type FieldErrors,
} from "../../../components/form.tsx";
import { useT } from "../../../lib/i18n.ts";

/** The form for a message to everyone registered (or only those with a place, or the waitlist). */
export function RegistrantsMessage({
  message,
  messageValues,
  done,
  n,
}: {
  message: { error?: Message; fieldErrors: FieldErrors };
  messageValues: { subject: string; body: string; audience: string } | undefined;
  done: string | null;
  n: number;
}) {
  const t = useT();
  return (
    <section className="lr-section" id="message" aria-labelledby="message-title">
      <h2 className="utrecht-heading-2" id="message-title">
        {t("eventsAdmin.messageTitle")}
      </h2>
      {done === "messageSent" ? (
        <Notice>{t("eventsAdmin.messageSent", { count: n })}</Notice>
      ) : null}
      <p className="utrecht-paragraph">{t("eventsAdmin.messageIntro")}</p>
      <PostForm className="lr-form" noValidate aria-labelledby="message-title">
        <input type="hidden" name="_intent" value="message" />
        <FormError error={message.error} />
        <Field
          name="subject"
          label={t("eventsAdmin.messageSubject")}
          defaultValue={messageValues?.subject}
          required
          maxLength={200}
          errors={message.fieldErrors}
        />
        <Field
          name="body"
          label={t("eventsAdmin.messageBody")}
          defaultValue={messageValues?.body}
          required
          multiline
          rows={8}
          maxLength={10_000}
          errors={message.fieldErrors}
        />
        <SelectField
          name="audience"
          label={t("eventsAdmin.messageAudience")}
          options={(["all", "confirmed", "waitlisted"] as const).map((a) => ({
            value: a,
            label: t(`eventsAdmin.messageAudiences.${a}`),
          }))}
          defaultValue={messageValues?.audience ?? "all"}
          errors={message.fieldErrors}
        />
        <SubmitButton>{t("eventsAdmin.messageSend")}</SubmitButton>
      </PostForm>
    </section>
  );
}
