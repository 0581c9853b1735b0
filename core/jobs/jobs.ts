import { sql } from "kysely";
import type { Db, Tx } from "../kernel/tx.ts";

export type JobHandler = (trx: Tx, payload: Record<string, unknown>) => Promise<void>;

/**
 * Plans a job. The key names what the job is for ("reminder:<event>"): planning it again moves
 * the moment of the pending job instead of adding a second one, and a job that already ran is
 * left alone.
 */
export async function scheduleJob(
  db: Tx,
  job: { key: string; kind: string; runAt: Date; payload?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto("jobs")
    .values({
      key: job.key,
      kind: job.kind,
      run_at: job.runAt,
      payload: JSON.stringify(job.payload ?? {}),
    })
    .onConflict((oc) =>
      oc
        .column("key")
        .doUpdateSet({ run_at: job.runAt, payload: JSON.stringify(job.payload ?? {}) })
        .where("jobs.done_at", "is", null),
    )
    .execute();
}

/** Drops a job that has not run yet (an event was cancelled or moved back to draft). */
export async function unscheduleJob(db: Tx, key: string): Promise<void> {
  await db.deleteFrom("jobs").where("key", "=", key).where("done_at", "is", null).execute();
}

/** Empties a job's payload from within its handler: the row stays as the record that it ran. */
export async function forgetJobPayload(db: Tx, key: string): Promise<void> {
  await db.updateTable("jobs").set({ payload: "{}" }).where("key", "=", key).execute();
}

const MAX_ATTEMPTS = 8;

/**
 * Runs due jobs one at a time. Each job's work and its "done" mark commit in one transaction:
 * a crash before the commit leaves the job due (it runs again, and its earlier work was rolled
 * back with it); after the commit it is done. Nothing is lost and nothing happens twice.
 */
export async function runDueJobs(
  db: Db,
  handlers: Record<string, JobHandler>,
  now: () => Date = () => new Date(),
): Promise<number> {
  let ran = 0;
  for (;;) {
    let current: { id: string; attempts: number } | null = null;
    const outcome = await db
      .transaction()
      .execute(async (trx) => {
        const job = await trx
          .selectFrom("jobs")
          .select(["id", "kind", "payload", "attempts"])
          .where("done_at", "is", null)
          .where("run_at", "<=", now())
          .where("attempts", "<", MAX_ATTEMPTS)
          .orderBy("run_at")
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!job) return "idle" as const;
        current = job;
        const handler = handlers[job.kind];
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(trx, job.payload);
        await trx
          .updateTable("jobs")
          .set({ done_at: sql`now()`, attempts: job.attempts + 1, last_error: null })
          .where("id", "=", job.id)
          .execute();
        return "done" as const;
      })
      .catch((err: unknown) => err);
    if (outcome === "idle") return ran;
    if (outcome === "done") {
      ran++;
      continue;
    }
    // The job's own work was rolled back with its transaction; note why, and try later.
    const failed = current as { id: string; attempts: number } | null;
    if (!failed) throw outcome;
    await db
      .updateTable("jobs")
      .set({
        attempts: failed.attempts + 1,
        last_error: (outcome instanceof Error ? outcome.message : String(outcome)).slice(0, 500),
        run_at: new Date(now().getTime() + 60_000 * 2 ** failed.attempts),
      })
      .where("id", "=", failed.id)
      .execute();
    return ran;
  }
}

/** Runs due jobs every `everyMs` and when kicked; one round at a time. */
export class JobRunner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private db: Db;
  private handlers: Record<string, JobHandler>;
  private onError: (err: unknown) => void;
  private afterRound: (ran: number) => void;

  /** `afterRound` runs when a round did work, e.g. to deliver the mail the jobs queued. */
  constructor(
    db: Db,
    handlers: Record<string, JobHandler>,
    onError: (err: unknown) => void,
    afterRound: (ran: number) => void = () => undefined,
  ) {
    this.db = db;
    this.handlers = handlers;
    this.onError = onError;
    this.afterRound = afterRound;
  }

  start(everyMs = 30_000): void {
    this.timer = setInterval(() => void this.kick(), everyMs);
    this.timer.unref();
    void this.kick();
  }

  kick(): Promise<number> {
    if (this.running) return this.running;
    this.running = runDueJobs(this.db, this.handlers)
      .then((ran) => {
        if (ran > 0) this.afterRound(ran);
        return ran;
      })
      .catch((err: unknown) => {
        this.onError(err);
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
