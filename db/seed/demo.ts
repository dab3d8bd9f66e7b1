import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  accountContracts,
  apiKeys,
  contracts,
  customers,
  meterRegisters,
  meters,
  premises,
  readings,
  staffDepartments,
  users,
} from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { sha256 } from "@/lib/auth/tokens";
import { seedBase, type DepartmentCode } from "./base";
import { seedDemoBilling } from "./billing";
import { seedMeteringSchedule } from "./metering";

/** Published in the README: for development and the demo only. */
export const DEMO_PASSWORD = "Wasla-demo-2026";
export const DEMO_PARTNER_KEY = "wasla_demo_partner_2026";

type DemoContract = {
  contractNo: string;
  service: "electricity" | "water";
  serial: string;
  dials: number;
  registers: ("single" | "day" | "night")[];
  /** Typical monthly consumption, kWh or m³. */
  monthly: number;
  startIndex: number;
};

type DemoCustomer = {
  code: string;
  name: string;
  nationalId: string;
  address: string;
  city: string;
  zone: string;
  account?: { email: string; locale: "ar" | "fr" | "en" };
  contracts: DemoContract[];
};

export const DEMO_CUSTOMERS: DemoCustomer[] = [
  {
    code: "C100001",
    name: "فاطمة الزهراء العمراني",
    nationalId: "M123456",
    address: "12 زنقة الأندلس، حي السلام",
    city: "الجديدة",
    zone: "EJ-CENTRE",
    account: { email: "customer@wasla.example", locale: "ar" },
    contracts: [
      {
        contractNo: "1000000101",
        service: "electricity",
        serial: "ELE-2019-00451",
        dials: 6,
        registers: ["single"],
        monthly: 190,
        startIndex: 12345,
      },
      {
        contractNo: "2000000101",
        service: "water",
        serial: "EAU-2020-01187",
        dials: 5,
        registers: ["single"],
        monthly: 14,
        startIndex: 3120,
      },
    ],
  },
  {
    code: "C100002",
    name: "Youssef Benali",
    nationalId: "M234567",
    address: "45 rue de Fès, quartier Plateau",
    city: "El Jadida",
    zone: "EJ-PLATEAU",
    account: { email: "youssef@wasla.example", locale: "fr" },
    contracts: [
      {
        contractNo: "1000000102",
        service: "electricity",
        serial: "ELE-2018-02210",
        dials: 6,
        registers: ["day", "night"],
        monthly: 260,
        startIndex: 48210,
      },
      {
        contractNo: "2000000102",
        service: "water",
        serial: "EAU-2017-00932",
        dials: 5,
        registers: ["single"],
        monthly: 19,
        startIndex: 8750,
      },
    ],
  },
  {
    code: "C100003",
    name: "خديجة آيت لحسن",
    nationalId: "M345678",
    address: "7 درب القصبة، المدينة القديمة",
    city: "أزمور",
    zone: "AZ-MEDINA",
    account: { email: "khadija@wasla.example", locale: "ar" },
    contracts: [
      {
        contractNo: "1000000103",
        service: "electricity",
        serial: "ELE-2021-04478",
        dials: 6,
        registers: ["single"],
        monthly: 95,
        startIndex: 5120,
      },
    ],
  },
  {
    code: "C100004",
    name: "Omar Tazi",
    nationalId: "M456789",
    address: "Résidence Al Manar, apt 14",
    city: "El Jadida",
    zone: "EJ-SIDI-BOUZID",
    account: { email: "omar@wasla.example", locale: "en" },
    contracts: [
      {
        contractNo: "2000000104",
        service: "water",
        serial: "EAU-2022-03341",
        dials: 5,
        registers: ["single"],
        monthly: 9,
        startIndex: 410,
      },
    ],
  },
  {
    code: "C100005",
    name: "سلمى الإدريسي",
    nationalId: "M567890",
    address: "89 شارع الحسن الثاني",
    city: "الجديدة",
    zone: "EJ-CENTRE",
    account: { email: "salma@wasla.example", locale: "ar" },
    contracts: [
      {
        contractNo: "1000000105",
        service: "electricity",
        serial: "ELE-2020-03017",
        dials: 6,
        registers: ["single"],
        monthly: 150,
        startIndex: 22050,
      },
      {
        contractNo: "2000000105",
        service: "water",
        serial: "EAU-2020-03018",
        dials: 5,
        registers: ["single"],
        monthly: 12,
        startIndex: 2104,
      },
    ],
  },
  {
    // No account yet: the contract a new sign-up links in the demo (README).
    code: "C100006",
    name: "حسن العلوي",
    nationalId: "M678901",
    address: "3 زنقة الرباط، حي المطار",
    city: "الجديدة",
    zone: "EJ-MATAR",
    contracts: [
      {
        contractNo: "1000000106",
        service: "electricity",
        serial: "ELE-2021-07777",
        dials: 6,
        registers: ["single"],
        monthly: 170,
        startIndex: 9800,
      },
    ],
  },
];

export const DEMO_STAFF: {
  email: string;
  name: string;
  role: "clerk" | "supervisor" | "admin";
  departments: DepartmentCode[];
}[] = [
  {
    email: "clerk@wasla.example",
    name: "Nadia Berrada",
    role: "clerk",
    departments: ["metering", "customer_relations"],
  },
  {
    email: "clerk2@wasla.example",
    name: "Karim Chraibi",
    role: "clerk",
    departments: ["metering", "customer_relations"],
  },
  {
    email: "registry@wasla.example",
    name: "Amina Fassi",
    role: "clerk",
    departments: ["mail_registry"],
  },
  {
    email: "registry.supervisor@wasla.example",
    name: "Zineb Tazi",
    role: "supervisor",
    departments: ["mail_registry"],
  },
  {
    email: "billing@wasla.example",
    name: "Rachid Naciri",
    role: "clerk",
    departments: ["billing"],
  },
  {
    email: "connections@wasla.example",
    name: "Laila Bennani",
    role: "clerk",
    departments: ["connections"],
  },
  {
    email: "technician@wasla.example",
    name: "Mehdi Ouazzani",
    role: "clerk",
    departments: ["technical_interventions"],
  },
  {
    email: "satisfaction@wasla.example",
    name: "Hind Lamrani",
    role: "clerk",
    departments: ["customer_satisfaction"],
  },
  {
    email: "supervisor@wasla.example",
    name: "Said Kettani",
    role: "supervisor",
    departments: [
      "metering",
      "billing",
      "connections",
      "customer_relations",
      "mail_registry",
      "technical_interventions",
      "customer_satisfaction",
    ],
  },
  { email: "admin@wasla.example", name: "Wasla Admin", role: "admin", departments: [] },
];

// Seasonal shape: more electricity in summer and mid-winter, more water in summer.
const SEASON = [1.05, 0.95, 0.9, 0.85, 0.9, 1.05, 1.25, 1.3, 1.1, 0.9, 0.95, 1.1];

/** A deterministic wobble so that the history looks real but the seed is repeatable. */
function wobble(seed: number): number {
  const x = Math.sin(seed * 12.9898) * 43758.5453;
  return 0.9 + (x - Math.floor(x)) * 0.2;
}

/**
 * The demo data set: customers with 12 months of agent readings, staff in every department,
 * and (outside production) the demo partner key. Runs once: a seeded database is left alone.
 */
export async function seedDemo(
  db: DbOrTx,
  options: { partnerKey: boolean; now?: Date } = { partnerKey: true },
): Promise<void> {
  const existing = await db.execute(
    sql`select 1 from users where email = 'customer@wasla.example'`,
  );
  if (existing.rows.length) return;
  const { departmentIds } = await seedBase(db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = options.now ?? new Date();

  for (const [ci, c] of DEMO_CUSTOMERS.entries()) {
    const [customer] = await db
      .insert(customers)
      .values({ customerCode: c.code, name: c.name, nationalId: c.nationalId })
      .returning();
    const [premise] = await db
      .insert(premises)
      .values({ addressLine: c.address, city: c.city, zone: c.zone })
      .returning();
    const user = c.account
      ? (
          await db
            .insert(users)
            .values({
              email: c.account.email,
              passwordHash,
              name: c.name,
              role: "customer",
              locale: c.account.locale,
              emailVerifiedAt: now,
            })
            .returning()
        )[0]
      : undefined;

    for (const [ki, k] of c.contracts.entries()) {
      const [contract] = await db
        .insert(contracts)
        .values({
          contractNo: k.contractNo,
          customerId: customer!.id,
          premiseId: premise!.id,
          service: k.service,
          startDate: "2017-01-01",
        })
        .returning();
      const [meter] = await db
        .insert(meters)
        .values({
          contractId: contract!.id,
          serial: k.serial,
          dials: k.dials,
          installedAt: "2017-01-01",
        })
        .returning();
      for (const [ri, name] of k.registers.entries()) {
        const share = k.registers.length === 1 ? 1 : name === "day" ? 0.65 : 0.35;
        const [register] = await db
          .insert(meterRegisters)
          .values({ meterId: meter!.id, name, initialIndex: 0 })
          .returning();
        // 13 agent readings on the 5th of each month: 12 months of consumption.
        let index = Math.round(k.startIndex * share);
        const rows = [];
        for (let m = 12; m >= 0; m--) {
          // The newest agent reading is the last 5th already past: never a reading in the future.
          const anchor =
            now.getUTCDate() > 5 || (now.getUTCDate() === 5 && now.getUTCHours() >= 10) ? 0 : 1;
          const readAt = new Date(
            Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - m - anchor, 5, 9, 30),
          );
          if (m < 12) {
            const month = readAt.getUTCMonth();
            index += Math.round(
              k.monthly * share * SEASON[month]! * wobble(ci * 100 + ki * 10 + ri + m),
            );
          }
          rows.push({
            registerId: register!.id,
            index,
            readAt,
            source: "agent" as const,
            status: "accepted" as const,
          });
        }
        await db.insert(readings).values(rows);
      }
      if (user)
        await db.insert(accountContracts).values({ userId: user.id, contractId: contract!.id });
    }
  }

  await seedMeteringSchedule(
    db,
    DEMO_CUSTOMERS.map((c) => c.zone),
    now,
  );

  for (const s of DEMO_STAFF) {
    const [staff] = await db
      .insert(users)
      .values({
        email: s.email,
        passwordHash,
        name: s.name,
        role: s.role,
        locale: "fr",
        emailVerifiedAt: now,
      })
      .returning();
    if (s.departments.length) {
      await db
        .insert(staffDepartments)
        .values(s.departments.map((d) => ({ userId: staff!.id, departmentId: departmentIds[d] })));
    }
  }

  await seedDemoBilling(db, now);

  if (options.partnerKey) {
    await db.insert(apiKeys).values({
      partnerName: "Demo bank",
      prefix: DEMO_PARTNER_KEY.slice(0, 12),
      keyHash: sha256(DEMO_PARTNER_KEY),
      scopes: ["readings:write", "bills:read", "payments:write", "items:read"],
    });
  }
}
