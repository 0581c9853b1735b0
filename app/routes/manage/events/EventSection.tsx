import type { ReactNode } from "react";
import { useSearchParams } from "react-router";
import { Notice, type FieldErrors } from "../../../components/form.tsx";
import type { Message, MessageKey } from "../../../../i18n/index.ts";
import { useT } from "../../../lib/i18n.ts";

/** What the event page's action answers: which form was sent, and its messages or values. */
export interface SentForm {
  ok: boolean;
  intent: string;
  error?: Message;
  fieldErrors?: FieldErrors;
  values?: Record<string, unknown>;
  link?: string;
}

/** The message a redirect back here carries (`?done=…&n=…`), shown in the section it belongs to. */
const NOTICES: Record<string, { key: MessageKey; section: string }> = {
  created: { key: "eventsAdmin.created", section: "top" },
  duplicated: { key: "eventsAdmin.duplicated", section: "top" },
  saved: { key: "eventsAdmin.saved", section: "edit" },
  promoted: { key: "eventsAdmin.savedPromoted", section: "edit" },
  published: { key: "eventsAdmin.published", section: "status" },
  drafted: { key: "eventsAdmin.drafted", section: "status" },
  cancelled: { key: "eventsAdmin.cancelled", section: "status" },
  closed: { key: "eventsAdmin.closedDone", section: "status" },
  opened: { key: "eventsAdmin.openedDone", section: "status" },
  questionAdded: { key: "eventsAdmin.questionAdded", section: "questions" },
  questionRemoved: { key: "eventsAdmin.questionRemoved", section: "questions" },
  invitationRevoked: { key: "eventsAdmin.invitationRevokedDone", section: "invitations" },
  dialogueStarted: { key: "eventsAdmin.dialogueStarted", section: "dialogue" },
  invited: { key: "eventsAdmin.invitedToDialogue", section: "dialogue" },
};

export function SectionNotice({ section }: { section: string }) {
  const t = useT();
  const [params] = useSearchParams();
  const notice = NOTICES[params.get("done") ?? ""];
  if (!notice || notice.section !== section) return null;
  const n = Number(params.get("n") ?? 0);
  return <Notice>{t(notice.key, { count: Number.isFinite(n) ? n : 0 })}</Notice>;
}

export function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section className="lr-section" id={id} aria-labelledby={`${id}-title`}>
      <h2 className="utrecht-heading-2" id={`${id}-title`}>
        {title}
      </h2>
      <SectionNotice section={id} />
      {children}
    </section>
  );
}

/** The messages of the form that was sent (`intent`), and none for the others. */
export function errorsOf(
  actionData:
    { ok: boolean; intent: string; error?: Message; fieldErrors?: FieldErrors } | undefined,
  name: string,
): { fieldErrors: FieldErrors; error?: Message } {
  if (!actionData || actionData.intent !== name || actionData.ok !== false)
    return { fieldErrors: undefined };
  return { fieldErrors: actionData.fieldErrors, error: actionData.error };
}
