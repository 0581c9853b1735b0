import type { Policy } from "../kernel/scope.ts";

/**
 * Who may do what with the region itself. Every member sees its overview; its name, look,
 * privacy statement and retention, and the mail it sent (the outbox, kept by core/mail), are the
 * admins'.
 */
export const regionPolicy = {
  viewOverview: "member",
  viewSettings: "admin",
  updateSettings: "admin",
  viewOutbox: "admin",
} as const satisfies Policy<string>;
