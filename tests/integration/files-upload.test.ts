import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import type { User } from "@/db/schema";
import { POST as upload } from "@/app/api/v1/files/route";
import { errorSchema } from "@/lib/api/schemas";
import { createTestDatabase } from "../helpers/db";
import { rowCount, userByEmail } from "../helpers/workflow";

// The route reads the session through the guards and the guest's cookie through next/headers,
// both absent outside a request: the test says who is signed in; the database is real.
const session = vi.hoisted(() => ({ user: null as User | null }));
vi.mock("@/lib/auth/guards", () => ({
  getCurrentUser: async () => session.user,
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined }),
}));

let db: Db;
let customer: User;
const globalForDb = globalThis as unknown as { __waslaDb?: Db };

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  globalForDb.__waslaDb = db;
  customer = await userByEmail(db, "customer@wasla.example");
});
afterAll(() => {
  delete globalForDb.__waslaDb;
});

// A real PNG header and a few bytes: accepted by the content check; each upload differs.
const png = (n: number) =>
  new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, n & 255, n >> 8]);

function request(n: number, ip: string): Request {
  const form = new FormData();
  form.set("file", new Blob([png(n)], { type: "image/png" }), `photo-${n}.png`);
  return new Request("http://127.0.0.1/api/v1/files", {
    method: "POST",
    body: form,
    headers: { "x-forwarded-for": ip, "accept-language": "fr" },
  });
}

const FILES_TABLE = "files";

describe("POST /api/v1/files, how many", () => {
  it("takes 30 uploads an hour from a guest's address, then answers 429 and stores nothing", async () => {
    session.user = null;
    for (let i = 0; i < 30; i++) {
      const res = await upload(request(i, "198.51.100.7"), undefined as never);
      expect(res.status).toBe(201);
    }
    const stored = await rowCount(db, FILES_TABLE);
    const refused = await upload(request(99, "198.51.100.7"), undefined as never);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(800);
    const body = errorSchema.parse(await refused.json());
    expect(body.error.code).toBe("RATE_LIMITED");
    expect(body.error.message).toMatch(/15 minutes/);
    expect(await rowCount(db, FILES_TABLE)).toBe(stored);

    // Another address is not affected, nor a signed-in customer at the same address.
    expect((await upload(request(100, "198.51.100.8"), undefined as never)).status).toBe(201);
    session.user = customer;
    expect((await upload(request(101, "198.51.100.7"), undefined as never)).status).toBe(201);
  });
});
