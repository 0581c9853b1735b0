import { data, type RouterContextProvider } from "react-router";
import { refusalStatus } from "../../core/events/publicPages.ts";
import { mayRegister } from "../../core/events/registrationLimiter.ts";
import type { Message } from "../../i18n/index.ts";
import { getRequestInfo, getServices } from "./request.server.ts";

/**
 * The 429 answer, with the form as it was sent, when this client or e-mail address has registered
 * too often just now (for an event and for a whole series alike); null when it may go on.
 */
export async function tooManyRegistrations(
  context: Readonly<RouterContextProvider>,
  sent: Record<string, string | string[]>,
  values: Record<string, string>,
) {
  const { registrationLimiter } = getServices(context);
  const { clientAddress } = getRequestInfo(context);
  if (await mayRegister(registrationLimiter, clientAddress, sent.email)) return null;
  return data(
    {
      ok: false as const,
      error: { key: "events.tooManyAttempts" },
      fieldErrors: undefined,
      values,
    },
    { status: 429 },
  );
}

/**
 * A refused registration shown on the form again: 400 for the fields to correct, otherwise the
 * status that says why (closed, past its deadline, full, by invitation only).
 */
export function refusedRegistration(
  refusal: { ok: false; error: Message; fieldErrors?: Record<string, Message> },
  values: Record<string, string>,
) {
  return data(
    { ...refusal, values },
    { status: refusal.fieldErrors ? 400 : refusalStatus(refusal.error.key) },
  );
}
