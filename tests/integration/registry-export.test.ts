import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { User } from "@/db/schema";
import { resetEnvCache } from "@/lib/env";
import { distributeEntry } from "@/lib/registry/distribute";
import { registerCsv, registerForPeriod } from "@/lib/registry/export";
import { registerIncoming } from "@/lib/registry/register-incoming";
import { registerFiltersSchema } from "@/lib/registry/schemas";
import { createTestDatabase } from "../helpers/db";
import { userByEmail } from "../helpers/workflow";

let db: Db;
let clerk: User;
const TZ = "Africa/Casablanca";

// Registered by hand at the counter: no proof of work or rate limit, any date.
const at = (iso: string, i: number) =>
  registerIncoming(
    db,
    {
      channel: i % 2 ? "post" : "counter",
      category: "inquiry",
      subject: i === 3 ? `"Devis", branchement; =SUM(A1)` : `Courrier ${i}`,
      message: "Texte",
      sender: { name: i % 2 ? "Omar Idrissi" : "نادية بناني", phone: "0612345678" },
      locale: "fr",
    },
    { kind: "clerk", user: clerk },
    { now: new Date(iso) },
  );

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-42";
  resetEnvCache();
  ({ db } = await createTestDatabase());
  clerk = await userByEmail(db, "registry@wasla.example");
});

describe("register export for a date range", () => {
  it("lists every entry of the range exactly once, in number order", async () => {
    const dates = [
      "2026-03-31T22:30:00Z", // 31 March 23:30 in Casablanca: before the range
      "2026-03-31T23:30:00Z", // 1 April 00:30 there: the first of the range
      "2026-04-02T10:00:00Z",
      "2026-04-15T08:00:00Z",
      "2026-04-30T22:30:00Z", // 30 April 23:30 there: the last of the range
      "2026-04-30T23:30:00Z", // 1 May 00:30 there: after it
    ];
    const filed = [];
    // Filed in a shuffled order of time, so number order and date order differ.
    for (const [i, iso] of [dates[3], dates[0], dates[5], dates[1], dates[4], dates[2]].entries())
      filed.push({ iso: iso!, ...(await at(iso!, i)) });
    // One letter distributed to two departments still appears once.
    const twice = filed.find((f) => f.iso === dates[2])!;
    await distributeEntry(db, clerk, {
      entryId: twice.entryId,
      lead: "billing",
      copies: ["customer_relations"],
    });

    const filters = registerFiltersSchema.parse({ from: "2026-04-01", to: "2026-04-30" });
    const rows = await registerForPeriod(db, clerk, filters, TZ);
    const inRange = filed
      .filter((f) => f.iso >= dates[1]! && f.iso <= dates[4]!)
      .map((f) => f.registryNo)
      .sort();
    expect(rows.map((r) => r.registryNo)).toEqual(inRange);
    expect(new Set(rows.map((r) => r.registryNo)).size).toBe(rows.length);
    expect(rows.find((r) => r.registryNo === twice.registryNo)!.departments).toEqual([
      { code: "billing", lead: true },
      { code: "customer_relations", lead: false },
    ]);

    const csv = registerCsv(rows, {
      locale: "fr",
      timeZone: TZ,
      direction: "incoming",
      departmentName: (c) => c.toUpperCase(),
    });
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(inRange);
    // A subject a spreadsheet would run as a formula, or that breaks CSV, stays one cell.
    expect(csv).toContain(`"""Devis"", branchement; =SUM(A1)"`);
    expect(csv).toContain("BILLING; CUSTOMER_RELATIONS (copie)");

    // The department filter finds the distributed letter once; another clerk sees nothing.
    const billing = await registerForPeriod(db, clerk, { ...filters, department: "billing" }, TZ);
    expect(billing.map((r) => r.registryNo)).toEqual([twice.registryNo]);
    const other = await userByEmail(db, "clerk@wasla.example");
    expect(await registerForPeriod(db, other, filters, TZ)).toEqual([]);
  });
});
