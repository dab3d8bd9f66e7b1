/**
 * `npm run bench:queue`: how fast twenty clerks can press "take next" on a big backlog.
 *
 * Starts a throw-away embedded PostgreSQL (or creates a database of its own on the server at
 * BENCH_DATABASE_URL, where it may create and drop databases), migrates and seeds it, adds
 * 100,000 open items over the departments and 20 clerks, then runs the 20 clerks at once, each
 * calling takeNext back to back (by default: no think time, the worst case), and reports claims
 * per second and the latency percentiles of one call. Results go to bench/results/ (git-ignored).
 *
 * Knobs (environment):
 *   BENCH_ITEMS     open items (100000)
 *   BENCH_CLERKS    clerks claiming at once (20)
 *   BENCH_CLAIMS    claims per clerk (500)
 *   BENCH_WARMUP    claims per clerk before measuring (20)
 *   BENCH_POOL      database connections (one per clerk)
 *   BENCH_THINK_MS  mean pause between a clerk's claims (0)
 *   BENCH_KEEP=1    leave the database on BENCH_DATABASE_URL's server, to EXPLAIN against it
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import pg from "pg";
import { createDb, type Db } from "@/db/client";
import { startEmbeddedPostgres, type EmbeddedCluster } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";
import { departments, staffDepartments, users, type User } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { takeNext } from "@/lib/workflow/claim";

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const CLERKS = Number(process.env.BENCH_CLERKS ?? 20);
const CLAIMS_PER_CLERK = Number(process.env.BENCH_CLAIMS ?? 500);
const WARMUP_PER_CLERK = Number(process.env.BENCH_WARMUP ?? 20);
// Pause between a clerk's claims (uniform in [0, 2 × mean]); 0 = back to back, the worst case.
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 0);
// One connection per clerk by default: every claim really runs at the same time as the others.
const POOL = Number(process.env.BENCH_POOL ?? CLERKS);

type Database = {
  url: string;
  dispose: () => Promise<void>;
  /** CPU seconds used so far by the server's processes, when they run on this machine. */
  serverCpuSeconds: () => number | null;
};

/**
 * CPU seconds (user + system) of a postmaster and its children, from /proc: with the clerks'
 * own share this gives the CPU cost of one claim, a figure that — unlike latency — does not
 * depend on what else the machine is doing. Null where /proc is not available.
 */
function clusterCpuSeconds(dataDir: string): number | null {
  try {
    const postmaster = Number(
      readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0],
    );
    let ticks = 0;
    for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      } catch {
        continue; // the process ended meanwhile
      }
      // Fields after the command name: state ppid … utime(12th) stime(13th).
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(pid) === postmaster || Number(fields[1]) === postmaster)
        ticks += Number(fields[11]) + Number(fields[12]);
    }
    // Linux reports in clock ticks, 100 per second on every usual configuration.
    return ticks / 100;
  } catch {
    return null;
  }
}

/** A database of the bench's own: on BENCH_DATABASE_URL's server, or in an embedded cluster. */
async function benchDatabase(): Promise<Database> {
  let cluster: EmbeddedCluster | undefined;
  let adminUrl = process.env.BENCH_DATABASE_URL;
  const dataDir = path.resolve(`.data/bench-postgres-${process.pid}`);
  if (!adminUrl) {
    cluster = await startEmbeddedPostgres({
      dataDir,
      ephemeral: true,
      fast: true,
    });
    adminUrl = cluster.url("postgres");
  }
  const name = `wasla_bench_${process.pid}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    serverCpuSeconds: () => (cluster ? clusterCpuSeconds(dataDir) : null),
    dispose: async () => {
      if (process.env.BENCH_KEEP === "1" && !cluster) {
        console.log(`Kept ${url.toString()}`);
        return;
      }
      const drop = new pg.Client(adminUrl);
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
      await cluster?.stop();
    },
  };
}

/** 100,000 open, unclaimed items in one statement, deadlines spread over the coming fortnight. */
async function seedBacklog(db: Db, departmentIds: string[]): Promise<void> {
  const ids = sql.raw(`array[${departmentIds.map((d) => `'${d}'::uuid`).join(", ")}]`);
  await db.execute(sql`
    insert into work_items (number, tracking_code, kind_code, channel, status, priority,
      department_id, locale, subject_type, title, description, first_response_due_at,
      resolution_due_at, business_minutes_left, created_at, updated_at)
    select 'BENCH-' || lpad(g::text, 7, '0'), upper(substr(md5(g::text), 1, 8)),
      'complaint_commercial', 'web', 'new', 'normal',
      (${ids})[1 + g % ${departmentIds.length}],
      'fr', 'complaint', 'Bench item ' || g, 'Generated for the take-next benchmark',
      now() + interval '4 hours', now() + (random() * interval '14 days'), 2400,
      now() - (random() * interval '3 days'), now()
    from generate_series(1, ${ITEMS}) g`);
  // Fresh statistics, as autovacuum would have them on a live server — also for the report rows
  // the insert trigger wrote beside each item, or autovacuum does that work during the claims.
  await db.execute(sql`vacuum analyze work_items, report_items`);
}

/** Clerks working in two departments each, like the demo's clerks. */
async function createClerks(db: Db, departmentIds: string[]): Promise<User[]> {
  const clerks = await db
    .insert(users)
    .values(
      Array.from({ length: CLERKS }, (_, i) => ({
        email: `bench-clerk-${i}@wasla.test`,
        passwordHash: "not-a-usable-hash",
        name: `Bench clerk ${i}`,
        role: "clerk" as const,
        locale: "fr" as const,
      })),
    )
    .returning();
  await db.insert(staffDepartments).values(
    clerks.flatMap((c, i) => [
      { userId: c.id, departmentId: departmentIds[i % departmentIds.length]! },
      { userId: c.id, departmentId: departmentIds[(i + 1) % departmentIds.length]! },
    ]),
  );
  return clerks;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, rank)]!;
}

const round = (n: number) => Math.round(n * 100) / 100;

async function main() {
  const started = Date.now();
  const database = await benchDatabase();
  try {
    const db = createDb(database.url, { max: POOL });
    try {
      await runMigrations(db);
      await db.transaction((tx) => seedDemo(tx, { partnerKey: false }));
      const departmentIds = (await db.select({ id: departments.id }).from(departments)).map(
        (d) => d.id,
      );
      console.log(`Seeding ${ITEMS.toLocaleString("en")} open items…`);
      await seedBacklog(db, departmentIds);
      const clerks = await createClerks(db, departmentIds);
      const { rows } = await db.execute(sql`show server_version`);
      const serverVersion = (rows[0] as { server_version: string }).server_version;
      console.log(`Setup took ${((Date.now() - started) / 1000).toFixed(1)} s.`);

      // Warm-up: connections opened, plans cached, pages in memory.
      await Promise.all(
        clerks.map(async (clerk) => {
          for (let i = 0; i < WARMUP_PER_CLERK; i++) await takeNext(db, clerk);
        }),
      );

      console.log(
        `${CLERKS} clerks × ${CLAIMS_PER_CLERK} claims, ${THINK_MS ? `~${THINK_MS} ms between claims` : "back to back"}, ${POOL} connections, ${os.availableParallelism()} cores…`,
      );
      const latencies: number[] = [];
      let empty = 0;
      const cpu = process.cpuUsage();
      const serverCpu = database.serverCpuSeconds();
      const t0 = performance.now();
      await Promise.all(
        clerks.map(async (clerk) => {
          for (let i = 0; i < CLAIMS_PER_CLERK; i++) {
            const s = performance.now();
            const item = await takeNext(db, clerk);
            latencies.push(performance.now() - s);
            if (!item) empty++;
            if (THINK_MS > 0) await new Promise((r) => setTimeout(r, Math.random() * 2 * THINK_MS));
          }
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      const cpuUsed = process.cpuUsage(cpu);
      const serverCpuAfter = database.serverCpuSeconds();
      const clientMs = (cpuUsed.user + cpuUsed.system) / 1e3 / latencies.length;
      const serverMs =
        serverCpu === null || serverCpuAfter === null
          ? null
          : ((serverCpuAfter - serverCpu) * 1e3) / latencies.length;
      latencies.sort((a, b) => a - b);

      const result = {
        date: new Date().toISOString(),
        items: ITEMS,
        clerks: CLERKS,
        connections: POOL,
        thinkMs: THINK_MS,
        claimsPerClerk: CLAIMS_PER_CLERK,
        claims: latencies.length,
        emptyAnswers: empty,
        seconds: round(seconds),
        claimsPerSecond: round(latencies.length / seconds),
        latencyMs: {
          p50: round(percentile(latencies, 50)),
          p95: round(percentile(latencies, 95)),
          p99: round(percentile(latencies, 99)),
          max: round(latencies.at(-1) ?? NaN),
          mean: round(latencies.reduce((a, b) => a + b, 0) / latencies.length),
        },
        /** CPU milliseconds per claim: PostgreSQL's (embedded only) and the clerks' process. */
        cpuMsPerClaim: {
          postgres: serverMs === null ? null : round(serverMs),
          clerks: round(clientMs),
        },
        machine: {
          cores: os.availableParallelism(),
          cpu: os.cpus()[0]?.model ?? "unknown",
          memoryGiB: round(os.totalmem() / 2 ** 30),
          node: process.version,
          postgres: serverVersion,
          database: process.env.BENCH_DATABASE_URL ? "BENCH_DATABASE_URL" : "embedded (fsync off)",
        },
      };

      console.log(
        [
          `claims/s   ${result.claimsPerSecond}`,
          `p50        ${result.latencyMs.p50} ms`,
          `p95        ${result.latencyMs.p95} ms`,
          `p99        ${result.latencyMs.p99} ms`,
          `max        ${result.latencyMs.max} ms`,
          `cpu/claim  ${result.cpuMsPerClaim.postgres ?? "?"} ms PostgreSQL + ${result.cpuMsPerClaim.clerks} ms clerks`,
          `cores      ${result.machine.cores}`,
        ].join("\n"),
      );
      const dir = path.join(process.cwd(), "bench", "results");
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `queue-${result.date.replace(/[:.]/g, "-")}.json`);
      writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
      console.log(`Written to ${path.relative(process.cwd(), file)}`);
    } finally {
      await db.$client.end();
    }
  } finally {
    await database.dispose();
  }
}

await main();
