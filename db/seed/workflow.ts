import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  businessCalendars,
  calendarHolidays,
  calendarOverrides,
  requestKinds,
  routingRules,
  slaPolicies,
} from "@/db/schema";
import type { DepartmentCode } from "./base";

export const REQUEST_KINDS = [
  {
    code: "complaint_technical",
    numberPrefix: "RT",
    nameAr: "شكاية تقنية",
    nameFr: "Réclamation technique",
    nameEn: "Technical complaint",
  },
  {
    code: "complaint_commercial",
    numberPrefix: "RC",
    nameAr: "شكاية تجارية",
    nameFr: "Réclamation commerciale",
    nameEn: "Commercial complaint",
  },
  {
    code: "reading_review",
    numberPrefix: "REL",
    nameAr: "مراجعة قراءة",
    nameFr: "Contrôle de relève",
    nameEn: "Reading review",
    customerCanFile: false,
  },
  { code: "letter", numberPrefix: "BO", nameAr: "مراسلة", nameFr: "Courrier", nameEn: "Letter" },
  {
    code: "connection",
    numberPrefix: "BR",
    nameAr: "طلب ربط",
    nameFr: "Demande de branchement",
    nameEn: "Connection request",
  },
  {
    code: "subscription",
    numberPrefix: "AB",
    nameAr: "طلب اشتراك",
    nameFr: "Demande d'abonnement",
    nameEn: "Subscription request",
  },
  {
    code: "termination",
    numberPrefix: "RS",
    nameAr: "طلب فسخ العقد",
    nameFr: "Demande de résiliation",
    nameEn: "Termination request",
  },
  {
    code: "follow_up",
    numberPrefix: "SV",
    nameAr: "تذكير",
    nameFr: "Relance",
    nameEn: "Follow-up",
    customerCanFile: false,
  },
  {
    code: "low_rating",
    numberPrefix: "SAT",
    nameAr: "تقييم ضعيف",
    nameFr: "Évaluation faible",
    nameEn: "Low rating",
    customerCanFile: false,
  },
] as const;

/** 60 calendar days as business minutes: 60 × 5/7 ≈ 43 working days of 480 minutes. */
export const LETTER_ANSWER_MINUTES = 43 * 480;

// Business minutes; a working day is 8 hours (480). Kind null = the default for every kind.
const POLICIES: {
  kind: string | null;
  priority: "low" | "normal" | "high" | "urgent";
  first: number;
  resolution: number;
}[] = [
  { kind: null, priority: "urgent", first: 60, resolution: 480 },
  { kind: null, priority: "high", first: 240, resolution: 960 },
  { kind: null, priority: "normal", first: 480, resolution: 2400 },
  { kind: null, priority: "low", first: 960, resolution: 4800 },
  { kind: "complaint_technical", priority: "urgent", first: 30, resolution: 240 },
  { kind: "complaint_technical", priority: "high", first: 60, resolution: 480 },
  { kind: "follow_up", priority: "high", first: 240, resolution: 480 },
  // Letters to the mail registry: acknowledged at once, answered within 60 days (as public
  // complaints are), i.e. about 43 working days of 8 hours.
  ...(["low", "normal", "high", "urgent"] as const).map((priority) => ({
    kind: "letter",
    priority,
    first: 480,
    resolution: LETTER_ANSWER_MINUTES,
  })),
];

type Rule = {
  name: string;
  kind?: string;
  keywords?: string[];
  department: DepartmentCode;
  priority?: "low" | "normal" | "high" | "urgent";
  isDefault?: boolean;
};

// Ordered: the first match wins. Keywords in Arabic, French and English.
const RULES: Rule[] = [
  {
    name: "Leaks and outages",
    keywords: [
      "تسرب",
      "انقطاع",
      "fuite",
      "coupure",
      "panne",
      "leak",
      "outage",
      "no water",
      "no power",
    ],
    department: "technical_interventions",
    priority: "high",
  },
  {
    name: "Low pressure and damaged meters",
    kind: "complaint_technical",
    department: "technical_interventions",
  },
  {
    name: "Bills and payments",
    kind: "complaint_commercial",
    keywords: ["فاتورة", "أداء", "facture", "paiement", "payé", "bill", "payment", "paid"],
    department: "billing",
  },
  {
    name: "Other commercial complaints",
    kind: "complaint_commercial",
    department: "customer_relations",
  },
  { name: "Reading reviews", kind: "reading_review", department: "metering" },
  { name: "Letters", kind: "letter", department: "mail_registry" },
  { name: "Connections", kind: "connection", department: "connections" },
  { name: "Subscriptions", kind: "subscription", department: "connections" },
  { name: "Terminations", kind: "termination", department: "connections" },
  { name: "Everything else", department: "customer_relations", isDefault: true },
];

// Fixed-date holidays, and the 2026 lunar ones as announced (admins enter each year's dates).
const HOLIDAYS_2026: [string, string][] = [
  ["2026-01-01", "Nouvel an"],
  ["2026-01-11", "Manifeste de l'Indépendance"],
  ["2026-01-14", "Nouvel an amazigh"],
  ["2026-03-20", "Aïd al-Fitr"],
  ["2026-03-21", "Aïd al-Fitr"],
  ["2026-05-01", "Fête du Travail"],
  ["2026-05-27", "Aïd al-Adha"],
  ["2026-05-28", "Aïd al-Adha"],
  ["2026-06-17", "Nouvel an de l'Hégire"],
  ["2026-07-30", "Fête du Trône"],
  ["2026-08-14", "Oued Ed-Dahab"],
  ["2026-08-20", "Révolution du Roi et du Peuple"],
  ["2026-08-21", "Fête de la Jeunesse"],
  ["2026-08-26", "Aïd al-Mawlid"],
  ["2026-11-06", "Marche Verte"],
  ["2026-11-18", "Fête de l'Indépendance"],
];

/** Ramadan 2026 (about 18 February to 19 March): shorter office hours on working days. */
function ramadanOverrides2026(): {
  day: string;
  opensAt: string;
  closesAt: string;
  note: string;
}[] {
  const out = [];
  for (
    let d = new Date(Date.UTC(2026, 1, 18));
    d <= new Date(Date.UTC(2026, 2, 19));
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    const weekday = d.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    out.push({
      day: d.toISOString().slice(0, 10),
      opensAt: "09:00",
      closesAt: "15:00",
      note: "Ramadan",
    });
  }
  return out;
}

/** Request kinds, deadline policies, routing rules and the business calendar of a new utility. */
export async function seedWorkflow(
  db: DbOrTx,
  utilityId: string,
  departmentIds: Record<DepartmentCode, string>,
): Promise<void> {
  await db
    .insert(requestKinds)
    .values(
      REQUEST_KINDS.map((k) => ({
        ...k,
        customerCanFile: "customerCanFile" in k ? k.customerCanFile : true,
      })),
    )
    .onConflictDoNothing();
  const hasPolicies = await db.select({ id: slaPolicies.id }).from(slaPolicies).limit(1);
  if (!hasPolicies.length) {
    await db.insert(slaPolicies).values(
      POLICIES.map((p) => ({
        kindCode: p.kind,
        priority: p.priority,
        firstResponseMinutes: p.first,
        resolutionMinutes: p.resolution,
      })),
    );
  }
  const hasRules = await db.select({ id: routingRules.id }).from(routingRules).limit(1);
  if (!hasRules.length) {
    await db.insert(routingRules).values(
      RULES.map((r, i) => ({
        position: (i + 1) * 10,
        name: r.name,
        kindCode: r.kind ?? null,
        keywords: r.keywords ?? [],
        departmentId: departmentIds[r.department],
        priority: r.priority ?? null,
        isDefault: r.isDefault ?? false,
      })),
    );
  }
  const [existing] = await db
    .select()
    .from(businessCalendars)
    .where(eq(businessCalendars.utilityId, utilityId));
  if (existing) return;
  const [calendar] = await db
    .insert(businessCalendars)
    .values({
      utilityId,
      timeZone: "Africa/Casablanca",
      workingDays: [1, 2, 3, 4, 5],
      opensAt: "08:30",
      closesAt: "16:30",
    })
    .returning();
  await db
    .insert(calendarHolidays)
    .values(HOLIDAYS_2026.map(([day, name]) => ({ calendarId: calendar!.id, day, name })));
  await db
    .insert(calendarOverrides)
    .values(ramadanOverrides2026().map((o) => ({ calendarId: calendar!.id, ...o })));
}
