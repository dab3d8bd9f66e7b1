import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { partnerFromRequest } from "@/lib/auth/partner-key";
import { sha256 } from "@/lib/auth/tokens";
import { DEMO_PARTNER_KEY } from "@/db/seed/demo";
import { createTestDatabase } from "../helpers/db";
import { appErrorOf } from "../helpers/workflow";

let db: Db;
beforeAll(async () => {
  ({ db } = await createTestDatabase());
  await db.insert(apiKeys).values([
    {
      partnerName: "Read-only bank",
      prefix: "ro_bank_key_",
      keyHash: sha256("ro_bank_key_2026_secret"),
      scopes: ["bills:read"],
    },
    {
      partnerName: "Old agent",
      prefix: "old_agent_ke",
      keyHash: sha256("old_agent_key_revoked_1"),
      scopes: ["readings:write"],
      revokedAt: new Date(),
    },
  ]);
});

const request = (authorization?: string) =>
  new Request("http://localhost/api/v1/readings", {
    method: "POST",
    headers: authorization ? { authorization } : {},
  });

describe("partner API keys", () => {
  it("finds the partner of a valid key with the scope, and records its use", async () => {
    expect(
      await partnerFromRequest(db, request(`Bearer ${DEMO_PARTNER_KEY}`), "readings:write"),
    ).toEqual({ keyPrefix: DEMO_PARTNER_KEY.slice(0, 12) });
    const [row] = await db
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.keyHash, sha256(DEMO_PARTNER_KEY)));
    expect(row?.lastUsedAt).not.toBeNull();
  });

  it("answers null without an Authorization header (the caller is then a person or a guest)", async () => {
    expect(await partnerFromRequest(db, request(), "readings:write")).toBeNull();
  });

  it.each([
    ["an unknown key", "Bearer not_a_real_key_at_all", "UNAUTHENTICATED"],
    ["a revoked key", "Bearer old_agent_key_revoked_1", "UNAUTHENTICATED"],
    ["a malformed header", "Basic dXNlcjpwYXNz", "UNAUTHENTICATED"],
    ["an empty bearer", "Bearer ", "UNAUTHENTICATED"],
    ["a key without the scope", "Bearer ro_bank_key_2026_secret", "FORBIDDEN"],
  ])("refuses %s", async (_label, header, code) => {
    expect((await appErrorOf(partnerFromRequest(db, request(header), "readings:write"))).code).toBe(
      code,
    );
  });
});
