/** `npm run db:migrate` and `npm run db:seed`, against DATABASE_URL or the embedded cluster. */
import { createDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedIfEmpty } from "@/db/seed";
import { ensureDatabase } from "./lib/database";

const command = process.argv[2];
const { embedded, url } = await ensureDatabase();
const db = createDb(url, { max: 2 });
try {
  await runMigrations(db);
  console.log("Migrations applied.");
  if (command === "seed") {
    const result = await seedIfEmpty(db, {
      demo: !embedded ? process.env.DEMO_DATA === "true" : true,
      partnerKey: process.env.NODE_ENV !== "production",
    });
    console.log(
      result === "already-seeded"
        ? "Database already seeded: nothing done."
        : `Database ${result.replace("seeded-", "seeded with ")} data.`,
    );
  }
} finally {
  await db.$client.end();
  await embedded?.stop();
}
