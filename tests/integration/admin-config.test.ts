import { and, desc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, routingRules, utilities, type User } from "@/db/schema";
import { fileSubmission } from "@/lib/intake/file-submission";
import {
  addHoliday,
  addOverride,
  getCalendarSettings,
  previewDeadline,
  removeHoliday,
  saveCalendarSettings,
} from "@/lib/workflow/admin-calendar";
import {
  createRequestKind,
  listRequestKinds,
  saveKindPolicies,
  setRequestKindActive,
} from "@/lib/workflow/admin-kinds";
import {
  createRoutingRule,
  deleteRoutingRule,
  listRoutingRules,
  moveRoutingRule,
  setRoutingRuleActive,
  tryRouting,
  updateRoutingRule,
  type AdminRule,
} from "@/lib/workflow/admin-routing";
import {
  calendarSettingsSchema,
  createKindSchema,
  createRuleSchema,
  kindPoliciesSchema,
  overrideSchema,
  updateRuleSchema,
} from "@/lib/workflow/admin-schemas";
import { loadWorkflowConfig } from "@/lib/workflow/config";
import { createTestDatabase } from "../helpers/db";
import { appErrorOf, itemRow, userByEmail } from "../helpers/workflow";

// A fake clock. Casablanca is UTC+1 in April 2026; office hours 08:30–16:30, Monday to Friday,
// and no public holiday between 6 and 10 April in the seeded calendar.
const MONDAY_9AM = new Date("2026-04-06T08:00:00Z"); // Mon 6 April, 09:00 local
const MONDAY_4PM = new Date("2026-04-06T15:00:00Z"); // Mon 6 April, 16:00 local

const CONFIG_ENTITIES = [
  "routing_rule",
  "request_kind",
  "sla_policy",
  "business_calendar",
  "calendar_holiday",
  "calendar_override",
];

let db: Db;
let admin: User;
let clerk: User;
let customer: User;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  admin = await userByEmail(db, "admin@wasla.example");
  clerk = await userByEmail(db, "clerk@wasla.example");
  customer = await userByEmail(db, "customer@wasla.example");
});

/** A customer's web submission through the one intake path, at `now`. */
function file(kind: string, text: string, now: Date) {
  return fileSubmission(
    db,
    {
      kind,
      channel: "web",
      title: "Signalement",
      description: text,
      locale: "fr",
      actor: { kind: "user", userId: customer.id, role: "customer" },
      customerUserId: customer.id,
      createSubject: async () => ({ type: "test", id: null }),
    },
    now,
  );
}

async function ruleNamed(name: string): Promise<AdminRule> {
  const rule = (await listRoutingRules(db)).find((r) => r.name === name);
  if (!rule) throw new Error(`no rule named ${name}`);
  return rule;
}

/** The configuration audit rows, newest first. */
async function configAudit() {
  return db
    .select()
    .from(auditLog)
    .where(inArray(auditLog.entityType, CONFIG_ENTITIES))
    .orderBy(desc(auditLog.id));
}

async function lastAudit() {
  const [row] = await configAudit();
  return row!;
}

const FLOOD_TEXT = "Fuite et inondation au sous-sol depuis ce matin.";

describe("routing rules edited by an administrator", () => {
  let flood: AdminRule;

  it("routes a new submission by a rule added before the others", async () => {
    const created = await createRoutingRule(
      db,
      admin,
      createRuleSchema.parse({
        name: "Inondations",
        keywords: "inondation\nفيضان, flood",
        departmentCode: "technical_interventions",
        priority: "urgent",
        placement: "top",
        active: "on",
      }),
    );
    const rules = await listRoutingRules(db);
    expect(rules[0]!.id).toBe(created.id);
    // Renumbered 10, 20, 30… in one transaction, the catch-all last.
    expect(rules.map((r) => r.position)).toEqual(rules.map((_, i) => (i + 1) * 10));
    expect(rules.at(-1)!.isDefault).toBe(true);
    flood = (await ruleNamed("Inondations"))!;

    const filed = await file("complaint_commercial", FLOOD_TEXT, MONDAY_9AM);
    expect(filed).toMatchObject({ departmentCode: "technical_interventions", priority: "urgent" });
    expect((await itemRow(db, filed.itemId)).routingRuleId).toBe(flood.id);

    const audit = await lastAudit();
    expect(audit).toMatchObject({
      action: "routing_rule.create",
      entityType: "routing_rule",
      entityId: flood.id,
      actorUserId: admin.id,
      actorRole: "admin",
      before: null,
    });
    expect(audit.after).toMatchObject({
      name: "Inondations",
      keywords: ["inondation", "فيضان", "flood"],
    });
  });

  it("shows in the try-it check which rule wins and by which keyword", async () => {
    const trial = await tryRouting(
      db,
      {
        kind: "complaint_technical",
        service: null,
        zone: null,
        channel: "phone",
        text: "Les caves sont INONDATIONS",
      },
      MONDAY_9AM,
    );
    // Whole words only: "inondations" is not "inondation".
    expect(trial.rule.id).not.toBe(flood.id);
    const arabic = await tryRouting(
      db,
      {
        kind: "complaint_technical",
        service: null,
        zone: null,
        channel: "web",
        text: "الفيضان في الحي",
      },
      MONDAY_9AM,
    );
    expect(arabic.decision).toMatchObject({
      ruleId: flood.id,
      departmentCode: "technical_interventions",
      priority: "urgent",
      matchedKeyword: "فيضان",
    });
  });

  it("lets the next rule win once the rule is deactivated", async () => {
    const before = (await configAudit()).length;
    await setRoutingRuleActive(db, admin, { ruleId: flood.id, active: false });
    const filed = await file("complaint_commercial", FLOOD_TEXT, MONDAY_9AM);
    // "Leaks and outages" matches "fuite": technical interventions, high priority.
    expect(filed).toMatchObject({ departmentCode: "technical_interventions", priority: "high" });
    expect((await itemRow(db, filed.itemId)).routingRuleId).toBe(
      (await ruleNamed("Leaks and outages")).id,
    );
    expect(await configAudit()).toHaveLength(before + 1);
    expect(await lastAudit()).toMatchObject({
      action: "routing_rule.deactivate",
      entityId: flood.id,
      before: { active: true },
      after: { active: false },
    });

    await setRoutingRuleActive(db, admin, { ruleId: flood.id, active: true });
    expect((await lastAudit()).action).toBe("routing_rule.activate");
    expect((await file("complaint_commercial", FLOOD_TEXT, MONDAY_9AM)).priority).toBe("urgent");
  });

  it("reorders rules: the one moved above wins, positions stay 10, 20, 30…", async () => {
    await moveRoutingRule(db, admin, { ruleId: flood.id, direction: "down" });
    let rules = await listRoutingRules(db);
    expect(rules.slice(0, 2).map((r) => r.name)).toEqual(["Leaks and outages", "Inondations"]);
    expect(rules.map((r) => r.position)).toEqual(rules.map((_, i) => (i + 1) * 10));
    expect((await file("complaint_commercial", FLOOD_TEXT, MONDAY_9AM)).priority).toBe("high");
    const audit = await lastAudit();
    expect(audit.action).toBe("routing_rule.move_down");
    expect((audit.before as { name: string }[])[0]!.name).toBe("Inondations");
    expect((audit.after as { name: string }[])[0]!.name).toBe("Leaks and outages");

    await moveRoutingRule(db, admin, { ruleId: flood.id, direction: "up" });
    rules = await listRoutingRules(db);
    expect(rules[0]!.id).toBe(flood.id);
    expect((await file("complaint_commercial", FLOOD_TEXT, MONDAY_9AM)).priority).toBe("urgent");

    // Already first: nothing moves and nothing is recorded.
    const count = (await configAudit()).length;
    await moveRoutingRule(db, admin, { ruleId: flood.id, direction: "up" });
    expect((await listRoutingRules(db))[0]!.id).toBe(flood.id);
    expect(await configAudit()).toHaveLength(count);
  });

  it("refuses to delete, deactivate or move the catch-all rule, and records nothing", async () => {
    const fallback = (await listRoutingRules(db)).find((r) => r.isDefault)!;
    const count = (await configAudit()).length;
    // One after another: each attempt runs in a transaction of its own.
    for (const attempt of [
      () => deleteRoutingRule(db, admin, { ruleId: fallback.id }),
      () => setRoutingRuleActive(db, admin, { ruleId: fallback.id, active: false }),
      () => moveRoutingRule(db, admin, { ruleId: fallback.id, direction: "up" }),
    ]) {
      const error = await appErrorOf(attempt());
      expect(error.code).toBe("CONFLICT");
      expect(error.fields).toEqual({ _form: "defaultLocked" });
    }
    const [still] = await db.select().from(routingRules).where(eq(routingRules.id, fallback.id));
    expect(still).toMatchObject({ active: true, isDefault: true });
    expect(await configAudit()).toHaveLength(count);
  });

  it("keeps the catch-all a catch-all when it is edited", async () => {
    const fallback = (await listRoutingRules(db)).find((r) => r.isDefault)!;
    await updateRoutingRule(
      db,
      admin,
      updateRuleSchema.parse({
        ruleId: fallback.id,
        name: "Tout le reste",
        departmentCode: "customer_relations",
        keywords: "ignored",
        kindCode: "letter",
      }),
    );
    const after = (await listRoutingRules(db)).find((r) => r.isDefault)!;
    expect(after).toMatchObject({
      name: "Tout le reste",
      keywords: [],
      kindCode: null,
      active: true,
    });
    expect(await lastAudit()).toMatchObject({
      action: "routing_rule.update",
      entityId: fallback.id,
    });
  });

  it("refuses to delete a rule that routed items, and deletes one that did not", async () => {
    const error = await appErrorOf(deleteRoutingRule(db, admin, { ruleId: flood.id }));
    expect(error.fields).toEqual({ _form: "ruleHasItems" });

    const spare = await createRoutingRule(
      db,
      admin,
      createRuleSchema.parse({ name: "Essai", departmentCode: "billing", placement: "bottom" }),
    );
    const rules = await listRoutingRules(db);
    expect(rules.at(-2)!.id).toBe(spare.id);
    await deleteRoutingRule(db, admin, { ruleId: spare.id });
    const left = await listRoutingRules(db);
    expect(left.map((r) => r.id)).not.toContain(spare.id);
    expect(left.map((r) => r.position)).toEqual(left.map((_, i) => (i + 1) * 10));
    expect(await lastAudit()).toMatchObject({
      action: "routing_rule.delete",
      entityId: spare.id,
      after: null,
    });
  });

  it("refuses a department or a kind that does not exist", async () => {
    const error = await appErrorOf(
      createRoutingRule(
        db,
        admin,
        createRuleSchema.parse({ name: "X", departmentCode: "nowhere", kindCode: "no_such_kind" }),
      ),
    );
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fields).toEqual({ departmentCode: "departmentUnknown", kindCode: "kindUnknown" });
  });

  it("reads a validity window in the utility's local time and applies it", async () => {
    const window = await createRoutingRule(
      db,
      admin,
      createRuleSchema.parse({
        name: "Permanence de décembre",
        keywords: "grêle",
        departmentCode: "technical_interventions",
        priority: "high",
        validFrom: "2026-12-01T08:00",
        validUntil: "2026-12-07T20:00",
        active: "on",
      }),
    );
    expect(window.validFrom?.toISOString()).toBe("2026-12-01T07:00:00.000Z");
    expect(window.validUntil?.toISOString()).toBe("2026-12-07T19:00:00.000Z");
    const sample = {
      kind: "complaint_technical",
      service: null,
      zone: null,
      channel: "web" as const,
      text: "Dégâts de grêle",
    };
    expect((await tryRouting(db, sample, new Date("2026-12-03T10:00:00Z"))).rule.id).toBe(
      window.id,
    );
    expect((await tryRouting(db, sample, new Date("2026-12-07T19:00:00Z"))).rule.id).not.toBe(
      window.id,
    );
  });

  it("lets administrators only", async () => {
    const error = await appErrorOf(
      setRoutingRuleActive(db, clerk, { ruleId: flood.id, active: false }),
    );
    expect(error.code).toBe("FORBIDDEN");
    expect((await ruleNamed("Inondations")).active).toBe(true);
  });
});

describe("a temporary hotline as a new kind of request", () => {
  it("files TMP-<year>-000001 with the kind's own deadlines, routed by its own rule", async () => {
    await createRequestKind(
      db,
      admin,
      createKindSchema.parse({
        code: "hotline_storm",
        numberPrefix: "TMP",
        nameAr: "خط طوارئ العاصفة",
        nameFr: "Permanence tempête",
        nameEn: "Storm hotline",
        urgentFirst: "15",
        urgentResolution: "120",
        normalFirst: "60",
        normalResolution: "240",
      }),
    );
    const kindAudit = await lastAudit();
    expect(kindAudit).toMatchObject({ action: "request_kind.create", entityId: "hotline_storm" });
    expect(kindAudit.after).toMatchObject({
      numberPrefix: "TMP",
      policies: { urgent: { firstResponseMinutes: 15, resolutionMinutes: 120 } },
    });

    // Without a rule of its own, the catch-all takes it at the submission's priority.
    const plain = await file("hotline_storm", "Arbre tombé sur la ligne", MONDAY_9AM);
    expect(plain.number).toBe("TMP-2026-000001");
    expect(plain).toMatchObject({ departmentCode: "customer_relations", priority: "normal" });
    const item = await itemRow(db, plain.itemId);
    // 09:00 local + 60 and + 240 business minutes (the kind's normal policy).
    expect(item.firstResponseDueAt.toISOString()).toBe("2026-04-06T09:00:00.000Z");
    expect(item.resolutionDueAt?.toISOString()).toBe("2026-04-06T12:00:00.000Z");

    await createRoutingRule(
      db,
      admin,
      createRuleSchema.parse({
        name: "Permanence tempête",
        kindCode: "hotline_storm",
        departmentCode: "technical_interventions",
        priority: "urgent",
        active: "on",
      }),
    );
    const routed = await file("hotline_storm", "Poteau penché", MONDAY_9AM);
    expect(routed).toMatchObject({
      number: "TMP-2026-000002",
      departmentCode: "technical_interventions",
      priority: "urgent",
      // 09:00 local + 120 business minutes = 11:00 local.
      resolutionDueAt: "2026-04-06T10:00:00.000Z",
    });
  });

  it("refuses a code or a prefix already taken", async () => {
    const error = await appErrorOf(
      createRequestKind(
        db,
        admin,
        createKindSchema.parse({
          code: "hotline_storm",
          numberPrefix: "rt",
          nameAr: "س",
          nameFr: "x",
          nameEn: "x",
        }),
      ),
    );
    expect(error.fields).toEqual({ code: "codeTaken", numberPrefix: "prefixTaken" });
  });

  it("changes the kind's deadlines, and closes it to new items when deactivated", async () => {
    await saveKindPolicies(
      db,
      admin,
      kindPoliciesSchema.parse({
        kindCode: "hotline_storm",
        urgentFirst: "30",
        urgentResolution: "60",
      }),
    );
    const kind = (await listRequestKinds(db)).find((k) => k.code === "hotline_storm")!;
    // The normal policy was left blank: it falls back to the defaults now.
    expect(kind.policies).toEqual({ urgent: { firstResponseMinutes: 30, resolutionMinutes: 60 } });
    expect(await lastAudit()).toMatchObject({
      action: "sla_policy.save",
      entityId: "hotline_storm",
    });
    expect((await file("hotline_storm", "Câble à terre", MONDAY_9AM)).resolutionDueAt).toBe(
      "2026-04-06T09:00:00.000Z",
    );

    await setRequestKindActive(db, admin, { code: "hotline_storm", active: false });
    expect((await lastAudit()).action).toBe("request_kind.deactivate");
    const error = await appErrorOf(file("hotline_storm", "Encore un arbre", MONDAY_9AM));
    expect(error.fields).toEqual({ kind: "invalid" });
  });

  it("keeps the kinds the portal files itself active", async () => {
    const error = await appErrorOf(
      setRequestKindActive(db, admin, { code: "complaint_technical", active: false }),
    );
    expect(error.fields).toEqual({ _form: "kindBuiltIn" });
  });
});

describe("the business calendar", () => {
  it("skips a holiday an administrator adds when intake computes a deadline", async () => {
    // A commercial complaint about a bill, normal priority: 2,400 business minutes (5 days).
    // Filed Monday 16:00 local, due the next Monday 16:00; with Tuesday off, one day later.
    const text = "Ma facture est trop élevée ce mois-ci.";
    const before = await file("complaint_commercial", text, MONDAY_4PM);
    expect(before.resolutionDueAt).toBe("2026-04-13T15:00:00.000Z");

    await addHoliday(db, admin, { day: "2026-04-07", name: "Journée test" });
    expect(await lastAudit()).toMatchObject({
      action: "calendar.holiday.add",
      entityType: "calendar_holiday",
      entityId: "2026-04-07",
    });
    const after = await file("complaint_commercial", text, MONDAY_4PM);
    expect(after.resolutionDueAt).toBe("2026-04-14T15:00:00.000Z");

    const twice = await appErrorOf(addHoliday(db, admin, { day: "2026-04-07", name: "Encore" }));
    expect(twice.fields).toEqual({ _form: "holidayExists" });
  });

  it("applies per-date hours, refuses them on a holiday, and removes a holiday", async () => {
    const onHoliday = await appErrorOf(
      addOverride(db, admin, overrideSchema.parse({ day: "2026-04-07", closed: "on" })),
    );
    expect(onHoliday.fields).toEqual({ _form: "overrideOnHoliday" });

    // Wednesday 8 April becomes a half-day, 08:30–12:30: four hours fewer.
    await addOverride(
      db,
      admin,
      overrideSchema.parse({
        day: "2026-04-08",
        opensAt: "08:30",
        closesAt: "12:30",
        note: "Demi-journée",
      }),
    );
    expect((await lastAudit()).action).toBe("calendar.override.add");
    const text = "Ma facture est trop élevée ce mois-ci.";
    const filed = await file("complaint_commercial", text, MONDAY_4PM);
    // Mon 30 min, Tue closed, Wed 240, Thu and Fri 960, Mon and Tue 960: 210 left on
    // Wednesday 15 April → 12:00 local.
    expect(filed.resolutionDueAt).toBe("2026-04-15T11:00:00.000Z");

    await removeHoliday(db, admin, { day: "2026-04-07" });
    expect((await lastAudit()).action).toBe("calendar.holiday.remove");
    const missing = await appErrorOf(removeHoliday(db, admin, { day: "2026-04-07" }));
    expect(missing.code).toBe("NOT_FOUND");
  });

  it("moves to a Gulf week in its own time zone, the utility's zone with it", async () => {
    await saveCalendarSettings(
      db,
      admin,
      calendarSettingsSchema.parse({
        timeZone: "Asia/Dubai",
        day7: "on",
        day1: "on",
        day2: "on",
        day3: "on",
        day4: "on",
        opensAt: "07:30",
        closesAt: "14:30",
      }),
    );
    expect(await getCalendarSettings(db)).toMatchObject({
      timeZone: "Asia/Dubai",
      workingDays: [1, 2, 3, 4, 7],
      opensAt: "07:30",
      closesAt: "14:30",
    });
    const [utility] = await db.select().from(utilities);
    expect(utility!.timeZone).toBe("Asia/Dubai");
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "calendar.update", entityType: "business_calendar" });
    expect(audit.before).toMatchObject({
      timeZone: "Africa/Casablanca",
      workingDays: [1, 2, 3, 4, 5],
    });

    // Thursday 9 April 2026, 13:30 in Dubai (09:30 UTC): 2 business days = 14 hours, one left
    // on Thursday, Friday and Saturday off, 7 on Sunday, 6 on Monday → Monday 13:30.
    const preview = await previewDeadline(db, new Date("2026-04-09T09:30:00Z"));
    expect(preview).toMatchObject({ ok: true, minutes: 840, timeZone: "Asia/Dubai" });
    expect(preview.ok && preview.dueAt.toISOString()).toBe("2026-04-13T09:30:00.000Z");
    expect((await loadWorkflowConfig(db)).calendar.workingDays).toEqual([1, 2, 3, 4, 7]);
  });
});

describe("the audit trail of the configuration", () => {
  it("has one row per change, by the administrator, with before and after", async () => {
    const rows = await configAudit();
    expect(rows.every((r) => r.actorUserId === admin.id && r.actorRole === "admin")).toBe(true);
    expect(new Set(rows.map((r) => r.action))).toEqual(
      new Set([
        "routing_rule.create",
        "routing_rule.update",
        "routing_rule.deactivate",
        "routing_rule.activate",
        "routing_rule.move_down",
        "routing_rule.move_up",
        "routing_rule.delete",
        "request_kind.create",
        "request_kind.deactivate",
        "sla_policy.save",
        "calendar.holiday.add",
        "calendar.holiday.remove",
        "calendar.override.add",
        "calendar.update",
      ]),
    );
    for (const row of rows) {
      if (row.action.endsWith(".create") || row.action.endsWith(".add")) {
        expect(row.after, row.action).not.toBeNull();
      } else if (row.action.endsWith(".delete") || row.action.endsWith(".remove")) {
        expect(row.before, row.action).not.toBeNull();
      } else {
        expect([row.before, row.after], row.action).not.toContain(null);
      }
    }
    const creates = rows.filter(
      (r) => r.action === "routing_rule.create" && r.entityType === "routing_rule",
    );
    // Inondations, the spare rule, the December window, the hotline rule.
    expect(creates).toHaveLength(4);
    const kinds = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "request_kind"), eq(auditLog.entityId, "hotline_storm")));
    expect(kinds.map((r) => r.action).sort()).toEqual([
      "request_kind.create",
      "request_kind.deactivate",
    ]);
  });
});
