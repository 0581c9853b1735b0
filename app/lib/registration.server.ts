import type { RouterContextProvider } from "react-router";
import { rateLimited, type Failure } from "../../core/kernel/result.ts";
import { mayRegister } from "../../core/events/registrationLimiter.ts";
import { getRequestInfo, getServices, refused } from "./request.server.ts";

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
  return refusedRegistration(context, rateLimited("events.tooManyAttempts"), values);
}

/**
 * A refused registration shown on the form again, with the status its kind gives: 400 for the
 * fields to correct, otherwise why (closed, past its deadline, full, by invitation only).
 */
export function refusedRegistration(
  context: Readonly<RouterContextProvider>,
  refusal: Failure,
  values: Record<string, string>,
) {
  return refused(context, refusal, { values });
}
