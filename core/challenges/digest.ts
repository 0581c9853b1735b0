import { phaseLabel, warningText } from "./texts.ts";
import { translator, type T } from "../../i18n/index.ts";
import { scheduleJob, type JobHandler } from "../jobs/jobs.ts";
import type { Db, Tx } from "../kernel/tx.ts";
import { queueMail } from "../mail/outbox.ts";
import { regionDashboard, type DashboardChallenge } from "./dashboard.ts";

export const DIGEST_JOB = "challengeDigest";

const DAY = 24 * 60 * 60 * 1000;
/** Monday morning, before the working week starts (06:00 UTC is 07:00 or 08:00 in the Netherlands). */
const SEND_AT_HOUR = 6;

/** Monday 00:00 UTC of the ISO week `at` falls in. */
function weekStart(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY);
}

/** "2026-W49": the ISO year is the year of the week's Thursday. */
export function isoWeek(at: Date): string {
  const thursday = new Date(weekStart(at).getTime() + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/**
 * One job per ISO week for all regions, keyed by the week: a restart within the week does not
 * send again, and a process that was down when Monday came catches up at start.
 */
function digestJob(at: Date) {
  return {
    key: `${DIGEST_JOB}:${isoWeek(at)}`,
    kind: DIGEST_JOB,
    runAt: new Date(weekStart(at).getTime() + SEND_AT_HOUR * 60 * 60 * 1000),
  };
}

/** Plans this week's digest (due at once when Monday morning has passed); each plans the next. */
export async function planChallengeDigest(db: Db, now = new Date()): Promise<void> {
  await db.transaction().execute((tx) => scheduleJob(tx, digestJob(now)));
}

function digestText(
  t: T,
  to: { name: string },
  region: { slug: string; name: string },
  challenges: DashboardChallenge[],
  publicUrl: string,
): string {
  const manage = `${publicUrl}/manage/${region.slug}`;
  const blocks = challenges.map((c) =>
    [
      t("challengeDigest.challenge", {
        title: c.title,
        phase: phaseLabel(t, c.phase),
      }),
      ...c.warnings.map((w) => `- ${warningText(t, w)}`),
      `${t("challengeDigest.open")}: ${manage}/challenges/${c.id}`,
    ].join("\n"),
  );
  return [
    t("mail.greeting", { name: to.name }),
    t("challengeDigest.intro", { region: region.name }),
    ...blocks,
    `${t("challengeDigest.dashboard")}: ${manage}`,
    t("challengeDigest.why", { region: region.name }),
    t("mail.signature"),
  ].join("\n\n");
}

/**
 * For each region where the guard warns about at least one challenge, one mail to each organiser
 * and admin, in their own language, listing those challenges with their warnings. Queued in the
 * caller's transaction, so the mails and the job's "done" mark commit together. Returns the
 * number of mails queued.
 */
export async function queueChallengeDigests(
  tx: Tx,
  opts: { publicUrl: string; now: Date },
): Promise<number> {
  // Only active challenges are guarded (warnings.ts), so other regions need not be read.
  const regions = await tx
    .selectFrom("regions as r")
    .select(["r.id", "r.slug", "r.name"])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("challenges as c")
          .select("c.id")
          .whereRef("c.region_id", "=", "r.id")
          .where("c.status", "=", "active"),
      ),
    )
    .orderBy("r.slug")
    .execute();
  let queued = 0;
  for (const region of regions) {
    // The job acts for no one; the dashboard reads only the region and the database.
    const dashboard = await regionDashboard(
      { db: tx, regionId: region.id, userId: "", role: "admin" },
      opts.now,
    );
    const warned = dashboard.challenges.filter((c) => c.warnings.length > 0);
    if (warned.length === 0) continue;
    const recipients = await tx
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select(["u.email", "u.name", "u.locale"])
      .where("m.region_id", "=", region.id)
      .where("m.role", "in", ["organiser", "admin"])
      .orderBy("u.email")
      .execute();
    for (const to of recipients) {
      const t = translator(to.locale);
      await queueMail(tx, {
        regionId: region.id,
        to: to.email,
        subject: t("challengeDigest.subject", { region: region.name, count: warned.length }),
        text: digestText(t, to, region, warned, opts.publicUrl),
      });
      queued++;
    }
  }
  return queued;
}

/** The weekly digest: this week's mails and the plan for next week's, in the job's transaction. */
export function challengeDigestJobHandlers(opts: {
  publicUrl: string;
  /** The moment the job takes as now; tests pass one weeks ahead instead of faking the clock. */
  now?: () => Date;
}): Record<string, JobHandler> {
  return {
    [DIGEST_JOB]: async (tx) => {
      const now = opts.now?.() ?? new Date();
      await queueChallengeDigests(tx, { publicUrl: opts.publicUrl, now });
      await scheduleJob(tx, digestJob(new Date(weekStart(now).getTime() + 7 * DAY)));
    },
  };
}
