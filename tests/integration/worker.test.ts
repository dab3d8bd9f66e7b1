import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { claimItem } from "@/lib/workflow/claim";
import { OUTBOX_JOB, startWorker, SWEEP_JOB, type Worker } from "@/scripts/worker";
import { createTestDatabase } from "../helpers/db";
import { fileAsCustomer, itemRow, userByEmail } from "../helpers/workflow";

let db: Db;
let workers: Worker[] = [];

beforeAll(async () => {
  const created = await createTestDatabase();
  db = created.db;
  // Two workers on one database, started together, as two `npm run worker` processes would be.
  workers = await Promise.all(
    [1, 2].map(() =>
      startWorker({ databaseUrl: created.url, outboxPollMs: null, jobPollSeconds: 1 }),
    ),
  );
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
});

async function waitForJob(name: string, id: string) {
  const boss = workers[0]!.boss;
  for (let i = 0; i < 100; i++) {
    const job = await boss.getJobById(name, id);
    if (job && (job.state === "completed" || job.state === "failed")) return job;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`job ${name} ${id} did not finish`);
}

describe("the background worker", () => {
  it("schedules both jobs once, every minute, however many workers start", async () => {
    const { rows } = await db.execute(sql`select name, cron from pgboss.schedule order by name`);
    expect(rows).toEqual([
      { name: OUTBOX_JOB, cron: "* * * * *" },
      { name: SWEEP_JOB, cron: "* * * * *" },
    ]);
  });

  it("releases lapsed claims when the sweep job runs", async () => {
    const customer = await userByEmail(db, "customer@wasla.example");
    const clerk = await userByEmail(db, "clerk@wasla.example");
    const hourAgo = new Date(Date.now() - 3600_000);
    const filed = await fileAsCustomer(
      db,
      customer,
      { category: "wrong_name", description: "Le contrat n'est pas à mon nom, merci de corriger." },
      new Date(hourAgo.getTime() - 60_000),
    );
    // Claimed an hour ago: the 15-minute lease has lapsed.
    await claimItem(db, clerk, filed.itemId, hourAgo);
    expect((await itemRow(db, filed.itemId)).assigneeId).toBe(clerk.id);

    const id = await workers[1]!.boss.send(SWEEP_JOB, {});
    expect(id).toEqual(expect.any(String));
    const job = await waitForJob(SWEEP_JOB, id!);
    expect(job.state).toBe("completed");
    expect(await itemRow(db, filed.itemId)).toMatchObject({
      assigneeId: null,
      leaseExpiresAt: null,
    });
  });

  it("runs the outbox job (a no-op without SMTP)", async () => {
    const id = await workers[0]!.boss.send(OUTBOX_JOB, {});
    const job = await waitForJob(OUTBOX_JOB, id!);
    expect(job.state).toBe("completed");
  });
});
