/**
 * `npm run bench:readings`: how many guest self-readings a production server takes per second.
 *
 * Needs `npm run build` first. Starts a throw-away embedded PostgreSQL of its own, then the
 * production server on a free port against it (`scripts/run.ts start`, as `npm start` does,
 * with demo data and WASLA_BENCH_ROUTES=1), adds BENCH_CONTRACTS contracts with one meter, one
 * register and three monthly agent readings each, and drives `POST /api/v1/readings` with
 * BENCH_CLIENTS concurrent clients, each submission a plausible next index (one month of the
 * contract's average) for a contract of its own. Then the same clients against
 * `POST /api/bench/insert`, a route that does one INSERT into readings and nothing else: the
 * floor of HTTP + Next.js + one round trip. Reports readings/s and p50/p95/p99 latency of both,
 * their throughput ratio, and the answers by status. Results go to bench/results/ (git-ignored).
 *
 * Knobs (environment):
 *   BENCH_CLIENTS     concurrent clients (50)
 *   BENCH_REQUESTS    requests per client per path (40); contracts = clients × requests
 *   BENCH_WARMUP      requests per client against each path before measuring (2)
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { freePort, startEmbeddedPostgres } from "@/db/embedded";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
// Every submission (warm-up included) reads a contract of its own: a second reading of the
// same meter on the same day would be flagged, and that is not the path being measured.
const CONTRACTS = CLIENTS * (REQUESTS + WARMUP);

if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}

const round = (n: number) => Math.round(n * 100) / 100;

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, rank)]!;
}

/** BENCH_CONTRACTS contracts in a zone with no reading round (so every reading counts). */
async function seedContracts(
  client: pg.Client,
): Promise<{ no: string; serial: string; next: number; registerId: string }[]> {
  await client.query("begin");
  await client.query(
    `
    insert into customers (customer_code, name)
    select 'BC' || lpad(g::text, 7, '0'), 'Bench customer ' || g from generate_series(1, $1) g`,
    [CONTRACTS],
  );
  await client.query(
    `
    insert into premises (address_line, city, zone)
    select 'Bench street ' || g, 'El Jadida', 'BENCH' from generate_series(1, $1) g`,
    [CONTRACTS],
  );
  await client.query(
    `
    insert into contracts (contract_no, customer_id, premise_id, service, start_date)
    select 'BN' || lpad(g::text, 7, '0'), c.id, p.id, 'water', '2020-01-01'
    from generate_series(1, $1) g
    join customers c on c.customer_code = 'BC' || lpad(g::text, 7, '0')
    join premises p on p.address_line = 'Bench street ' || g`,
    [CONTRACTS],
  );
  await client.query(`
    insert into meters (contract_id, serial, dials, installed_at)
    select c.id, 'BS' || substr(c.contract_no, 3), 5, '2020-01-01'
    from contracts c where c.contract_no like 'BN%'`);
  await client.query(`
    insert into meter_registers (meter_id, name, initial_index)
    select m.id, 'single', 1000 from meters m where m.serial like 'BS%'`);
  // Three monthly agent readings, 10-49 m³ a month depending on the contract: the submitted
  // index is one more month of the same, which the plausibility rules accept as it is.
  await client.query(`
    insert into readings (register_id, index, read_at, source, status)
    select r.id, 1000 + k * (10 + substr(m.serial, 3)::int % 40),
      now() - (4 - k) * interval '30 days', 'agent', 'accepted'
    from meter_registers r join meters m on m.id = r.meter_id
    cross join generate_series(1, 3) k
    where m.serial like 'BS%'`);
  await client.query("commit");
  await client.query("analyze");
  const { rows } = await client.query<{
    no: string;
    serial: string;
    next: string;
    register_id: string;
  }>(`
    select c.contract_no as no, m.serial, 1000 + 4 * (10 + substr(m.serial, 3)::int % 40) as next,
      r.id as register_id
    from contracts c join meters m on m.contract_id = c.id
    join meter_registers r on r.meter_id = m.id
    where c.contract_no like 'BN%' order by c.contract_no`);
  return rows.map((r) => ({
    no: r.no,
    serial: r.serial,
    next: Number(r.next),
    registerId: r.register_id,
  }));
}

/**
 * CPU seconds (user + system) of the processes under each root pid, from /proc (null where there
 * is none): the server's Node.js processes and PostgreSQL's, to tell which side a request costs.
 */
function cpuSecondsUnder(roots: number[]): (number | null)[] {
  try {
    const procs = new Map<number, { ppid: number; ticks: number }>();
    for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        procs.set(Number(pid), {
          ppid: Number(fields[1]),
          ticks: Number(fields[11]) + Number(fields[12]),
        });
      } catch {
        // the process ended meanwhile
      }
    }
    const under = (pid: number, root: number): boolean => {
      for (let p = pid, depth = 0; p > 1 && depth < 20; depth++) {
        if (p === root) return true;
        p = procs.get(p)?.ppid ?? 0;
      }
      return false;
    };
    return roots.map((root) => {
      let ticks = 0;
      for (const [pid, proc] of procs) if (under(pid, root)) ticks += proc.ticks;
      return ticks / 100;
    });
  } catch {
    return roots.map(() => null);
  }
}

type Run = {
  requests: number;
  seconds: number;
  perSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  statuses: Record<string, number>;
  /** CPU milliseconds per request: the server's Node.js processes and PostgreSQL's. */
  cpuMsPerRequest: { server: number | null; postgres: number | null };
  /** Share of sampled busy PostgreSQL backends by wait event ("cpu" when not waiting). */
  postgresWaits: Record<string, number>;
};

type Probe = { serverPid: number; postmasterPid: number; sampler: pg.Client };

/** CLIENTS clients back to back, `count` requests each; body(i) gives request i's body. */
async function drive(
  url: string,
  count: number,
  body: (i: number) => unknown,
  probe: Probe,
): Promise<Run> {
  const latencies: number[] = [];
  const waits: Record<string, number> = {};
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { rows } = await probe.sampler.query<{ wait: string; n: string }>(
        `select coalesce(wait_event_type || ':' || wait_event, 'cpu') as wait, count(*) as n
         from pg_stat_activity where state = 'active' and backend_type = 'client backend'
           and pid <> pg_backend_pid() group by 1`,
      );
      for (const r of rows) waits[r.wait] = (waits[r.wait] ?? 0) + Number(r.n);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const cpuBefore = cpuSecondsUnder([probe.serverPid, probe.postmasterPid]);
  const statuses: Record<string, number> = {};
  const samples: Record<string, string> = {};
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let r = 0; r < count; r++) {
        const s = performance.now();
        const res = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", "accept-language": "fr" },
          body: JSON.stringify(body(c * count + r)),
        });
        const text = await res.text();
        latencies.push(performance.now() - s);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (res.status !== 201) samples[res.status] ??= text.slice(0, 300);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpuAfter = cpuSecondsUnder([probe.serverPid, probe.postmasterPid]);
  sampling = false;
  await sampler;
  const perRequest = (i: number) => {
    const [a, b] = [cpuBefore[i], cpuAfter[i]];
    return a == null || b == null ? null : round(((b - a) * 1000) / latencies.length);
  };
  const sampled = Object.values(waits).reduce((a, b) => a + b, 0) || 1;
  for (const [status, text] of Object.entries(samples)) console.log(`  first ${status}: ${text}`);
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds: round(seconds),
    perSecond: round(latencies.length / seconds),
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies.at(-1) ?? NaN),
      mean: round(latencies.reduce((a, b) => a + b, 0) / latencies.length),
    },
    statuses,
    cpuMsPerRequest: { server: perRequest(0), postgres: perRequest(1) },
    postgresWaits: Object.fromEntries(
      Object.entries(waits)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => [k, round(v / sampled)]),
    ),
  };
}

async function main() {
  const started = Date.now();
  const cluster = await startEmbeddedPostgres({
    dataDir: path.resolve(`.data/bench-readings-postgres-${process.pid}`),
    ephemeral: true,
    fast: true,
  });
  let server: ReturnType<typeof spawn> | undefined;
  let serverLog = "";
  const stopServer = async () => {
    if (!server || server.exitCode !== null) return;
    server.kill("SIGTERM");
    await new Promise((r) => server!.once("exit", r));
  };
  try {
    const admin = new pg.Client(cluster.url("postgres"));
    await admin.connect();
    await admin.query("create database wasla");
    await admin.end();
    const databaseUrl = cluster.url("wasla");

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: baseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      DATABASE_URL: databaseUrl,
      DEMO_DATA: "true",
      // The bench measures readings: no demo history of work items to seed first.
      DEMO_HISTORY: "false",
      WASLA_BENCH_ROUTES: "1",
    };
    server = spawn(process.execPath, ["--import", "tsx", "scripts/run.ts", "start"], {
      stdio: ["ignore", "pipe", "pipe"],
      env,
    });
    server.stdout!.on("data", (d) => (serverLog += d));
    server.stderr!.on("data", (d) => (serverLog += d));

    let ready = false;
    while (Date.now() - started < 120_000 && server.exitCode === null) {
      try {
        if ((await fetch(`${baseUrl}/api/health`)).ok) {
          ready = true;
          break;
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 300));
    }
    if (!ready) throw new Error(`The server did not become healthy:\n${serverLog}`);

    const client = new pg.Client(databaseUrl);
    await client.connect();
    console.log(`Seeding ${CONTRACTS.toLocaleString("en")} contracts with three readings each…`);
    const targets = await seedContracts(client);
    const { rows } = await client.query<{ server_version: string }>("show server_version");
    const sampler = new pg.Client(databaseUrl);
    await sampler.connect();
    const dataDir = path.resolve(`.data/bench-readings-postgres-${process.pid}`);
    const probe: Probe = {
      serverPid: server.pid!,
      postmasterPid: Number(
        readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0],
      ),
      sampler,
    };
    console.log(`Setup took ${((Date.now() - started) / 1000).toFixed(1)} s.`);

    const readingBody = (t: (typeof targets)[number]) => ({
      contractNo: t.no,
      meterSerial: t.serial,
      readings: [{ register: "single", index: String(t.next) }],
    });
    const warm = targets.slice(0, CLIENTS * WARMUP);
    const measured = targets.slice(CLIENTS * WARMUP);
    const readingsUrl = `${baseUrl}/api/v1/readings`;
    const insertUrl = `${baseUrl}/api/bench/insert`;
    // Warm-up: route code loaded, pool connections opened, plans cached.
    await drive(readingsUrl, WARMUP, (i) => readingBody(warm[i]!), probe);
    await drive(
      insertUrl,
      WARMUP,
      (i) => ({ registerId: targets[i % targets.length]!.registerId }),
      probe,
    );

    console.log(`${CLIENTS} clients × ${REQUESTS} requests, ${os.availableParallelism()} cores…`);
    const full = await drive(readingsUrl, REQUESTS, (i) => readingBody(measured[i]!), probe);
    const bare = await drive(
      insertUrl,
      REQUESTS,
      (i) => ({ registerId: targets[i % targets.length]!.registerId }),
      probe,
    );
    await sampler.end();
    const outcome = await client.query<{ status: string; n: string }>(
      `select status, count(*) as n from readings where source = 'self' and receipt_no is not null group by status`,
    );
    await client.end();

    const ratio = round(full.perSecond / bare.perSecond);
    const result = {
      date: new Date().toISOString(),
      clients: CLIENTS,
      requestsPerClient: REQUESTS,
      full: { route: "POST /api/v1/readings (guest)", ...full },
      bare: { route: "POST /api/bench/insert", ...bare },
      throughputRatio: ratio,
      readingStatuses: Object.fromEntries(outcome.rows.map((r) => [r.status, Number(r.n)])),
      machine: {
        cores: os.availableParallelism(),
        cpu: os.cpus()[0]?.model ?? "unknown",
        memoryGiB: round(os.totalmem() / 2 ** 30),
        node: process.version,
        postgres: rows[0]!.server_version,
        database: "embedded (fsync off)",
      },
    };
    const line = (name: string, r: Run) =>
      `${name.padEnd(22)} ${String(r.perSecond).padStart(8)} /s   p50 ${r.latencyMs.p50} ms   p95 ${r.latencyMs.p95} ms   p99 ${r.latencyMs.p99} ms   ${JSON.stringify(r.statuses)}\n` +
      `${"".padEnd(22)} cpu/request ${r.cpuMsPerRequest.server ?? "?"} ms server + ${r.cpuMsPerRequest.postgres ?? "?"} ms PostgreSQL   waits ${JSON.stringify(r.postgresWaits)}`;
    console.log(
      [
        line("POST /api/v1/readings", full),
        line("POST /api/bench/insert", bare),
        `ratio (full / bare)    ${ratio}  (goal: ≥ 0.5)`,
        `stored readings        ${JSON.stringify(result.readingStatuses)}`,
      ].join("\n"),
    );
    const dir = path.join(process.cwd(), "bench", "results");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `readings-${result.date.replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`Written to ${path.relative(process.cwd(), file)}`);
  } finally {
    await stopServer();
    await cluster.stop();
  }
}

await main();
