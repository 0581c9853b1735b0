import { createContext } from "react-router";
import type { Logger } from "pino";
import type { Db } from "../../core/kernel/scope.ts";
import type { ResetLimiter } from "../../core/accounts/requestPasswordReset.ts";
import type { LoginLimiter } from "../../core/accounts/loginLimiter.ts";
import type { SessionUser } from "../../core/accounts/sessions.ts";
import type { AddressLimit } from "../../core/kernel/addressLimit.ts";
import type { LiveHub } from "../../core/dialogue/liveHub.ts";
import type { RegistrationLimiter } from "../../core/events/registrationLimiter.ts";
import type { JobRunner } from "../../core/jobs/jobs.ts";
import type { Mailer } from "../../core/mail/outbox.ts";
import type { Locale } from "../../i18n/index.ts";
import type { Config } from "../../server/env.server.ts";

/** Long-lived services, created once per process by server/app.ts and handed to every request. */
export interface Services {
  db: Db;
  config: Config;
  mailer: Mailer;
  log: Logger;
  loginLimiter: LoginLimiter;
  /** Password-reset requests per e-mail address and per client address. */
  resetLimiter: ResetLimiter;
  /** Live dialogue sessions of this process (WebSocket clients, batched answer commits). */
  live: LiveHub;
  /** Sign-up limits per client and per e-mail address for public registration forms. */
  registrationLimiter: RegistrationLimiter;
  /** Contributions per client address on a harvest's public form. */
  contributionLimit: AddressLimit;
  /** Responses per client address on a self-scan's public form. */
  scanResponseLimit: AddressLimit;
  /** Durable jobs (reminders, follow-ups): kick it after planning one that may be due now. */
  jobs: JobRunner;
}

/** What the root middleware learns about the request: who, in which language, with which CSRF token. */
export interface RequestInfo {
  user: SessionUser | null;
  locale: Locale;
  csrfToken: string;
  clientAddress: string;
}

export const servicesContext = createContext<Services>();
export const requestInfoContext = createContext<RequestInfo>();
export const clientAddressContext = createContext<string>("unknown");
