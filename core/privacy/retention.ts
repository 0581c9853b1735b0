import { anonymiseExpiredDialogue } from "../dialogue/anonymiseExpired.ts";
import { anonymiseExpiredRegistrations } from "../events/anonymise.ts";
import { forgetExpiredInterest } from "../coalitions/retention.ts";
import { scheduleJob, type JobHandler } from "../jobs/jobs.ts";
import type { Db } from "../kernel/tx.ts";

export const RETENTION_JOB = "retentionSweep";
export const RETENTION_EVERY_MS = 6 * 60 * 60 * 1000;

export interface RetentionReport {
  sessions: number;
  participants: number;
  registrations: number;
  interest: number;
}

/**
 * One job per six-hour slot, keyed by the slot: whichever process is up runs it once, a restart
 * within the slot does not run it again, and a process that was down catches up at start.
 */
const slot = (at: Date) =>
  new Date(Math.floor(at.getTime() / RETENTION_EVERY_MS) * RETENTION_EVERY_MS);
const slotKey = (at: Date) => `${RETENTION_JOB}:${slot(at).toISOString()}`;

/** Plans the current slot's sweep (due at once); each sweep then plans the next slot's. */
export async function planRetentionSweep(db: Db, now = new Date()): Promise<void> {
  await db
    .transaction()
    .execute((tx) => scheduleJob(tx, { key: slotKey(now), kind: RETENTION_JOB, runAt: now }));
}

/**
 * Dialogue sessions, event registrations and unanswered or declined coalition interest past
 * their region's retention period lose what identifies people, in the job's transaction: the
 * sweep and the plan for the next one commit together with the job's "done" mark, or not at all.
 */
export function retentionJobHandlers(
  report: (r: RetentionReport) => void = () => undefined,
): Record<string, JobHandler> {
  return {
    [RETENTION_JOB]: async (tx) => {
      const now = new Date();
      const dialogue = await anonymiseExpiredDialogue(tx, now);
      const registrations = await anonymiseExpiredRegistrations(tx, now);
      const interest = await forgetExpiredInterest(tx, now);
      const next = new Date(slot(now).getTime() + RETENTION_EVERY_MS);
      await scheduleJob(tx, { key: slotKey(next), kind: RETENTION_JOB, runAt: next });
      report({ ...dialogue, registrations, interest });
    },
  };
}
