import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { accountContracts, bills, contracts, meterRegisters, meters, type User } from "@/db/schema";
import { GET as getBills } from "@/app/api/v1/bills/route";
import { GET as getContracts } from "@/app/api/v1/contracts/route";
import { GET as getPartnerBills } from "@/app/api/v1/partner/bills/route";
import { GET as getReadings } from "@/app/api/v1/readings/route";
import { DEMO_PARTNER_KEY } from "@/db/seed/demo";
import { MAX_CURSOR_LENGTH } from "@/lib/api/cursor";
import {
  billListSchema,
  contractListSchema,
  errorSchema,
  partnerBillsSchema,
  readingHistorySchema,
} from "@/lib/api/schemas";
import { billCursor } from "@/lib/billing/api";
import { listContractReadings } from "@/lib/contracts/queries";
import { resetEnvCache } from "@/lib/env";
import ar from "@/lib/i18n/messages/ar.json";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { HISTORY_LIMIT, readingCursor } from "@/lib/metering/history";
import { partnerBillCursor } from "@/lib/payments/partner";
import { createTestDatabase } from "../helpers/db";
import { snapshotAll } from "../helpers/bad-input";
import { userByEmail } from "../helpers/workflow";

// The handlers read the session through the guards: the test says who is signed in; handlers,
// cursors and the database are real.
const session = vi.hoisted(() => ({ user: null as User | null }));
vi.mock("@/lib/auth/guards", async () => {
  const { AppError } = await import("@/lib/errors");
  const requireUser = async () => {
    if (!session.user) throw new AppError("UNAUTHENTICATED");
    return session.user;
  };
  return {
    getCurrentUser: async () => session.user,
    requireUser,
    requireRole: async () => requireUser(),
    currentRequestMeta: async () => ({ ip: "203.0.113.9", userAgent: "vitest" }),
    isStaff: (u: Pick<User, "role">) => ["clerk", "supervisor", "admin"].includes(u.role),
  };
});
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [] }),
  headers: async () => new Headers(),
}));

type Handler = (request: Request, context: never) => Promise<Response>;

let db: Db;
let customer: User;
let youssef: User;
/** The customer's contract with a meter: its readings get a history longer than a page. */
let readContractNo: string;
/** A contract of the customer's made here, with more unpaid bills than a partner page. */
let billedContractNo: string;
let billedContractId: string;
const globalForDb = globalThis as unknown as { __waslaDb?: Db };

const EXTRA_CONTRACTS = 57;
const EXTRA_READINGS = 60;
const EXTRA_BILLS = 230;

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "integration-tests-secret-at-least-32-characters";
  resetEnvCache();
  ({ db } = await createTestDatabase());
  globalForDb.__waslaDb = db;
  customer = await userByEmail(db, "customer@wasla.example");
  youssef = await userByEmail(db, "youssef@wasla.example");

  // A register of one of the customer's contracts, for readings older than the seed's.
  const [register] = await db
    .select({ id: meterRegisters.id, contractNo: contracts.contractNo })
    .from(meterRegisters)
    .innerJoin(meters, eq(meters.id, meterRegisters.meterId))
    .innerJoin(contracts, eq(contracts.id, meters.contractId))
    .innerJoin(accountContracts, eq(accountContracts.contractId, contracts.id))
    .where(and(eq(accountContracts.userId, customer.id), eq(meters.active, true)))
    .orderBy(asc(contracts.contractNo), asc(meterRegisters.name))
    .limit(1);
  readContractNo = register!.contractNo;
  for (let i = 0; i < EXTRA_READINGS; i++) {
    // Two a day on the same register: mostly at the very same instant (the id decides), some a
    // microsecond apart (below what a JS Date keeps, so a millisecond cursor would lose one).
    const day = Math.floor(i / 2);
    const micros = i % 5 === 0 ? 0 : i % 7 === 0 ? 1 : 0;
    const at = `2018-01-01T08:00:00.${String(123000 + micros).padStart(6, "0")}Z`;
    await db.execute(sql`insert into readings (register_id, index, read_at, source)
      values (${register!.id}, ${1000 + i}, ${at}::timestamptz + ${`${day} days`}::interval, 'agent')`);
  }

  // More contracts than a page, in every service, linked to the customer.
  const [template] = await db
    .select()
    .from(contracts)
    .innerJoin(accountContracts, eq(accountContracts.contractId, contracts.id))
    .where(eq(accountContracts.userId, customer.id))
    .limit(1);
  const services = ["water", "electricity", "sanitation"] as const;
  const made = await db
    .insert(contracts)
    .values(
      Array.from({ length: EXTRA_CONTRACTS }, (_, i) => ({
        contractNo: `PG${String(i).padStart(6, "0")}`,
        customerId: template!.contracts.customerId,
        premiseId: template!.contracts.premiseId,
        service: services[i % 3]!,
        startDate: "2020-01-01",
      })),
    )
    .returning({ id: contracts.id, contractNo: contracts.contractNo });
  await db
    .insert(accountContracts)
    .values(made.map((c) => ({ userId: customer.id, contractId: c.id })));
  billedContractNo = made[0]!.contractNo;
  billedContractId = made[0]!.id;

  // Issued bills on one of them: one in four is due, the others total nothing, so a partner
  // page needs several batches; a cancelled bill is never offered.
  await db.insert(bills).values(
    Array.from({ length: EXTRA_BILLS }, (_, i) => {
      const start = new Date(Date.UTC(2000, 0, 1 + i * 31));
      const end = new Date(start.getTime() + 31 * 86_400_000);
      const iso = (d: Date) => d.toISOString().slice(0, 10);
      return {
        billNo: `PGB-${String(i).padStart(6, "0")}`,
        contractId: billedContractId,
        periodStart: iso(start),
        periodEnd: iso(end),
        days: 31,
        dueDate: iso(end),
        readingType: "agent" as const,
        consumption: "1",
        unit: "m3",
        currency: "MAD",
        totalBeforeTaxMinor: 0,
        taxMinor: 0,
        totalMinor: i % 4 === 0 ? 1000 + i : 0,
        paymentReference: `PGREF${i}`,
        status: i === 8 ? ("cancelled" as const) : ("issued" as const),
      };
    }),
  );
});
afterAll(() => {
  delete globalForDb.__waslaDb;
});

function call(handler: Handler, path: string, options: { user?: User | null; lang?: string } = {}) {
  session.user = options.user === undefined ? customer : options.user;
  return handler(
    new Request(`http://localhost${path}`, {
      headers: { "accept-language": options.lang ?? "fr" },
    }),
    undefined as never,
  );
}

function callPartner(path: string, lang = "fr") {
  session.user = null;
  return (getPartnerBills as Handler)(
    new Request(`http://localhost${path}`, {
      headers: { authorization: `Bearer ${DEMO_PARTNER_KEY}`, "accept-language": lang },
    }),
    undefined as never,
  );
}

/** Every page from the first, following nextCursor; the items in order and the page sizes. */
async function walk<T>(
  fetchPage: (cursor: string | null) => Promise<Response>,
  itemsOf: (body: unknown) => { items: T[]; nextCursor: string | null },
): Promise<{ items: T[]; sizes: number[] }> {
  const items: T[] = [];
  const sizes: number[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const res = await fetchPage(cursor);
    expect(res.status).toBe(200);
    const page = itemsOf(await res.json());
    items.push(...page.items);
    sizes.push(page.items.length);
    if (page.nextCursor === null) return { items, sizes };
    cursor = page.nextCursor;
  }
  throw new Error("nextCursor never ran out");
}

const q = (cursor: string | null) => (cursor ? `&cursor=${encodeURIComponent(cursor)}` : "");

/** A refused cursor: 400 VALIDATION_FAILED, `cursor` invalid, in the caller's language. */
async function expectBadCursor(res: Response, lang: "ar" | "fr" | "en" = "fr") {
  const messages = { ar, fr, en }[lang];
  expect(res.status).toBe(400);
  expect(errorSchema.parse(await res.json())).toEqual({
    error: {
      code: "VALIDATION_FAILED",
      message: messages.errors.VALIDATION_FAILED,
      fields: { cursor: messages.validation.invalid },
    },
  });
}

describe("GET /api/v1/readings: pages of HISTORY_LIMIT, newest first", () => {
  it("walks every reading of the contract exactly once, in list order", async () => {
    const expected = await db.execute(sql`
      select mr.name as register, r.index::text as index, r.read_at as "readAt"
      from readings r
      join meter_registers mr on mr.id = r.register_id
      join meters m on m.id = mr.meter_id
      join contracts c on c.id = m.contract_id
      where c.contract_no = ${readContractNo}
      order by r.read_at desc, mr.name asc, r.id asc`);
    const rows = expected.rows as { register: string; index: string; readAt: string | Date }[];
    expect(rows.length).toBeGreaterThan(2 * HISTORY_LIMIT);

    const { items, sizes } = await walk(
      (cursor) =>
        call(getReadings as Handler, `/api/v1/readings?contractNo=${readContractNo}${q(cursor)}`),
      (body) => {
        const page = readingHistorySchema.parse(body);
        expect(page.contractNo).toBe(readContractNo);
        return { items: page.readings, nextCursor: page.nextCursor };
      },
    );
    expect(items.map((r) => `${r.register}|${r.index}|${r.readAt}`)).toEqual(
      rows.map((r) => `${r.register}|${r.index}|${new Date(r.readAt).toISOString()}`),
    );
    expect(sizes.slice(0, -1).every((n) => n === HISTORY_LIMIT)).toBe(true);
    expect(sizes.at(-1)).toBeGreaterThan(0);
    expect(sizes.at(-1)).toBeLessThanOrEqual(HISTORY_LIMIT);
  });

  it("keeps the first page what the endpoint always answered: the last 24 readings", async () => {
    const res = await call(getReadings as Handler, `/api/v1/readings?contractNo=${readContractNo}`);
    const page = readingHistorySchema.parse(await res.json());
    const [contract] = await db
      .select({ id: contracts.id })
      .from(contracts)
      .where(eq(contracts.contractNo, readContractNo));
    const last24 = await listContractReadings(db, {
      userId: customer.id,
      contractId: contract!.id,
    });
    expect(page.readings.map((r) => [r.register, r.index, r.readAt, r.consumption])).toEqual(
      last24.map((r) => [r.registerName, String(r.index), r.readAt.toISOString(), r.consumption]),
    );
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it("answers another customer's contract with the same 404, cursor or not", async () => {
    for (const path of [
      `/api/v1/readings?contractNo=${readContractNo}`,
      `/api/v1/readings?contractNo=${readContractNo}&cursor=${readingCursor.encode({
        readAt: "2030-01-01T00:00:00.000000Z",
        register: "single",
        id: "00000000-0000-4000-8000-000000000000",
      })}`,
    ]) {
      const res = await call(getReadings as Handler, path, { user: youssef });
      expect(res.status).toBe(404);
      expect(errorSchema.parse(await res.json()).error).toEqual({
        code: "NOT_FOUND",
        message: fr.errors.NOT_FOUND,
      });
    }
  });
});

describe("GET /api/v1/partner/bills: pages of 50 unpaid bills, oldest first", () => {
  it("walks every due bill exactly once, in order, although most issued bills are not due", async () => {
    const due = await db
      .select({ billNo: bills.billNo })
      .from(bills)
      .where(
        and(
          eq(bills.contractId, billedContractId),
          eq(bills.status, "issued"),
          sql`${bills.totalMinor} > 0`,
        ),
      )
      .orderBy(asc(bills.periodStart));
    expect(due.length).toBeGreaterThan(50);

    const { items, sizes } = await walk(
      (cursor) => callPartner(`/api/v1/partner/bills?contractNo=${billedContractNo}${q(cursor)}`),
      (body) => {
        const page = partnerBillsSchema.parse(body);
        return { items: page.bills, nextCursor: page.nextCursor };
      },
    );
    expect(items.map((b) => b.billNo)).toEqual(due.map((b) => b.billNo));
    expect(items.every((b) => Number(b.amountDue) > 0)).toBe(true);
    expect(sizes).toEqual([50, due.length - 50]);
  });

  it("keeps a short list one page with nextCursor null and the fields it always had", async () => {
    const res = await callPartner("/api/v1/partner/bills?contractNo=1000000101");
    const body = (await res.json()) as { bills: object[]; nextCursor: unknown };
    expect(res.status).toBe(200);
    expect(body.nextCursor).toBeNull();
    expect(body.bills.length).toBeGreaterThan(0);
    for (const b of body.bills)
      expect(Object.keys(b).sort()).toEqual(["amountDue", "billNo", "currency", "dueDate"]);
  });
});

describe("GET /api/v1/contracts: pages of 50, by service then number", () => {
  it("walks every linked contract exactly once, in list order", async () => {
    const expected = await db.execute(sql`
      select c.contract_no as "contractNo" from contracts c
      join account_contracts ac on ac.contract_id = c.id
      where ac.user_id = ${customer.id}
      order by c.service, c.contract_no, c.id`);
    const numbers = (expected.rows as { contractNo: string }[]).map((r) => r.contractNo);
    expect(numbers.length).toBeGreaterThan(50);

    const { items, sizes } = await walk(
      (cursor) =>
        call(getContracts as Handler, `/api/v1/contracts${cursor ? "?" + q(cursor).slice(1) : ""}`),
      (body) => {
        const page = contractListSchema.parse(body);
        return { items: page.contracts, nextCursor: page.nextCursor };
      },
    );
    expect(items.map((c) => c.contractNo)).toEqual(numbers);
    expect(sizes).toEqual([50, numbers.length - 50]);
    // Another customer's pages hold only theirs.
    const other = contractListSchema.parse(
      await (await call(getContracts as Handler, "/api/v1/contracts", { user: youssef })).json(),
    );
    expect(other.nextCursor).toBeNull();
    expect(other.contracts.map((c) => c.contractNo)).not.toContain(billedContractNo);
  });
});

describe("GET /api/v1/bills: the shared cursor", () => {
  it("walks the customer's bills exactly once, newest first", async () => {
    const { items, sizes } = await walk(
      (cursor) =>
        call(getBills as Handler, `/api/v1/bills?contractNo=${billedContractNo}${q(cursor)}`),
      (body) => {
        const page = billListSchema.parse(body);
        return { items: page.bills, nextCursor: page.nextCursor };
      },
    );
    const all = await db
      .select({ billNo: bills.billNo })
      .from(bills)
      .where(eq(bills.contractId, billedContractId))
      .orderBy(sql`${bills.periodEnd} desc, ${bills.id} desc`);
    expect(items.map((b) => b.billNo)).toEqual(all.map((b) => b.billNo));
    expect(sizes.slice(0, -1).every((n) => n === 50)).toBe(true);
  });
});

describe("a bad cursor is a localised 400 that changes nothing", () => {
  const uuid = "00000000-0000-4000-8000-000000000000";
  const b64 = (s: string) => Buffer.from(s).toString("base64url");
  const contractCursor = b64(`water|PG000001|${uuid}`);
  const common = [
    "%%%",
    "not a cursor",
    "!!!!",
    "A".repeat(5_000),
    "A".repeat(MAX_CURSOR_LENGTH + 1),
    b64("just text"),
    b64("|||"),
  ];
  const cases: [
    string,
    (cursor: string, lang: "ar" | "fr" | "en") => Promise<Response>,
    string[],
  ][] = [
    [
      "readings",
      (c, lang) =>
        call(
          getReadings as Handler,
          `/api/v1/readings?contractNo=${readContractNo}&cursor=${encodeURIComponent(c)}`,
          { lang },
        ),
      [
        // Other lists' cursors, and a right shape with wrong values.
        billCursor.encode({ periodEnd: "2026-01-31", id: uuid }),
        partnerBillCursor.encode({ periodStart: "2026-01-01", billNo: "FA-2026-000001", id: uuid }),
        contractCursor,
        b64(`2026-02-30T00:00:00.000000Z|single|${uuid}`),
        b64(`2026-01-01T00:00:00.000Z|single|${uuid}`),
        b64(`2026-01-01T00:00:00.000000Z|attic|${uuid}`),
        b64(`2026-01-01T00:00:00.000000Z|single|not-a-uuid`),
      ],
    ],
    [
      "partner bills",
      (c, lang) =>
        callPartner(
          `/api/v1/partner/bills?contractNo=${billedContractNo}&cursor=${encodeURIComponent(c)}`,
          lang,
        ),
      [
        billCursor.encode({ periodEnd: "2026-01-31", id: uuid }),
        readingCursor.encode({ readAt: "2026-01-01T00:00:00.000000Z", register: "day", id: uuid }),
        contractCursor,
        b64(`2026-13-01|FA-1|${uuid}`),
        b64(`2026-01-01|FA\n1|${uuid}`),
        b64(`2026-01-01|FA-1|${uuid}|extra`),
      ],
    ],
    [
      "contracts",
      (c, lang) =>
        call(getContracts as Handler, `/api/v1/contracts?cursor=${encodeURIComponent(c)}`, {
          lang,
        }),
      [
        billCursor.encode({ periodEnd: "2026-01-31", id: uuid }),
        readingCursor.encode({ readAt: "2026-01-01T00:00:00.000000Z", register: "day", id: uuid }),
        b64(`gas|PG000001|${uuid}`),
        b64(`water|PG000001|${uuid.slice(1)}`),
      ],
    ],
    [
      "bills",
      (c, lang) =>
        call(getBills as Handler, `/api/v1/bills?cursor=${encodeURIComponent(c)}`, { lang }),
      [
        contractCursor,
        readingCursor.encode({ readAt: "2026-01-01T00:00:00.000000Z", register: "day", id: uuid }),
        // A date that does not exist, or an id that is no uuid, reached SQL before: a 500.
        b64(`2026-99-99|${uuid}`),
        b64(`2026-01-31|not-a-uuid`),
      ],
    ],
  ];

  for (const [name, request, wrongShapes] of cases) {
    it(`${name}: garbage, oversized and other lists' cursors`, async () => {
      const before = await snapshotAll(db);
      for (const [i, cursor] of [...common, ...wrongShapes].entries()) {
        const lang = (["fr", "ar", "en"] as const)[i % 3]!;
        await expectBadCursor(await request(cursor, lang), lang);
      }
      expect(await snapshotAll(db)).toEqual(before);
    });
  }

  it("an empty cursor is the first page, as it was for the bills", async () => {
    const res = await call(getContracts as Handler, "/api/v1/contracts?cursor=");
    expect(res.status).toBe(200);
    expect(contractListSchema.parse(await res.json()).contracts).toHaveLength(50);
  });
});
