import { Link, redirect } from "react-router";
import { MAX_ATTEMPTS } from "../../../core/mail/outbox.ts";
import type { Route } from "./+types/outbox-mail";
import { getOutboxMail } from "../../../core/mail/queries.ts";
import { resendMail } from "../../../core/mail/resendMail.ts";
import { forbidden } from "../../../core/kernel/result.ts";
import { may } from "../../../core/kernel/scope.ts";
import { regionPolicy } from "../../../core/regions/policy.ts";
import { LinkedText } from "../../components/LinkedText.tsx";
import {
  FormError,
  Notice,
  PostForm,
  SubmitButton,
  useFieldErrors,
} from "../../components/form.tsx";
import { DeliveryNotice, useStatusText } from "../../components/outbox.tsx";
import { formatDateTime, isoDate } from "../../lib/format.ts";
import { useT } from "../../lib/i18n.ts";
import {
  getRequestInfo,
  getServices,
  notFound,
  refused,
  refusedPage,
  requestT,
  requireRegion,
} from "../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug);
  const mail = await getOutboxMail(scope, params.mailId, requestT(context)("outbox.secretLink"));
  // Found or not is settled first, so that a foreign or made-up id is a 404 for every role.
  if (!mail) notFound(context);
  if (!may(scope, regionPolicy.viewOutbox)) refusedPage(context, forbidden());
  const { locale } = getRequestInfo(context);
  const kilobytes = new Intl.NumberFormat(locale, {
    style: "unit",
    unit: "kilobyte",
    maximumFractionDigits: 1,
  });
  return {
    region: { slug: region.slug, name: region.name },
    resent: new URL(request.url).searchParams.get("done") === "resent",
    delivers: getServices(context).mailer.delivers,
    maxAttempts: MAX_ATTEMPTS,
    mail: {
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      created: formatDateTime(mail.createdAt, locale),
      createdIso: isoDate(mail.createdAt),
      sent: mail.sentAt ? formatDateTime(mail.sentAt, locale) : null,
      sentIso: mail.sentAt ? isoDate(mail.sentAt) : null,
      status: mail.status,
      attempts: mail.attempts,
      lastError: mail.lastError,
      attachments: mail.attachments.map((a) => ({
        href: `/manage/${region.slug}/outbox/${mail.id}/attachments/${a.index}`,
        filename: a.filename,
        size: kilobytes.format(Math.max(0.1, a.bytes / 1000)),
      })),
    },
    title: `${mail.subject} · ${requestT(context)("outbox.title")} · ${region.name}`,
  };
}

/** Sends the mail again to its own recipient, as a copy through the outbox (admins). */
export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug);
  // As for reading it: whether the mail is the region's is settled before the role, so that a
  // foreign or made-up id is a 404 for everyone; the guard then refuses a non-admin (403).
  if (!(await getOutboxMail(scope, params.mailId, ""))) notFound(context);
  const result = await resendMail(scope, params.mailId);
  if (!result.ok) return refused(context, result);
  return redirect(`/manage/${region.slug}/outbox/${result.value.id}?done=resent`);
}

export default function OutboxMail({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const statusText = useStatusText();
  const { error } = useFieldErrors(actionData);
  const { region, delivers, maxAttempts, mail, resent } = loaderData;
  return (
    <>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/manage/${region.slug}/outbox`}>
          {t("outbox.back")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{mail.subject}</h1>
      {resent ? <Notice>{t("outbox.resent", { to: mail.to })}</Notice> : null}
      <FormError error={error} />
      {mail.status !== "sent" ? (
        <DeliveryNotice delivers={delivers} maxAttempts={maxAttempts} />
      ) : null}
      <dl className="lr-details">
        <div>
          <dt>{t("outbox.to")}</dt>
          <dd>{mail.to}</dd>
        </div>
        <div>
          <dt>{t("outbox.created")}</dt>
          <dd>
            <time dateTime={mail.createdIso}>{mail.created}</time>
          </dd>
        </div>
        <div>
          <dt>{t("outbox.status")}</dt>
          <dd>{statusText(mail.status, mail.attempts, delivers)}</dd>
        </div>
        {mail.sent && mail.sentIso ? (
          <div>
            <dt>{t("outbox.sentAt")}</dt>
            <dd>
              <time dateTime={mail.sentIso}>{mail.sent}</time>
            </dd>
          </div>
        ) : null}
        {mail.attempts > 0 ? (
          <div>
            <dt>{t("outbox.attempts")}</dt>
            <dd>{mail.attempts}</dd>
          </div>
        ) : null}
        {mail.lastError && mail.status !== "sent" ? (
          <div>
            <dt>{t("outbox.lastError")}</dt>
            <dd>
              <code>{mail.lastError}</code>
            </dd>
          </div>
        ) : null}
      </dl>
      <h2 className="utrecht-heading-2" id="mail-text">
        {t("outbox.text")}
      </h2>
      <p className="utrecht-paragraph">{t("outbox.secretLinksNote")}</p>
      {/* Mail is plain text: React escapes it, so markup in a mail shows as the characters it is;
          only its web and mail addresses become links. */}
      <pre className="lr-mail-text" aria-labelledby="mail-text" tabIndex={0}>
        <LinkedText text={mail.text} />
      </pre>
      {mail.attachments.length > 0 ? (
        <section className="lr-section" aria-labelledby="mail-attachments">
          <h2 className="utrecht-heading-2" id="mail-attachments">
            {t("outbox.attachments")}
          </h2>
          <ul className="utrecht-unordered-list">
            {mail.attachments.map((a) => (
              <li key={a.href}>
                <a className="utrecht-link" href={a.href} download={a.filename}>
                  {t("outbox.attachment", { name: a.filename, size: a.size })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="lr-section" aria-labelledby="mail-resend">
        <h2 className="utrecht-heading-2" id="mail-resend">
          {t("outbox.resendTitle")}
        </h2>
        <p className="utrecht-paragraph">{t("outbox.resendIntro", { to: mail.to })}</p>
        <PostForm>
          <SubmitButton kind="secondary">{t("outbox.resend")}</SubmitButton>
        </PostForm>
      </section>
    </>
  );
}
