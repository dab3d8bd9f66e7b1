import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  accountContracts,
  auditLog,
  contracts,
  meterRegisters,
  meters,
  readings,
  users,
  type User,
} from "@/db/schema";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { POLICIES } from "@/lib/auth/throttle-policy";
import { linkContract } from "@/lib/contracts/link-contract";
import {
  getAccountContract,
  listAccountContracts,
  listContractReadings,
} from "@/lib/contracts/queries";
import { linkContractSchema, type LinkContractInput } from "@/lib/contracts/schemas";
import { AppError, type ErrorCode } from "@/lib/errors";
import { createTestDatabase } from "../helpers/db";

let db: Db;
let customer: User;
let youssef: User;
let salma: User;
const contractIds: Record<string, string> = {};

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  customer = await userByEmail("customer@wasla.example");
  youssef = await userByEmail("youssef@wasla.example");
  salma = await userByEmail("salma@wasla.example");
  for (const c of await db
    .select({ id: contracts.id, contractNo: contracts.contractNo })
    .from(contracts)) {
    contractIds[c.contractNo] = c.id;
  }
});

/** A distinct address per test, so the per-address throttle of one test cannot lock another. */
const metaFrom = (ip: string): RequestMeta => ({ ip, userAgent: "vitest" });

async function userByEmail(email: string): Promise<User> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`demo user ${email} is missing`);
  return user;
}

/** A fresh customer account with no contracts, as right after sign-up and verification. */
async function newCustomer(label: string): Promise<User> {
  const [user] = await db
    .insert(users)
    .values({
      email: `${label}.${randomUUID().slice(0, 8)}@example.ma`,
      passwordHash: "not-a-usable-hash",
      name: label,
      role: "customer",
      locale: "fr",
      emailVerifiedAt: new Date(),
    })
    .returning();
  return user!;
}

function contractId(contractNo: string): string {
  const id = contractIds[contractNo];
  if (!id) throw new Error(`demo contract ${contractNo} is missing`);
  return id;
}

/** Form input as the server action gets it: through the schema. */
function linkInput(contractNo: string, proof: string): LinkContractInput {
  return linkContractSchema.parse({ contractNo, proof });
}

async function errorCodeOf(promise: Promise<unknown>): Promise<ErrorCode> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error("expected the call to fail with an AppError");
}

async function count(
  table: "account_contracts" | "contracts" | "users" | "meters",
): Promise<number> {
  const { rows } = await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return (rows[0] as { n: number }).n;
}

async function linksOf(userId: string) {
  return db.select().from(accountContracts).where(eq(accountContracts.userId, userId));
}

/** The newest accepted index of the contract's active meter, read straight from the tables. */
async function lastAcceptedIndex(contractNo: string): Promise<{ index: number; readAt: Date }> {
  const [row] = await db
    .select({ index: readings.index, readAt: readings.readAt })
    .from(readings)
    .innerJoin(meterRegisters, eq(meterRegisters.id, readings.registerId))
    .innerJoin(meters, eq(meters.id, meterRegisters.meterId))
    .where(and(eq(meters.contractId, contractId(contractNo)), eq(readings.status, "accepted")))
    .orderBy(sql`${readings.readAt} desc`)
    .limit(1);
  return row!;
}

describe("listAccountContracts", () => {
  it("gives the demo customer exactly their two contracts, with meters, registers and last index", async () => {
    const list = await listAccountContracts(db, { userId: customer.id });
    expect(list.map((c) => c.contractNo)).toEqual(["1000000101", "2000000101"]);

    const [electricity, water] = list;
    expect(electricity).toMatchObject({
      id: contractId("1000000101"),
      service: "electricity",
      status: "active",
      premise: { city: "الجديدة", zone: "EJ-CENTRE" },
    });
    expect(water).toMatchObject({
      id: contractId("2000000101"),
      service: "water",
      status: "active",
    });

    expect(electricity?.meters).toHaveLength(1);
    expect(electricity?.meters[0]).toMatchObject({ serial: "ELE-2019-00451", dials: 6 });
    expect(water?.meters[0]).toMatchObject({ serial: "EAU-2020-01187", dials: 5 });

    for (const [summary, contractNo] of [
      [electricity, "1000000101"],
      [water, "2000000101"],
    ] as const) {
      const registers = summary?.meters[0]?.registers ?? [];
      expect(registers.map((r) => r.name)).toEqual(["single"]);
      const expected = await lastAcceptedIndex(contractNo);
      expect(registers[0]?.lastIndex).toBe(expected.index);
      expect(registers[0]?.lastReadAt).toEqual(expected.readAt);
    }
    // The seed reads every meter on the 5th of the month before its fixed "now".
    expect(electricity?.meters[0]?.registers[0]?.lastReadAt?.toISOString()).toBe(
      "2026-11-05T09:30:00.000Z",
    );
  });

  it("shows another customer none of the demo customer's contracts", async () => {
    const list = await listAccountContracts(db, { userId: youssef.id });
    expect(list.map((c) => c.contractNo)).toEqual(["1000000102", "2000000102"]);
    // A day/night meter comes back with both registers.
    expect(list[0]?.meters[0]?.registers.map((r) => r.name).sort()).toEqual(["day", "night"]);
  });

  it("gives an account without linked contracts an empty list", async () => {
    const fresh = await newCustomer("nolinks");
    expect(await listAccountContracts(db, { userId: fresh.id })).toEqual([]);
  });
});

describe("getAccountContract", () => {
  it("returns one of the account's own contracts", async () => {
    const contract = await getAccountContract(db, {
      userId: customer.id,
      contractId: contractId("2000000101"),
    });
    expect(contract).toMatchObject({ contractNo: "2000000101", service: "water" });
  });

  it("returns undefined for another customer's contract", async () => {
    expect(
      await getAccountContract(db, { userId: customer.id, contractId: contractId("1000000102") }),
    ).toBeUndefined();
    expect(
      await getAccountContract(db, { userId: youssef.id, contractId: contractId("1000000101") }),
    ).toBeUndefined();
  });

  it("returns undefined for a contract nobody has linked yet", async () => {
    expect(
      await getAccountContract(db, { userId: customer.id, contractId: contractId("1000000106") }),
    ).toBeUndefined();
  });

  it.each([
    ["an unknown UUID", "00000000-0000-4000-8000-000000000000"],
    ["an empty string", ""],
    ["a contract number instead of an id", "1000000101"],
    ["SQL injection", "1'; DROP TABLE users;--"],
    ["an always-true condition", "' OR '1'='1"],
    ["36 dashes (hex-and-dash characters, but no UUID)", "-".repeat(36)],
    ["36 hex digits without dashes", "0".repeat(36)],
    ["a UUID with its dashes moved", "00000000000-0000-4000-8000-000000000"],
  ])("returns undefined, without a database error, for %s", async (_label, id) => {
    await expect(
      getAccountContract(db, { userId: customer.id, contractId: id }),
    ).resolves.toBeUndefined();
  });
});

describe("listContractReadings", () => {
  it("returns nothing for another customer's contract", async () => {
    expect(
      await listContractReadings(db, { userId: customer.id, contractId: contractId("1000000102") }),
    ).toEqual([]);
    expect(
      await listContractReadings(db, { userId: youssef.id, contractId: contractId("2000000101") }),
    ).toEqual([]);
  });

  it("returns nothing for a contract nobody has linked", async () => {
    expect(
      await listContractReadings(db, { userId: customer.id, contractId: contractId("1000000106") }),
    ).toEqual([]);
  });

  it("lists the account's own readings newest first, with consumption as the index difference", async () => {
    const rows = await listContractReadings(db, {
      userId: customer.id,
      contractId: contractId("1000000101"),
    });
    // 13 monthly agent readings: 12 months of consumption.
    expect(rows).toHaveLength(13);
    expect(
      rows.every((r) => r.meterSerial === "ELE-2019-00451" && r.registerName === "single"),
    ).toBe(true);
    expect(rows.every((r) => r.source === "agent" && r.status === "accepted")).toBe(true);

    for (let i = 0; i < rows.length - 1; i++) {
      const newer = rows[i]!;
      const older = rows[i + 1]!;
      expect(newer.readAt.getTime()).toBeGreaterThan(older.readAt.getTime());
      expect(newer.consumption).toBe(newer.index - older.index);
      expect(newer.consumption).toBeGreaterThan(0);
    }
    // The oldest has nothing before it.
    expect(rows.at(-1)?.consumption).toBeNull();
    expect(rows[0]?.index).toBe((await lastAcceptedIndex("1000000101")).index);
  });

  it("keeps only the newest rows when limited, still with their consumption", async () => {
    const all = await listContractReadings(db, {
      userId: customer.id,
      contractId: contractId("2000000101"),
    });
    const five = await listContractReadings(db, {
      userId: customer.id,
      contractId: contractId("2000000101"),
      limit: 5,
    });
    expect(five).toEqual(all.slice(0, 5));
    expect(five.every((r) => r.consumption !== null)).toBe(true);
  });

  it("computes consumption per register on a day/night meter", async () => {
    const rows = await listContractReadings(db, {
      userId: youssef.id,
      contractId: contractId("1000000102"),
      limit: 100,
    });
    expect(rows).toHaveLength(26);
    for (const name of ["day", "night"] as const) {
      const register = rows.filter((r) => r.registerName === name);
      expect(register).toHaveLength(13);
      for (let i = 0; i < register.length - 1; i++) {
        expect(register[i]!.consumption).toBe(register[i]!.index - register[i + 1]!.index);
      }
      expect(register.at(-1)?.consumption).toBeNull();
    }
  });

  it("leaves a rejected reading out of consumption and of the last index", async () => {
    const id = contractId("1000000105");
    const before = await listContractReadings(db, { userId: salma.id, contractId: id });
    const [summaryBefore] = await listAccountContracts(db, { userId: salma.id, contractId: id });
    const register = summaryBefore!.meters[0]!.registers[0]!;
    const newest = before[0]!;

    await db.insert(readings).values({
      registerId: register.id,
      index: newest.index + 999_999,
      readAt: new Date(newest.readAt.getTime() + 86_400_000),
      source: "self",
      status: "rejected",
      submittedBy: salma.id,
    });

    const after = await listContractReadings(db, { userId: salma.id, contractId: id });
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toMatchObject({ status: "rejected", source: "self", consumption: null });
    // The accepted history and its consumption are as before.
    expect(after.slice(1)).toEqual(before);
    const [summaryAfter] = await listAccountContracts(db, { userId: salma.id, contractId: id });
    expect(summaryAfter?.meters[0]?.registers[0]?.lastIndex).toBe(newest.index);
  });
});

describe("linkContract", () => {
  it("links contract 1000000106 with its meter serial, once", async () => {
    const user = await newCustomer("linker");
    const meta = metaFrom("203.0.113.10");

    const result = await linkContract(db, user, linkInput("1000000106", "ELE-2021-07777"), meta);
    expect(result).toEqual({ contractId: contractId("1000000106"), alreadyLinked: false });
    expect(await linksOf(user.id)).toEqual([
      expect.objectContaining({ contractId: contractId("1000000106") }),
    ]);

    // The contract is now the account's: listed, readable.
    const list = await listAccountContracts(db, { userId: user.id });
    expect(list.map((c) => c.contractNo)).toEqual(["1000000106"]);
    expect(list[0]?.meters[0]?.serial).toBe("ELE-2021-07777");
    expect(
      await listContractReadings(db, { userId: user.id, contractId: contractId("1000000106") }),
    ).toHaveLength(13);

    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "contract.link"), eq(auditLog.actorUserId, user.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      entityType: "contract",
      entityId: contractId("1000000106"),
      ip: "203.0.113.10",
      after: { userId: user.id },
    });

    // A second link of the same contract says so and adds nothing.
    const again = await linkContract(db, user, linkInput("1000000106", "ELE-2021-07777"), meta);
    expect(again).toEqual({ contractId: contractId("1000000106"), alreadyLinked: true });
    expect(await linksOf(user.id)).toHaveLength(1);
    const auditAfter = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "contract.link"), eq(auditLog.actorUserId, user.id)));
    expect(auditAfter).toHaveLength(1);
  });

  it("accepts the serial typed in lower case with spaces", async () => {
    const user = await newCustomer("lowercase");
    const result = await linkContract(
      db,
      user,
      linkInput("1000000106", "ele 2021 07777"),
      metaFrom("203.0.113.11"),
    );
    expect(result).toEqual({ contractId: contractId("1000000106"), alreadyLinked: false });
    expect(await linksOf(user.id)).toHaveLength(1);
  });

  it("accepts the contract number typed in Arabic-Indic digits", async () => {
    const user = await newCustomer("arabicdigits");
    const input = linkInput("١٠٠٠٠٠٠١٠٦", "ele 2021 07777");
    expect(input).toEqual({ contractNo: "1000000106", proof: "ELE202107777" });
    const result = await linkContract(db, user, input, metaFrom("203.0.113.12"));
    expect(result).toEqual({ contractId: contractId("1000000106"), alreadyLinked: false });
    expect(await linksOf(user.id)).toHaveLength(1);
  });

  it.each([
    ["as printed", "C100006"],
    ["in lower case", "c100006"],
    ["with Arabic-Indic digits and a dash", "C-١٠٠٠٠٦"],
  ])("accepts the customer code %s as proof", async (_label, code) => {
    const user = await newCustomer("bycode");
    const result = await linkContract(
      db,
      user,
      linkInput("1000000106", code),
      metaFrom("203.0.113.13"),
    );
    expect(result).toEqual({ contractId: contractId("1000000106"), alreadyLinked: false });
    expect(await linksOf(user.id)).toHaveLength(1);
  });

  it("refuses a wrong serial with CONTRACT_LINK_FAILED and writes nothing", async () => {
    const user = await newCustomer("wrongserial");
    const before = await count("account_contracts");
    expect(
      await errorCodeOf(
        linkContract(db, user, linkInput("1000000106", "ELE-2021-07778"), metaFrom("203.0.113.20")),
      ),
    ).toBe("CONTRACT_LINK_FAILED");
    expect(await linksOf(user.id)).toEqual([]);
    expect(await count("account_contracts")).toBe(before);
  });

  it.each([
    ["the serial of another contract's meter", "1000000106", "ELE-2019-00451"],
    ["another customer's code", "1000000106", "C100001"],
    ["an unknown contract number", "9999999999", "ELE-2021-07777"],
    ["a serial given as the contract number", "ELE-2021-07777", "ELE-2021-07777"],
  ])("refuses %s with the same CONTRACT_LINK_FAILED", async (_label, contractNo, proof) => {
    const user = await newCustomer("mismatch");
    expect(
      await errorCodeOf(
        linkContract(db, user, linkInput(contractNo, proof), metaFrom("203.0.113.21")),
      ),
    ).toBe("CONTRACT_LINK_FAILED");
    expect(await linksOf(user.id)).toEqual([]);
  });

  it("refuses a terminated contract even with the right serial", async () => {
    await db
      .update(contracts)
      .set({ status: "terminated" })
      .where(eq(contracts.contractNo, "2000000104"));
    const user = await newCustomer("terminated");
    expect(
      await errorCodeOf(
        linkContract(db, user, linkInput("2000000104", "EAU-2022-03341"), metaFrom("203.0.113.22")),
      ),
    ).toBe("CONTRACT_LINK_FAILED");
    expect(await linksOf(user.id)).toEqual([]);
  });

  it(`locks linking after ${POLICIES.link.maxFailures} wrong attempts, even with the right pair`, async () => {
    const user = await newCustomer("guesser");
    const meta = metaFrom("203.0.113.30");
    for (let i = 0; i < POLICIES.link.maxFailures; i++) {
      expect(
        await errorCodeOf(
          linkContract(db, user, linkInput("1000000106", `ELE-2021-0000${i}`), meta),
        ),
      ).toBe("CONTRACT_LINK_FAILED");
    }
    expect(
      await errorCodeOf(linkContract(db, user, linkInput("1000000106", "ELE-2021-07777"), meta)),
    ).toBe("RATE_LIMITED");
    // The lock is on the account: another address does not help.
    expect(
      await errorCodeOf(
        linkContract(db, user, linkInput("1000000106", "ELE-2021-07777"), metaFrom("203.0.113.31")),
      ),
    ).toBe("RATE_LIMITED");
    expect(await linksOf(user.id)).toEqual([]);

    // Another account on another address is not affected.
    const other = await newCustomer("neighbour");
    expect(
      (
        await linkContract(
          db,
          other,
          linkInput("1000000106", "ELE-2021-07777"),
          metaFrom("203.0.113.32"),
        )
      ).alreadyLinked,
    ).toBe(false);
  });

  it("does not let the schema pass SQL-injection text", () => {
    const result = linkContractSchema.safeParse({
      contractNo: "1'; DROP TABLE users;--",
      proof: "' OR '1'='1",
    });
    expect(result.success).toBe(false);
  });

  it.each([
    [
      "a DROP TABLE contract number",
      { contractNo: "1'; DROP TABLE users;--", proof: "ELE-2021-07777" },
    ],
    ["an always-true proof", { contractNo: "1000000106", proof: "' OR '1'='1" }],
    [
      "an always-true contract number and proof",
      { contractNo: "' OR 1=1 --", proof: "' OR 1=1 --" },
    ],
    [
      "a stacked UPDATE",
      {
        contractNo: "1000000106'; UPDATE contracts SET status = 'terminated';--",
        proof: "x') OR true; --",
      },
    ],
  ])("changes nothing when given %s directly, bypassing the schema", async (_label, input) => {
    const user = await newCustomer("injector");
    const before = {
      links: await count("account_contracts"),
      contracts: await count("contracts"),
      users: await count("users"),
    };
    const statusesBefore = await db
      .select({ no: contracts.contractNo, status: contracts.status })
      .from(contracts)
      .orderBy(contracts.contractNo);

    expect(await errorCodeOf(linkContract(db, user, input, metaFrom("203.0.113.40")))).toBe(
      "CONTRACT_LINK_FAILED",
    );

    expect(await count("account_contracts")).toBe(before.links);
    expect(await count("contracts")).toBe(before.contracts);
    expect(await count("users")).toBe(before.users);
    expect(
      await db
        .select({ no: contracts.contractNo, status: contracts.status })
        .from(contracts)
        .orderBy(contracts.contractNo),
    ).toEqual(statusesBefore);
    expect(await linksOf(user.id)).toEqual([]);
  });
});
