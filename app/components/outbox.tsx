import type { MailStatus } from "../../core/mail/queries.ts";
import { useT } from "../lib/i18n.ts";
import { Notice } from "./form.tsx";

/** The status in words; without SMTP nothing is ever sent, so "waiting" would mislead. */
export function useStatusText() {
  const t = useT();
  return (status: MailStatus, attempts: number, delivers: boolean) =>
    status === "waiting" && !delivers
      ? t("outbox.statuses.kept")
      : t(`outbox.statuses.${status}`, { count: attempts });
}

/** Whether mail leaves the platform at all; `maxAttempts` comes from the loader (server-only code). */
export function DeliveryNotice({
  delivers,
  maxAttempts,
}: {
  delivers: boolean;
  maxAttempts: number;
}) {
  const t = useT();
  return delivers ? (
    <p className="utrecht-paragraph">{t("outbox.smtp", { max: maxAttempts })}</p>
  ) : (
    <Notice kind="info">{t("outbox.noSmtp")}</Notice>
  );
}
