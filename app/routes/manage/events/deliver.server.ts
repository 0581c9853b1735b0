import type { RouterContextProvider } from "react-router";
import { withoutAddresses } from "../../../../core/mail/outbox.ts";
import { getServices } from "../../../lib/request.server.ts";

/**
 * Starts delivering what an action just queued in the outbox, without waiting for it: the mail
 * leaves now rather than at the next retry round. A failure is logged; the outbox keeps the mail.
 */
export function deliverSoon(context: Readonly<RouterContextProvider>): void {
  const { mailer, log } = getServices(context);
  mailer.kick().catch((err: unknown) => {
    log.warn(
      { err: withoutAddresses(err instanceof Error ? err.message : String(err)) },
      "mail delivery round failed",
    );
  });
}
