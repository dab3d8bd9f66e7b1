import { beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/db/client";
import { resetEnvCache } from "@/lib/env";
import { registerIncoming, type IncomingLetter } from "@/lib/registry/register-incoming";
import { issueChallenge, solveChallenge } from "@/lib/registry/proof-of-work";
import { createTestDatabase } from "../helpers/db";

let db: Db;

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-42";
  // The proofs are real but light: 200 of them at full difficulty would take minutes of CPU.
  process.env.REGISTRY_POW_BITS = "8";
  resetEnvCache();
  const { url } = await createTestDatabase();
  // Enough connections for the deposits to really run side by side.
  db = createDb(url, { max: 20 });
  return () => db.$client.end();
});

const letter = (i: number): IncomingLetter => ({
  channel: "web",
  category: "request",
  subject: `Demande ${i}`,
  message: "Merci de m'envoyer une copie de mon contrat.",
  sender: { name: "Sara Alaoui", nationalId: `AB${100000 + i}`, email: `sara${i}@example.com` },
  locale: "fr",
});

/** A guest's deposit from its own address, with a solved proof of work. */
function asGuest(i: number, now: Date) {
  const challenge = issueChallenge(now);
  return {
    kind: "guest" as const,
    ip: `10.0.${i >> 8}.${i & 255}`,
    proof: { challenge, nonce: solveChallenge(challenge) },
  };
}

describe("registry numbers", () => {
  it("numbers 200 simultaneous deposits 1…200 for the year, with no gap and no duplicate", async () => {
    const now = new Date("2026-06-15T09:00:00Z");
    // The proofs are solved first, so that the deposits themselves start together.
    const guests = Array.from({ length: 200 }, (_, i) => asGuest(i, now));
    const results = await Promise.all(
      guests.map((guest, i) => registerIncoming(db, letter(i), guest, { now })),
    );
    const numbers = results.map((r) => r.registryNo).sort();
    expect(numbers).toEqual(
      Array.from({ length: 200 }, (_, i) => `ARR-2026-${String(i + 1).padStart(6, "0")}`),
    );
    // The registry item carries the same number, so tracking needs nothing else.
    const { rows } = await db.$client.query(
      `select count(*)::int as n from registry_entries e join work_items w on w.number = e.registry_no
       where e.direction = 'incoming' and e.year = 2026`,
    );
    expect(rows[0].n).toBe(200);
  }, 120_000);

  it("starts again at 1 with the first deposit of the new year in Casablanca", async () => {
    // 22:30 UTC on 31 December is 23:30 in Casablanca: still 2026.
    const lastOf2026 = new Date("2026-12-31T22:30:00Z");
    const late = await registerIncoming(db, letter(500), asGuest(500, lastOf2026), {
      now: lastOf2026,
    });
    expect(late.registryNo).toBe("ARR-2026-000201");
    // 23:30 UTC is already 00:30 on 1 January 2027 there.
    const firstOf2027 = new Date("2026-12-31T23:30:00Z");
    const first = await registerIncoming(db, letter(501), asGuest(501, firstOf2027), {
      now: firstOf2027,
    });
    expect(first.registryNo).toBe("ARR-2027-000001");
    const next = new Date("2027-01-02T10:00:00Z");
    const second = await registerIncoming(db, letter(502), asGuest(502, next), { now: next });
    expect(second.registryNo).toBe("ARR-2027-000002");
  }, 60_000);
});
