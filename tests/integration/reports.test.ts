import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { departments, staffDepartments, type User } from "@/db/schema";
import { fileComplaint } from "@/lib/complaints/file-complaint";
import type { ComplaintInput } from "@/lib/complaints/schemas";
import {
  backlogAgeing,
  backlogOverTime,
  dailyVolumes,
  resolutionDistribution,
  satisfactionOverTime,
  topKeywords,
  topKinds,
} from "@/lib/reports/breakdowns";
import { clerkFigures } from "@/lib/reports/clerks";
import { dashboardCsv } from "@/lib/reports/csv";
import { loadDashboard } from "@/lib/reports/dashboard";
import { monthlyReportDocument } from "@/lib/reports/monthly-report";
import { formatRate } from "@/lib/reports/present";
import { renderMonthlyReportPdfBuffer } from "@/lib/reports/report-pdf";
import { isTransparencyPublic, setTransparencyPublic } from "@/lib/reports/settings";
import { publicMonthlyFigures } from "@/lib/reports/transparency";
import { pdfText } from "@/lib/documents/pdf-text";
import { translator } from "@/lib/i18n/translate";
import { getUtility } from "@/lib/utility/get-utility";
import {
  parseReportQuery,
  previousPeriod,
  type Period,
  type ReportFilters,
} from "@/lib/reports/filters";
import { periodFigures } from "@/lib/reports/kpis";
import type { ReportScope } from "@/lib/reports/scope";
import { claimItem } from "@/lib/workflow/claim";
import {
  askCustomer,
  reopenItem,
  replyToCustomer,
  resolveItem,
  transferItem,
} from "@/lib/workflow/clerk-actions";
import { loadWorkflowConfig } from "@/lib/workflow/config";
import { answerAsCustomer, rateItem, requestFollowUp } from "@/lib/workflow/customer-actions";
import { runEscalations } from "@/lib/workflow/escalation";
import { attachToIncident, openIncident } from "@/lib/workflow/incidents";
import { mergeItems } from "@/lib/workflow/merge";
import { createTestDatabase } from "../helpers/db";
import { appErrorOf, fileAsCustomer, userByEmail } from "../helpers/workflow";

/*
 * A known month of work, May 2026, on the seeded calendar (Africa/Casablanca, UTC+1 in May,
 * Monday–Friday 08:30–16:30, 1 May and 27–28 May are holidays). Every figure below is worked
 * out by hand from this history; comments give local times and business minutes.
 *
 *   B  leak, filed Thu 30 Apr 16:00 (April), resolved Tue 5 May 09:00: 30 + 480 + 30 = 540 min,
 *      over its 480-minute deadline (holiday and weekend between).
 *   C  filed 1 May 00:30 local = 30 Apr 23:30 UTC (UTC would put it in April); question to the
 *      customer Mon 4 May 10:00 (90 min), answered Tue 10:00 (pause), resolved Tue 11:00: 150.
 *   A  filed Mon 4 May 09:00, answered 10:00 (60), resolved Tue 5 May 09:00: 450 + 30 = 480.
 *   D  filed Wed 6 May 09:00, transferred to billing 09:30, resolved by billing 11:00: 120.
 *   E  filed Thu 7 May 09:00, resolved 10:00 (60), reopened Fri 09:00, resolved 10:00: 120.
 *   F+G filed Mon 11 May 09:00 and 09:30, G merged into F 10:00, F resolved 11:00: 120.
 *   H+I leaks Tue 12 May 09:00 and 09:30 attached to one incident, resolved 11:00: H 120.
 *   J  filed by clerk2 for the caller Wed 13 May 09:00, resolved by clerk2 12:00: 180.
 *   L  leak Thu 14 May 09:00, never answered: escalated Fri 10:00, follow-up Wed 20 May (FU).
 *   K  filed Fri 29 May 09:00, open.  M filed 1 June 00:30 local = 31 May 23:30 UTC, open.
 *   N  filed Tue 9 June 09:00, open.
 * Ratings (quality/speed): A 5/5, C 3/4, D 4/4, H 5/5, I 4/5, J 3/3.
 */
const local = (s: string) => new Date(`${s.replace(" ", "T")}:00+01:00`);
const MAY: Period = { from: "2026-05-01", to: "2026-05-31" };
const NOW = local("2026-06-10 12:00");

let db: Db;
let customer: User;
let clerk2: User;
let billing: User;
let technician: User;
let supervisor: User;
let admin: User;
const ids: Record<string, { itemId: string; number: string }> = {};

const staff = (u: User) => ({ id: u.id, role: u.role });
const scopeOf = (u: User, filters: ReportFilters = {}): ReportScope => ({
  staff: staff(u),
  filters,
  timeZone: "Africa/Casablanca",
});

const WRONG_NAME: ComplaintInput = {
  category: "wrong_name",
  contractNo: "1000000101",
  description: "Le contrat est encore au nom de l'ancien propriétaire du logement.",
};
const LEAK: ComplaintInput = {
  category: "leak",
  contractNo: "2000000101",
  description: "Fuite d'eau devant le compteur depuis ce matin.",
};

async function file(key: string, input: ComplaintInput, at: string | Date) {
  const filed = await fileAsCustomer(db, customer, input, typeof at === "string" ? local(at) : at);
  ids[key] = { itemId: filed.itemId, number: filed.number };
  return filed.itemId;
}

/** Claim five minutes before resolving, as a clerk does from the queue. */
async function resolveAt(who: User, key: string, at: string) {
  const when = local(at);
  if (who.role === "clerk")
    await claimItem(db, staff(who), ids[key]!.itemId, new Date(when.getTime() - 5 * 60_000));
  await resolveItem(db, staff(who), ids[key]!.itemId, { outcome: "resolved" }, { now: when });
}

async function rate(key: string, quality: number, speed: number) {
  await rateItem(
    db,
    {
      itemId: ids[key]!.itemId,
      quality,
      speed,
      via: "portal",
      actor: { kind: "user", userId: customer.id, role: "customer" },
      locale: "fr",
    },
    { now: local("2026-06-02 10:00") },
  );
}

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "integration-tests-secret-at-least-32-characters";
  ({ db } = await createTestDatabase());
  customer = await userByEmail(db, "customer@wasla.example");
  clerk2 = await userByEmail(db, "clerk2@wasla.example");
  billing = await userByEmail(db, "billing@wasla.example");
  technician = await userByEmail(db, "technician@wasla.example");
  supervisor = await userByEmail(db, "supervisor@wasla.example");
  admin = await userByEmail(db, "admin@wasla.example");

  await file("B", LEAK, "2026-04-30 16:00");
  await file("C", WRONG_NAME, new Date("2026-04-30T23:30:00Z"));
  await file("A", WRONG_NAME, "2026-05-04 09:00");
  await claimItem(db, staff(clerk2), ids.A!.itemId, local("2026-05-04 09:55"));
  await replyToCustomer(db, staff(clerk2), ids.A!.itemId, "Nous vérifions le contrat.", {
    now: local("2026-05-04 10:00"),
  });
  await claimItem(db, staff(clerk2), ids.C!.itemId, local("2026-05-04 09:55"));
  await askCustomer(db, staff(clerk2), ids.C!.itemId, "Merci d'envoyer l'acte de vente.", {
    now: local("2026-05-04 10:00"),
  });
  await answerAsCustomer(
    db,
    { id: customer.id, role: "customer" },
    ids.C!.number,
    "Voici l'acte de vente.",
    { now: local("2026-05-05 10:00") },
  );
  await resolveAt(technician, "B", "2026-05-05 09:00");
  await resolveAt(clerk2, "A", "2026-05-05 09:00");
  await resolveAt(clerk2, "C", "2026-05-05 11:00");

  await file("D", WRONG_NAME, "2026-05-06 09:00");
  await claimItem(db, staff(clerk2), ids.D!.itemId, local("2026-05-06 09:25"));
  await transferItem(
    db,
    staff(clerk2),
    ids.D!.itemId,
    { departmentCode: "billing", reason: "Question de facturation." },
    { now: local("2026-05-06 09:30") },
  );
  await resolveAt(billing, "D", "2026-05-06 11:00");

  await file("E", WRONG_NAME, "2026-05-07 09:00");
  await resolveAt(clerk2, "E", "2026-05-07 10:00");
  await reopenItem(db, staff(clerk2), ids.E!.itemId, "Le nom est toujours faux.", {
    now: local("2026-05-08 09:00"),
  });
  await resolveAt(clerk2, "E", "2026-05-08 10:00");

  await file("F", WRONG_NAME, "2026-05-11 09:00");
  await file("G", WRONG_NAME, "2026-05-11 09:30");
  await mergeItems(db, staff(clerk2), ids.F!.itemId, ids.G!.itemId, {
    now: local("2026-05-11 10:00"),
  });
  await resolveAt(clerk2, "F", "2026-05-11 11:00");

  await file("H", LEAK, "2026-05-12 09:00");
  await file("I", LEAK, "2026-05-12 09:30");
  const incident = await openIncident(db, staff(supervisor), {
    title: "Fuites rue principale",
    departmentCode: "technical_interventions",
    keywords: [],
  });
  await attachToIncident(db, staff(supervisor), incident.id, [ids.H!.itemId, ids.I!.itemId], {
    now: local("2026-05-12 10:00"),
  });
  // resolveIncident stamps the wall clock; resolving each attached item is the same change.
  await resolveAt(supervisor, "H", "2026-05-12 11:00");
  await resolveAt(supervisor, "I", "2026-05-12 11:00");

  const j = await fileComplaint(
    db,
    { ...WRONG_NAME, contractNo: "1000000101", channel: "phone" },
    {
      customer: { id: customer.id, locale: "fr" },
      filedBy: { id: clerk2.id, role: "clerk" },
      actor: { kind: "user", userId: clerk2.id, role: "clerk" },
      idempotencyScope: `user:${clerk2.id}`,
    },
    undefined,
    local("2026-05-13 09:00"),
  );
  ids.J = { itemId: j.itemId, number: j.number };
  await resolveAt(clerk2, "J", "2026-05-13 12:00");

  await file("L", LEAK, "2026-05-14 09:00");
  await runEscalations(db, local("2026-05-15 10:00"));
  const fu = await requestFollowUp(
    db,
    { id: customer.id, role: "customer", locale: "fr" },
    ids.L!.number,
    {
      now: local("2026-05-20 10:00"),
    },
  );
  ids.FU = { itemId: fu.itemId, number: fu.number };
  await file("K", WRONG_NAME, "2026-05-29 09:00");
  await file("M", WRONG_NAME, new Date("2026-05-31T23:30:00Z"));
  await file("N", WRONG_NAME, "2026-06-09 09:00");

  await rate("A", 5, 5);
  await rate("C", 3, 4);
  await rate("D", 4, 4);
  await rate("H", 5, 5);
  await rate("I", 4, 5);
  await rate("J", 3, 3);
});

describe("the figures of May 2026, by hand", () => {
  it("counts received, resolved and open requests once each, in Casablanca months", async () => {
    const f = await periodFigures(db, scopeOf(admin), MAY, NOW);
    // A C D E F H J K L and the follow-up: G is merged into F, I counts as H's incident, B was
    // filed in April and M in June (both in May by UTC).
    expect(f.received).toBe(10);
    // A B C D E F H J; E once although resolved twice.
    expect(f.resolved).toBe(8);
    expect(f.open).toBe(3); // K, L and the follow-up
    expect(f.completionRate).toBe(7 / 10);
  });

  it("measures deadlines and first-contact resolution", async () => {
    const f = await periodFigures(db, scopeOf(admin), MAY, NOW);
    expect(f.onTimeRate).toBe(7 / 8); // B took 540 of its 480 minutes
    // C asked the customer, D was transferred, E was reopened.
    expect(f.firstContactResolutionRate).toBe(5 / 8);
    // Answered: A 60, C 90, D 120, E 60, F 120, H 120 (due in 60), J 180; L and the
    // follow-up are past their first-response deadline unanswered; K is not due before June.
    expect(f.firstResponseOnTimeRate).toBe(6 / 9);
    expect(f.timeToFirstResponse).toEqual({ p50: 120, p90: 144 });
    // 120 120 120 120 | 150 180 480 540: the median falls between 120 and 150
    expect(f.timeToResolution).toEqual({ p50: 135, p90: 498 });
  });

  it("reads satisfaction from every resolved customer's rating", async () => {
    const f = await periodFigures(db, scopeOf(admin), MAY, NOW);
    // Resolved in May: A B C D E F H I J (nine customers asked), six answered.
    expect(f.satisfaction.ratings).toBe(6);
    expect(f.satisfaction.quality).toBeCloseTo(24 / 6, 10);
    expect(f.satisfaction.speed).toBeCloseTo(26 / 6, 10);
    expect(f.satisfaction.satisfiedShare).toBe(4 / 6); // A D H I
    expect(f.satisfaction.responseRate).toBe(6 / 9);
  });

  it("counts escalations and follow-ups", async () => {
    const f = await periodFigures(db, scopeOf(admin), MAY, NOW);
    // L was past its deadline on Friday: near-breach and breach fire together.
    expect(f.escalations).toBe(2);
    expect(f.followUps).toBe(1);
  });

  it("compares with the 31 days before", async () => {
    expect(previousPeriod(MAY)).toEqual({ from: "2026-03-31", to: "2026-04-30" });
    const f = await periodFigures(db, scopeOf(admin), previousPeriod(MAY), NOW);
    expect(f).toMatchObject({ received: 1, resolved: 0, open: 1, completionRate: 1 });
  });

  it("puts a request filed at 00:30 local on the 1st in the new month", async () => {
    const june = await periodFigures(
      db,
      scopeOf(admin),
      { from: "2026-06-01", to: "2026-06-30" },
      NOW,
    );
    expect(june.received).toBe(2); // M and N
    const volumes = await dailyVolumes(db, scopeOf(admin), MAY);
    expect(volumes).toEqual([
      { day: "2026-05-01", channel: "web", count: 1 },
      { day: "2026-05-04", channel: "web", count: 1 },
      { day: "2026-05-06", channel: "web", count: 1 },
      { day: "2026-05-07", channel: "web", count: 1 },
      { day: "2026-05-11", channel: "web", count: 1 },
      { day: "2026-05-12", channel: "web", count: 1 },
      { day: "2026-05-13", channel: "phone", count: 1 },
      { day: "2026-05-14", channel: "web", count: 1 },
      { day: "2026-05-20", channel: "web", count: 1 },
      { day: "2026-05-29", channel: "web", count: 1 },
    ]);
  });

  it("replays the backlog day by day from the events", async () => {
    const points = await backlogOverTime(db, scopeOf(admin), MAY);
    const at = (day: string) => points.find((p) => p.day === day)?.open;
    expect(points).toHaveLength(31);
    expect(at("2026-05-01")).toBe(2); // B, C
    expect(at("2026-05-04")).toBe(3); // + A
    expect(at("2026-05-05")).toBe(0);
    expect(at("2026-05-07")).toBe(0); // E resolved the day it came…
    expect(at("2026-05-08")).toBe(0); // …and again the day it was reopened
    expect(at("2026-05-14")).toBe(1); // L
    expect(at("2026-05-20")).toBe(2); // + follow-up
    expect(at("2026-05-31")).toBe(3); // + K; M belongs to June
  });

  it("ages the open requests in business days", async () => {
    const config = await loadWorkflowConfig(db);
    const buckets = await backlogAgeing(db, scopeOf(admin), config.calendar, 480, NOW);
    // N: 450 + 210 minutes (1.4 days); K: 450 + 7 × 480 + 210 (8.4 days); L and the follow-up
    // are older than ten working days; M (filed on a Monday 00:30): 5 + 210/480 days.
    expect(buckets.map((b) => b.count)).toEqual([0, 1, 0, 2, 2]);
  });

  it("lists kinds, keywords and the resolution-time distribution", async () => {
    const kinds = await topKinds(db, scopeOf(admin), MAY);
    expect(kinds.map((k) => [k.key, k.count])).toEqual([
      ["complaint_commercial", 7],
      ["complaint_technical", 2],
      ["follow_up", 1],
    ]);
    expect(await topKeywords(db, scopeOf(admin), MAY)).toEqual([{ key: "fuite", count: 2 }]);
    const dist = await resolutionDistribution(db, scopeOf(admin), MAY, 480);
    // [0,60) [60,240) [240,480) [480,960) [960,2400) [2400,4800) [4800,…)
    expect(dist.map((d) => d.count)).toEqual([0, 6, 0, 2, 0, 0, 0]);
  });

  it("plots satisfaction by day of resolution", async () => {
    const points = await satisfactionOverTime(db, scopeOf(admin), MAY, false);
    expect(points).toEqual([
      { bucket: "2026-05-05", ratings: 2, quality: 4, speed: 4.5 }, // A, C
      { bucket: "2026-05-06", ratings: 1, quality: 4, speed: 4 }, // D
      { bucket: "2026-05-12", ratings: 2, quality: 4.5, speed: 5 }, // H, I
      { bucket: "2026-05-13", ratings: 1, quality: 3, speed: 3 }, // J
    ]);
  });
});

describe("filters and scope", () => {
  it("narrows by department, channel and clerk", async () => {
    const relations = await periodFigures(
      db,
      scopeOf(admin, { department: "customer_relations" }),
      MAY,
      NOW,
    );
    expect(relations.received).toBe(6); // A C E F J K (D now belongs to billing)
    const phone = await periodFigures(db, scopeOf(admin, { channel: "phone" }), MAY, NOW);
    expect(phone).toMatchObject({ received: 1, resolved: 1 });
    const byBilling = await periodFigures(db, scopeOf(admin, { clerk: billing.id }), MAY, NOW);
    expect(byBilling).toMatchObject({ received: 1, resolved: 1 });
  });

  it("keeps a supervisor to their departments in the query itself", async () => {
    const [technical] = await db
      .select({ id: departments.id })
      .from(departments)
      .where(eq(departments.code, "technical_interventions"));
    await db
      .delete(staffDepartments)
      .where(
        and(
          eq(staffDepartments.userId, supervisor.id),
          eq(staffDepartments.departmentId, technical!.id),
        ),
      );
    try {
      const f = await periodFigures(db, scopeOf(supervisor), MAY, NOW);
      expect(f.received).toBe(8); // without H and L
      const foreign = await periodFigures(
        db,
        scopeOf(supervisor, { department: "technical_interventions" }),
        MAY,
        NOW,
      );
      expect(foreign).toMatchObject({ received: 0, resolved: 0, open: 0 });
    } finally {
      await db.execute(
        sql`insert into staff_departments (user_id, department_id) values (${supervisor.id}, ${technical!.id})`,
      );
    }
  });
});

describe("per clerk", () => {
  it("counts what each one resolved, and leaves out ratings of items they filed themselves", async () => {
    const rows = await clerkFigures(db, scopeOf(admin), MAY);
    const of = (u: User) => rows.find((r) => r.clerkId === u.id);
    // A 480, C 150, E 120, F 120, J 180; J's 3/3 was given to a request clerk2 filed.
    expect(of(clerk2)).toMatchObject({
      handled: 5,
      medianMinutes: 150,
      onTimeRate: 1,
      ratings: 2,
      quality: 4,
      speed: 4.5,
    });
    expect(of(technician)).toMatchObject({
      handled: 1,
      medianMinutes: 540,
      onTimeRate: 0,
      ratings: 0,
    });
    expect(of(billing)).toMatchObject({ handled: 1, medianMinutes: 120, ratings: 1, quality: 4 });
    expect(of(supervisor)).toMatchObject({ handled: 1, ratings: 2, quality: 4.5, speed: 5 });
  });
});

describe("the query string", () => {
  it("accepts Arabic-Indic digits and defaults to the month to date", () => {
    expect(
      parseReportQuery({ from: "٢٠٢٦-٠٥-٠١", to: "2026-05-31" }, "Africa/Casablanca", NOW).period,
    ).toEqual(MAY);
    expect(parseReportQuery({}, "Africa/Casablanca", NOW).period).toEqual({
      from: "2026-06-01",
      to: "2026-06-10",
    });
  });

  it.each([
    [{ from: "2026-02-30" }, "from"],
    [{ from: "2026-06-01", to: "2026-05-01" }, "to"],
    [{ from: "2020-01-01", to: "2026-01-01" }, "to"],
    [{ channel: "<script>" }, "channel"],
    [{ clerk: "1' or '1'='1" }, "clerk"],
    [{ zone: "x".repeat(200) }, "zone"],
  ])("refuses %j on %s", async (raw, field) => {
    const error = await appErrorOf(
      Promise.resolve().then(() => parseReportQuery(raw, "Africa/Casablanca", NOW)),
    );
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(error.fields ?? {})).toContain(field);
  });
});

describe("the report rows kept by triggers", () => {
  it("match a rebuild from the items, events and ratings after every change of the month, moves included", async () => {
    const snapshot = async () => ({
      items: (await db.execute(sql`select * from report_items order by item_id`)).rows,
      moves: (await db.execute(sql`select * from report_moves order by event_id`)).rows,
    });
    const kept = await snapshot();
    // Filed, answered, asked, transferred, reopened, merged, attached, resolved twice, rated.
    expect(kept.items.length).toBeGreaterThanOrEqual(15);
    expect(kept.moves.length).toBeGreaterThanOrEqual(kept.items.length);
    await db.execute(sql`select report_items_rebuild()`);
    expect(await snapshot()).toEqual(kept);
  });
});

describe("the monthly report and the CSV", () => {
  it.each(["ar", "fr"] as const)(
    "prints May in %s with the figures, the clerks and the days",
    async (locale) => {
      const utility = await getUtility(db);
      const doc = await monthlyReportDocument(db, scopeOf(admin), "2026-05", locale, utility, NOW);
      const pdf = await renderMonthlyReportPdfBuffer(doc);
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const text = pdfText(pdf);
      const t = translator(locale);
      expect(text).toContain(t("reports.pdf.title"));
      expect(text).toContain(t("reports.figures.firstContactResolutionRate"));
      // 5 of 8 resolved at first contact; 7 of 8 on time.
      // The number itself (pdftotext renders the percent sign's spacing and marks its own way).
      const digits = (v: number) => formatRate(v, locale).replace(/[^\d,.]/g, "");
      expect(text).toContain(digits(5 / 8));
      expect(text).toContain(digits(7 / 8));
      expect(text).toContain(clerk2.name);
      expect(text).toContain(t("items.channel.phone"));
    },
  );

  it("writes every table with raw figures", async () => {
    const scope = scopeOf(admin);
    const data = await loadDashboard(db, scope, MAY, NOW);
    const t = translator("fr");
    const csv = dashboardCsv(data, await clerkFigures(db, scope, MAY), "fr", (k, v) =>
      t(`reports.${k}` as never, v as never),
    );
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("2026-05-01 – 2026-05-31,2026-03-31 – 2026-04-30");
    expect(lines).toContain(`${t("reports.figures.received")},10,1`);
    expect(lines).toContain(`${t("reports.figures.onTimeRate")},0.875,`);
    expect(lines).toContain("2026-05-13,phone,1");
    expect(lines).toContain("fuite,2");
    for (const table of [
      "headline",
      "ageing",
      "kinds",
      "keywords",
      "volumes",
      "backlog",
      "distribution",
      "satisfaction",
      "clerks",
    ])
      expect(lines).toContain(`${t("reports.csv.section")}: ${t(`reports.csv.${table}` as never)}`);
  });
});

describe("the public transparency page", () => {
  it("is off until an admin switches it on, which is audited; supervisors may not", async () => {
    expect(await isTransparencyPublic(db)).toBe(false);
    expect((await appErrorOf(setTransparencyPublic(db, staff(supervisor), true))).code).toBe(
      "FORBIDDEN",
    );
    await setTransparencyPublic(db, staff(admin), true);
    expect(await isTransparencyPublic(db)).toBe(true);
    const { rows } = await db.execute(
      sql`select actor_user_id, after from audit_log where action = 'reports.transparency'`,
    );
    expect(rows).toEqual([{ actor_user_id: admin.id, after: { publicTransparency: true } }]);
  });

  it("publishes each closed month's counts and shares, and nothing about a person", async () => {
    const months = await publicMonthlyFigures(db, "Africa/Casablanca", NOW, 3);
    expect(months.map((m) => m.month)).toEqual(["2026-05", "2026-04", "2026-03"]);
    expect(months[0]).toEqual({
      month: "2026-05",
      received: 10,
      completionRate: 0.7,
      ratings: 6,
      satisfiedShare: 4 / 6,
      quality: 4,
    });
    expect(months[1]).toMatchObject({ month: "2026-04", received: 1, ratings: 0 });
  });
});
