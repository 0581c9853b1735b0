import type { Policy } from "../kernel/scope.ts";

/**
 * Who may do what with a region's outbox: the admins, who read it (regionPolicy.viewOutbox, the
 * region's page) and send a mail again. Here, not in core/regions, because regions sends mail
 * through accounts (invitations), and mail may not import regions back.
 */
export const mailPolicy = {
  resend: "admin",
} as const satisfies Policy<string>;
