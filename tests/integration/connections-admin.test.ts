import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  auditLog,
  connectionPrices,
  connectionRequestTypes,
  departments,
  requestKinds,
  routingRules,
  type User,
} from "@/db/schema";
import { resetEnvCache } from "@/lib/env";
import {
  createConnectionPrice,
  listConnectionPrices,
  setConnectionPriceActive,
  updateConnectionPrice,
} from "@/lib/connections/admin/prices";
import {
  createPriceSchema,
  createTypeSchema,
  togglePriceSchema,
  toggleTypeSchema,
  updatePriceSchema,
  updateTypeSchema,
} from "@/lib/connections/admin/schemas";
import {
  createConnectionType,
  listConnectionTypes,
  setConnectionTypeActive,
  updateConnectionType,
} from "@/lib/connections/admin/types";
import { priceListLines } from "@/lib/connections/clerk-actions";
import { uploadConnectionDocument } from "@/lib/connections/documents";
import { getRequestDetail } from "@/lib/connections/queries";
import { submitConnectionRequest } from "@/lib/connections/submit";
import { listActiveTypes } from "@/lib/connections/types";
import { listAccountContracts } from "@/lib/contracts/queries";
import { fieldErrorsFromZod } from "@/lib/errors";
import { createTestDatabase } from "../helpers/db";
import { pdfBytes, pngBytes } from "../helpers/connections";
import { appErrorOf, itemRow, rowCount, userByEmail } from "../helpers/workflow";

let db: Db;
let admin: User;
let clerk: User;
let supervisor: User;
let salma: User;

beforeAll(async () => {
  process.env.FILES_DIR = await mkdtemp(path.join(tmpdir(), "wasla-conn-admin-"));
  resetEnvCache();
  ({ db } = await createTestDatabase());
  admin = await userByEmail(db, "admin@wasla.example");
  clerk = await userByEmail(db, "connections@wasla.example");
  supervisor = await userByEmail(db, "supervisor@wasla.example");
  salma = await userByEmail(db, "salma@wasla.example");
});

/** The admin's "add a type" form for a meter relocation, as the browser posts it. */
const relocationForm = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  code: "meter_relocation",
  numberPrefix: "dc",
  family: "connection",
  nameAr: "نقل العداد",
  nameFr: "Déplacement de compteur",
  nameEn: "Meter relocation",
  service_water: "on",
  service_electricity: "on",
  doc_national_id: "required",
  doc_title_or_lease: "",
  doc_last_bill: "optional",
  needsContract: "on",
  decisionDays: "١٠",
  completionDays: "30",
  ...over,
});

/** Parse like the action does; the zod errors as the form shows them (field → key). */
function parse<T>(
  schema: { safeParse(v: unknown): { success: boolean; data?: T; error?: unknown } },
  raw: unknown,
) {
  const r = schema.safeParse(raw);
  return r.success
    ? { data: r.data as T, errors: {} as Record<string, string> }
    : { data: undefined, errors: fieldErrorsFromZod(r.error as never) };
}

async function configRowCounts() {
  return {
    types: await rowCount(db, "connection_request_types"),
    kinds: await rowCount(db, "request_kinds"),
    rules: await rowCount(db, "routing_rules"),
    prices: await rowCount(db, "connection_prices"),
    audit: await rowCount(db, "audit_log"),
  };
}

describe("a request type added by an admin", () => {
  it("creates the type, its request kind and its routing, audited, and a customer files it at once", async () => {
    const { data, errors } = parse(createTypeSchema, relocationForm());
    expect(errors).toEqual({});
    expect(data).toMatchObject({
      numberPrefix: "DC",
      decisionDays: 10,
      services: ["water", "electricity"],
      documents: [
        { code: "national_id", required: true, nameFr: "Carte d'identité nationale" },
        { code: "last_bill", required: false, nameAr: "آخر فاتورة" },
      ],
    });
    await createConnectionType(db, admin, data!);

    const [kind] = await db
      .select()
      .from(requestKinds)
      .where(eq(requestKinds.code, "meter_relocation"));
    expect(kind).toMatchObject({ numberPrefix: "DC", customerCanFile: true, active: true });
    const [connectionsDept] = await db
      .select()
      .from(departments)
      .where(eq(departments.code, "connections"));
    const [rule] = await db
      .select()
      .from(routingRules)
      .where(eq(routingRules.kindCode, "meter_relocation"));
    expect(rule).toMatchObject({ departmentId: connectionsDept!.id, active: true });
    const actions = (
      await db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(sql`${auditLog.entityId} = 'meter_relocation' or ${auditLog.entityId} = ${rule!.id}`)
    ).map((a) => a.action);
    expect(actions.sort()).toEqual(
      ["connection_type.create", "request_kind.create", "routing_rule.create"].sort(),
    );
    expect((await listActiveTypes(db)).map((t) => t.code)).toContain("meter_relocation");

    // The customer files it, with no code change: numbered DC-, in the connections queue.
    const [contract] = await listAccountContracts(db, { userId: salma.id });
    const asSalma = {
      customer: { id: salma.id, role: "customer" as const, locale: "fr" as const },
      channel: "web" as const,
    };
    const relocation = (documents: Record<string, string>) => ({
      typeCode: "meter_relocation",
      service: contract!.service,
      applicant: {
        name: "Salma Idrissi",
        nationalId: "JB445566",
        phone: "0662000000",
        email: "salma@wasla.example",
      },
      premises: { addressLine: "3 rue de Fès", city: "El Jadida", use: "domestic" },
      detail: contract!.service === "electricity" ? "6" : "15",
      contractNo: contract!.contractNo,
      documents,
    });
    const idCard = await uploadConnectionDocument(db, {
      userId: salma.id,
      bytes: pngBytes(),
      name: "cin.png",
    });
    const bill = await uploadConnectionDocument(db, {
      userId: salma.id,
      bytes: pdfBytes("facture"),
      name: "facture.pdf",
    });
    const filed = await submitConnectionRequest(
      db,
      relocation({ national_id: idCard.fileId, last_bill: bill.fileId }),
      asSalma,
    );
    expect(filed.number).toMatch(/^DC-\d{4}-\d{6}$/);
    const detail = await getRequestDetail(db, {
      requestId: filed.requestId,
      access: { customerId: salma.id },
    });
    const item = await itemRow(db, detail!.item.id);
    expect(item).toMatchObject({ kindCode: "meter_relocation", departmentId: connectionsDept!.id });
    // The connections clerk opens it like any other request of the department; a clerk of
    // another department does not see it.
    const forClerk = await getRequestDetail(db, {
      requestId: filed.requestId,
      access: { staff: clerk },
    });
    expect(forClerk?.type.code).toBe("meter_relocation");
    const billingClerk = await userByEmail(db, "billing@wasla.example");
    expect(
      await getRequestDetail(db, { requestId: filed.requestId, access: { staff: billingClerk } }),
    ).toBeUndefined();
    expect(
      (await listConnectionTypes(db)).find((t) => t.code === "meter_relocation"),
    ).toMatchObject({ requestCount: 1, numberPrefix: "DC" });

    // A required document left out is refused, as for the seeded types.
    const missing = await appErrorOf(submitConnectionRequest(db, relocation({}), asSalma));
    expect(missing.fields).toMatchObject({ "documents.national_id": "documentMissing" });
  });

  it("edits names, documents and deadlines, with the before and after in the audit log", async () => {
    const { data, errors } = parse(
      updateTypeSchema,
      relocationForm({
        nameFr: "Déplacement du compteur",
        doc_last_bill: "required",
        doc_site_plan: "optional",
        service_water: undefined,
        decisionDays: "20",
        family: "termination", // not editable: ignored
        numberPrefix: "ZZ",
      }),
    );
    expect(errors).toEqual({});
    const after = await updateConnectionType(db, admin, data!);
    expect(after).toMatchObject({
      family: "connection",
      nameFr: "Déplacement du compteur",
      services: ["electricity"],
      decisionDays: 20,
    });
    expect(after.documents.map((d) => [d.code, d.required])).toEqual([
      ["national_id", true],
      ["site_plan", false],
      ["last_bill", true],
    ]);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "connection_type.update"));
    expect(audit).toMatchObject({ entityId: "meter_relocation" });
    expect(JSON.stringify(audit!.before)).toContain("Déplacement de compteur");
    expect(JSON.stringify(audit!.after)).toContain("Déplacement du compteur");
  });

  it("deactivates a type with requests (never deletes it): customers no longer see or file it", async () => {
    const toggle = parse(toggleTypeSchema, { code: "meter_relocation", active: "false" });
    await setConnectionTypeActive(db, admin, toggle.data as { code: string; active: boolean });
    expect((await listActiveTypes(db)).map((t) => t.code)).not.toContain("meter_relocation");
    const [row] = await db
      .select()
      .from(connectionRequestTypes)
      .where(eq(connectionRequestTypes.code, "meter_relocation"));
    expect(row).toMatchObject({ active: false });
    const refused = await appErrorOf(
      submitConnectionRequest(
        db,
        { typeCode: "meter_relocation", service: "electricity" },
        { customer: { id: salma.id, role: "customer", locale: "fr" }, channel: "web" },
      ),
    );
    expect(refused.code).toBe("VALIDATION_FAILED");
    await setConnectionTypeActive(db, admin, { code: "meter_relocation", active: true });
    expect((await listActiveTypes(db)).map((t) => t.code)).toContain("meter_relocation");
    const audits = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityType, "connection_type"));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(["connection_type.deactivate", "connection_type.activate"]),
    );
  });
});

describe("bad input to the type forms", () => {
  it("names every missing field of an empty form", () => {
    expect(parse(createTypeSchema, {}).errors).toEqual({
      code: "required",
      numberPrefix: "required",
      family: "invalid",
      nameAr: "required",
      nameFr: "required",
      nameEn: "required",
      decisionDays: "daysInvalid",
      completionDays: "daysInvalid",
      services: "noService",
    });
  });

  it("refuses oversized, wrongly typed, hostile and unknown values", () => {
    const errors = (over: Record<string, unknown>) =>
      parse(createTypeSchema, relocationForm(over)).errors;
    expect(errors({ nameFr: "x".repeat(121) })).toEqual({ nameFr: "tooLong" });
    expect(errors({ nameEn: "<script>alert(1)</script>" })).toEqual({ nameEn: "markup" });
    expect(errors({ nameAr: 42 })).toEqual({ nameAr: "required" });
    expect(errors({ code: "x'; drop table users; --" })).toEqual({ code: "codeFormat" });
    expect(errors({ code: "a".repeat(41) })).toEqual({ code: "codeFormat" });
    expect(errors({ numberPrefix: "TOOLONG" })).toEqual({ numberPrefix: "prefixFormat" });
    expect(errors({ family: "relocation" })).toEqual({ family: "invalid" });
    expect(errors({ decisionDays: "abc" })).toEqual({ decisionDays: "daysInvalid" });
    expect(errors({ decisionDays: "0" })).toEqual({ decisionDays: "daysInvalid" });
    expect(errors({ decisionDays: "-5" })).toEqual({ decisionDays: "daysInvalid" });
    expect(errors({ decisionDays: "400" })).toEqual({ decisionDays: "daysTooLarge" });
    expect(errors({ completionDays: "9".repeat(30) })).toEqual({ completionDays: "daysInvalid" });
    expect(errors({ doc_passport: "required" })).toEqual({ documents: "documentUnknown" });
    expect(errors({ doc_national_id: "always" })).toEqual({ doc_national_id: "invalid" });
    expect(errors({ service_water: "yes please" })).toEqual({ service_water: "invalid" });
    expect(errors({ service_water: undefined, service_electricity: undefined })).toEqual({
      services: "noService",
    });
  });

  it("refuses a code or prefix already taken, storing nothing", async () => {
    const before = await configRowCounts();
    const sameCode = await appErrorOf(
      createConnectionType(
        db,
        admin,
        parse(createTypeSchema, relocationForm({ code: "connection", numberPrefix: "QX" })).data!,
      ),
    );
    expect(sameCode.fields).toEqual({ code: "codeTaken" });
    const samePrefix = await appErrorOf(
      createConnectionType(
        db,
        admin,
        parse(createTypeSchema, relocationForm({ code: "holder_change", numberPrefix: "BR" }))
          .data!,
      ),
    );
    expect(samePrefix.fields).toEqual({ numberPrefix: "prefixTaken" });
    expect(await configRowCounts()).toEqual(before);
  });
});

describe("the price list", () => {
  it("adds a line for one type, in minor units from Arabic-Indic digits, and the quote editor pre-fills from it", async () => {
    const { data, errors } = parse(createPriceSchema, {
      typeCode: "meter_relocation",
      service: "electricity",
      use: "domestic",
      kind: "connection_works",
      amount: "١٢٥٠٫٥٠",
    });
    expect(errors).toEqual({});
    const line = await createConnectionPrice(db, admin, data!);
    expect(line).toMatchObject({ amountMinor: 125050, currency: "MAD", active: true });
    const relocation = await priceListLines(db, {
      service: "electricity",
      use: "domestic",
      typeCode: "meter_relocation",
    });
    const general = await priceListLines(db, {
      service: "electricity",
      use: "domestic",
      typeCode: "connection",
    });
    const works = (l: typeof relocation) =>
      l.lines.find((x) => x.kind === "connection_works")!.amountMinor;
    expect(works(relocation)).toBe(125050);
    expect(works(general)).toBe(320000);
    // The other lines of the type fall back to the general price list.
    expect(relocation.lines.find((x) => x.kind === "meter")!.amountMinor).toBe(85000);

    // Editing the amount and deactivating the line: the editor follows, audited each time.
    await updateConnectionPrice(
      db,
      admin,
      parse(updatePriceSchema, { priceId: line.id, amount: "1 300,00" }).data!,
    );
    expect(
      works(
        await priceListLines(db, {
          service: "electricity",
          use: "domestic",
          typeCode: "meter_relocation",
        }),
      ),
    ).toBe(130000);
    await setConnectionPriceActive(
      db,
      admin,
      parse(togglePriceSchema, { priceId: line.id, active: "false" }).data as {
        priceId: string;
        active: boolean;
      },
    );
    expect(
      works(
        await priceListLines(db, {
          service: "electricity",
          use: "domestic",
          typeCode: "meter_relocation",
        }),
      ),
    ).toBe(320000);
    const audits = await db
      .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.entityId, line.id));
    expect(audits.map((a) => a.action)).toEqual([
      "connection_price.create",
      "connection_price.update",
      "connection_price.deactivate",
    ]);
    expect(audits[1]!.before).toMatchObject({ amountMinor: 125050 });
    expect(audits[1]!.after).toMatchObject({ amountMinor: 130000 });
    expect((await listConnectionPrices(db)).some((p) => p.id === line.id && !p.active)).toBe(true);
  });

  it("refuses empty, negative, non-numeric, too precise and too big amounts, and a duplicate line, storing nothing", async () => {
    const [seeded] = await db
      .select()
      .from(connectionPrices)
      .where(and(eq(connectionPrices.service, "water"), eq(connectionPrices.kind, "meter")));
    const before = await configRowCounts();
    const amountError = async (amount: unknown) => {
      const parsed = parse(updatePriceSchema, { priceId: seeded!.id, amount });
      if (!parsed.data) return parsed.errors.amount;
      return (await appErrorOf(updateConnectionPrice(db, admin, parsed.data))).fields?.amount;
    };
    expect(await amountError("")).toBe("amountRequired");
    expect(await amountError("   ")).toBe("amountRequired");
    expect(await amountError(undefined)).toBe("amountRequired");
    expect(await amountError(12)).toBe("amountRequired");
    expect(await amountError("-10")).toBe("amountNegative");
    expect(await amountError("douze")).toBe("amountInvalid");
    expect(await amountError("<b>5</b>")).toBe("amountInvalid");
    expect(await amountError("1; drop table connection_prices")).toBe("amountInvalid");
    expect(await amountError("10.555")).toBe("amountDecimals");
    expect(await amountError("1000001")).toBe("amountTooLarge");
    expect(await amountError("9".repeat(41))).toBe("amountInvalid");
    const duplicate = await appErrorOf(
      createConnectionPrice(
        db,
        admin,
        parse(createPriceSchema, {
          typeCode: "",
          service: "water",
          use: "domestic",
          kind: "meter",
          amount: "10",
        }).data!,
      ),
    );
    expect(duplicate.fields).toEqual({ kind: "priceExists" });
    const unknownType = await appErrorOf(
      createConnectionPrice(
        db,
        admin,
        parse(createPriceSchema, {
          typeCode: "no_such_type",
          service: "water",
          use: "domestic",
          kind: "meter",
          amount: "10",
        }).data!,
      ),
    );
    expect(unknownType.fields).toEqual({ typeCode: "typeUnknown" });
    expect(
      parse(createPriceSchema, { service: "gas", use: "domestic", kind: "meter", amount: "1" })
        .errors,
    ).toEqual({ service: "invalid" });
    expect(
      parse(createPriceSchema, { service: "water", use: "domestic", kind: "bribe", amount: "1" })
        .errors,
    ).toEqual({ kind: "invalid" });
    expect(parse(togglePriceSchema, { priceId: "1 or 1=1", active: "false" }).errors).toEqual({
      priceId: "invalid",
    });
    expect(await configRowCounts()).toEqual(before);
    const [unchanged] = await db
      .select()
      .from(connectionPrices)
      .where(eq(connectionPrices.id, seeded!.id));
    expect(unchanged!.amountMinor).toBe(seeded!.amountMinor);
  });

  it("takes zero as a price (nothing to sell) and keeps it exact", async () => {
    const [line] = await db
      .select()
      .from(connectionPrices)
      .where(and(eq(connectionPrices.service, "sanitation"), eq(connectionPrices.kind, "deposit")));
    const saved = await updateConnectionPrice(db, admin, { priceId: line!.id, amount: "0" });
    expect(saved.amountMinor).toBe(0);
    const back = await updateConnectionPrice(db, admin, { priceId: line!.id, amount: "٠٫١٠" });
    expect(back.amountMinor).toBe(10);
  });
});

describe("who may change the configuration", () => {
  it("refuses clerks and supervisors before touching anything", async () => {
    const before = await configRowCounts();
    const form = parse(
      createTypeSchema,
      relocationForm({ code: "holder_change", numberPrefix: "CT" }),
    ).data!;
    for (const user of [clerk, supervisor]) {
      expect((await appErrorOf(createConnectionType(db, user, form))).code).toBe("FORBIDDEN");
      expect(
        (await appErrorOf(updateConnectionType(db, user, { ...form, code: "connection" }))).code,
      ).toBe("FORBIDDEN");
      expect(
        (await appErrorOf(setConnectionTypeActive(db, user, { code: "connection", active: false })))
          .code,
      ).toBe("FORBIDDEN");
      expect(
        (
          await appErrorOf(
            createConnectionPrice(db, user, {
              typeCode: null,
              service: "water",
              use: "domestic",
              kind: "meter",
              amount: "1",
            }),
          )
        ).code,
      ).toBe("FORBIDDEN");
      const [price] = await db.select().from(connectionPrices).limit(1);
      expect(
        (await appErrorOf(updateConnectionPrice(db, user, { priceId: price!.id, amount: "1" })))
          .code,
      ).toBe("FORBIDDEN");
      expect(
        (
          await appErrorOf(
            setConnectionPriceActive(db, user, { priceId: price!.id, active: false }),
          )
        ).code,
      ).toBe("FORBIDDEN");
    }
    expect(await configRowCounts()).toEqual(before);
    expect((await listActiveTypes(db)).map((t) => t.code)).toContain("connection");
  });

  it("answers NOT_FOUND for a type or price line that does not exist", async () => {
    const form = parse(updateTypeSchema, relocationForm({ code: "no_such_type" })).data!;
    expect((await appErrorOf(updateConnectionType(db, admin, form))).code).toBe("NOT_FOUND");
    expect(
      (
        await appErrorOf(
          updateConnectionPrice(db, admin, {
            priceId: "00000000-0000-4000-8000-000000000000",
            amount: "1",
          }),
        )
      ).code,
    ).toBe("NOT_FOUND");
  });
});
