/**
 * Form schemas of the administrators' workflow screens: routing rules, request kinds with their
 * deadline policies, and the business calendar. Each failure names a message key, looked up
 * under `admin.validation.` and then `validation.`. What needs the database (does the
 * department exist? is the prefix free?) is checked by lib/workflow/admin-*.ts.
 */
import { z } from "zod";
import { toAsciiDigits } from "@/lib/i18n/digits";
import { optionalText, requiredText } from "@/lib/validation/fields";
import { normaliseForMatching } from "./routing";
import { isKnownTimeZone } from "./wall-clock";
import { RESERVED_PREFIXES } from "./reserved-prefixes";

export const SERVICES = ["electricity", "water", "sanitation"] as const;
export const CHANNELS = ["web", "phone", "counter", "email", "api"] as const;
/** Most urgent first: the order of the policy grids and priority selects. */
export const PRIORITY_ORDER = ["urgent", "high", "normal", "low"] as const;
export type AdminPriority = (typeof PRIORITY_ORDER)[number];

export const RULE_NAME_MAX = 120;
export const KEYWORDS_MAX = 30;
export const KEYWORD_LENGTH_MAX = 60;
export const ZONE_MAX = 60;
/** A year of minutes: no deadline policy is longer than that. */
export const POLICY_MINUTES_MAX = 525_600;

// ---------------------------------------------------------------------------------------------
// Shared fields

type Issue = { path: string; message: string };

/**
 * Report cross-field problems even when another field is wrong too, so that the form shows
 * every error at once (zod skips refinements after a field error unless told otherwise).
 */
const ALWAYS = { when: () => true };

function report(ctx: z.RefinementCtx, issues: Issue[]) {
  for (const { path, message } of issues) ctx.addIssue({ code: "custom", message, path: [path] });
}

/** A checkbox: present ("on") when ticked, absent when not. */
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("1")], { error: "invalid" })
  .optional()
  .transform((v) => v !== undefined);

/** A select whose empty option means "any" (stored as null). */
function anyOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .union([z.literal(""), z.enum(values)], { error: "invalid" })
    .optional()
    .transform((v): T[number] | null => (v ? v : null));
}

const KIND_CODE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const DEPARTMENT_CODE = /^[a-z][a-z0-9_]*$/;

/** A request kind's code: lower snake_case, at most 40 characters ("hotline_storm"). */
export const kindCodeField = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .max(40, "codeFormat")
  .regex(KIND_CODE, "codeFormat");

/** Optional reference to a kind in a rule ("" = any kind). */
const kindRefField = z
  .union([z.literal(""), kindCodeField], { error: "invalid" })
  .optional()
  .transform((v) => (v ? v : null));

const departmentField = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .max(40, "invalid")
  .regex(DEPARTMENT_CODE, "invalid");

/** "YYYY-MM-DD", a real calendar date. */
export const isoDateField = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .refine((s) => isIsoDate(toAsciiDigits(s)), "dateInvalid")
  .transform((s) => toAsciiDigits(s));

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** Optional local date and time from a datetime-local input ("" = none). */
const localDateTimeField = z
  .string({ error: "invalid" })
  .trim()
  .optional()
  .transform((s) => (s ? toAsciiDigits(s).slice(0, 16) : null))
  .refine(
    (s) =>
      s === null ||
      (/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/.test(s) && isIsoDate(s.slice(0, 10))),
    "dateInvalid",
  );

/** Wall-clock "HH:MM"; "24:00" only where `allowMidnightEnd` (a closing time). */
function clockField(allowMidnightEnd: boolean) {
  return z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .transform((s) => toAsciiDigits(s))
    .refine(
      (s) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s) || (allowMidnightEnd && s === "24:00"),
      "timeFormat",
    );
}

function isClock(value: unknown): value is string {
  return typeof value === "string" && /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(value);
}

export function clockMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

// ---------------------------------------------------------------------------------------------
// Routing rules

/**
 * Keywords as typed: one per line or separated by commas (Latin or Arabic) or semicolons.
 * Spaces are collapsed and spelling variants that match the same texts kept once.
 */
export function parseKeywords(raw: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of raw.split(/[\n\r,\u060C;\u061B]+/)) {
    const keyword = part.replace(/\s+/g, " ").trim();
    if (!keyword) continue;
    const key = normaliseForMatching(keyword);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(keyword);
  }
  return out;
}

export const keywordsField = z
  .string({ error: "invalid" })
  .max(KEYWORDS_MAX * (KEYWORD_LENGTH_MAX + 2), "keywordsTooMany")
  .optional()
  .transform((s) => parseKeywords(s ?? ""))
  .refine((k) => k.length <= KEYWORDS_MAX, "keywordsTooMany")
  .refine((k) => k.every((w) => w.length <= KEYWORD_LENGTH_MAX), "keywordTooLong")
  // Only punctuation normalises to nothing and would never match: say so instead of storing it.
  .refine((k) => k.every((w) => normaliseForMatching(w) !== ""), "keywordInvalid");

const ruleFields = {
  name: requiredText(RULE_NAME_MAX),
  kindCode: kindRefField,
  service: anyOf(SERVICES),
  zone: optionalText(ZONE_MAX).transform((s) => s ?? null),
  channel: anyOf(CHANNELS),
  keywords: keywordsField,
  departmentCode: departmentField,
  priority: anyOf(PRIORITY_ORDER),
  validFrom: localDateTimeField,
  validUntil: localDateTimeField,
};

function untilAfterFrom<T extends { validFrom: string | null; validUntil: string | null }>(
  schema: z.ZodType<T>,
) {
  return schema.refine(
    (r) =>
      typeof r.validFrom !== "string" ||
      typeof r.validUntil !== "string" ||
      r.validUntil > r.validFrom,
    { message: "untilBeforeFrom", path: ["validUntil"], ...ALWAYS },
  );
}

/**
 * A new rule: placed first (the usual case: a new rule is an exception to the broader ones
 * below it) or last; the catch-all always stays after every other rule.
 */
export const createRuleSchema = untilAfterFrom(
  z.object({
    ...ruleFields,
    active: checkbox,
    placement: z.enum(["top", "bottom"], { error: "invalid" }).default("top"),
  }),
);
export type CreateRuleInput = z.infer<typeof createRuleSchema>;

/** Editing a rule; its active flag and position have their own buttons. */
export const updateRuleSchema = untilAfterFrom(
  z.object({ ...ruleFields, ruleId: z.uuid({ error: "invalid" }) }),
);
export type UpdateRuleInput = z.infer<typeof updateRuleSchema>;

export const ruleIdSchema = z.object({ ruleId: z.uuid({ error: "invalid" }) });

export const moveRuleSchema = ruleIdSchema.extend({
  direction: z.enum(["up", "down"], { error: "invalid" }),
});
export type MoveRuleInput = z.infer<typeof moveRuleSchema>;

export const toggleRuleSchema = ruleIdSchema.extend({
  active: z.enum(["true", "false"], { error: "invalid" }).transform((v) => v === "true"),
});

/** A sample submission for the "try it" form. */
export const tryRoutingSchema = z.object({
  kind: kindCodeField,
  service: anyOf(SERVICES),
  zone: optionalText(ZONE_MAX).transform((s) => s ?? null),
  channel: z.enum(CHANNELS, { error: "invalid" }).default("web"),
  text: requiredText(2000),
});
export type TryRoutingInput = z.infer<typeof tryRoutingSchema>;

/**
 * The invariants of a whole rule set, checked on the set as it would be after a change:
 * exactly one default rule, and that rule always in force (active, no validity window), since
 * intake fails for a submission that no rule catches.
 */
export const ruleSetSchema = z
  .array(
    z.object({
      id: z.string(),
      isDefault: z.boolean(),
      active: z.boolean(),
      validFrom: z.date().nullable(),
      validUntil: z.date().nullable(),
    }),
  )
  .superRefine((rules, ctx) => {
    const defaults = rules.filter((r) => r.isDefault);
    if (defaults.length !== 1) {
      ctx.addIssue({ code: "custom", message: "oneDefault", path: ["_form"] });
      return;
    }
    const d = defaults[0]!;
    if (!d.active || d.validFrom || d.validUntil) {
      ctx.addIssue({ code: "custom", message: "defaultLocked", path: ["_form"] });
    }
  });

// ---------------------------------------------------------------------------------------------
// Request kinds and deadline policies

/** "TMP": 1 to 5 letters A–Z, typed in any case, not one that bills or receipts count in. */
export const numberPrefixField = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .max(5, "prefixFormat")
  .transform((s) => s.toUpperCase())
  .refine((s) => /^[A-Z]{1,5}$/.test(s), "prefixFormat")
  .refine((s) => !RESERVED_PREFIXES.includes(s), "prefixReserved");

export type PolicyMinutes = { firstResponseMinutes: number; resolutionMinutes: number };
export type PolicySet = Partial<Record<AdminPriority, PolicyMinutes>>;

/** Form field names of one priority's policy, e.g. urgentFirst / urgentResolution. */
export function policyFieldNames(priority: AdminPriority): { first: string; resolution: string } {
  return { first: `${priority}First`, resolution: `${priority}Resolution` };
}

const minutesField = z
  .string({ error: "invalid" })
  .optional()
  .transform((s) => toAsciiDigits(s ?? "").replace(/[\s\u00a0\u202f]/g, ""));

type PolicyFieldName = `${AdminPriority}${"First" | "Resolution"}`;

const policyShape = Object.fromEntries(
  PRIORITY_ORDER.flatMap((p) => {
    const names = policyFieldNames(p);
    return [
      [names.first, minutesField],
      [names.resolution, minutesField],
    ];
  }),
) as Record<PolicyFieldName, typeof minutesField>;

/**
 * Policies per priority from the flat form fields, with what is wrong with them. Both minutes
 * blank = no policy of its own for that priority (the default policy applies), unless
 * `requireAll` (the defaults themselves). Tolerates values another check already refused.
 */
function evaluatePolicies(
  raw: Partial<Record<PolicyFieldName, unknown>>,
  requireAll: boolean,
): { policies: PolicySet; issues: Issue[] } {
  const policies: PolicySet = {};
  const issues: Issue[] = [];
  for (const priority of PRIORITY_ORDER) {
    const names = policyFieldNames(priority);
    const pair = [names.first, names.resolution].map((name) => {
      const value = raw[name as PolicyFieldName];
      return { name, value: typeof value === "string" ? value : null };
    });
    // A value of the wrong type has its own error already.
    if (pair.some((p) => p.value === null)) continue;
    if (!requireAll && pair.every((p) => !p.value)) continue;
    const minutes: number[] = [];
    for (const { name, value } of pair) {
      if (!value) issues.push({ path: name, message: "policyIncomplete" });
      else if (!/^\d+$/.test(value) || Number(value) < 1) {
        issues.push({ path: name, message: "minutesInvalid" });
      } else if (Number(value) > POLICY_MINUTES_MAX) {
        issues.push({ path: name, message: "minutesTooLarge" });
      } else minutes.push(Number(value));
    }
    if (minutes.length !== 2) continue;
    const [firstResponseMinutes, resolutionMinutes] = minutes as [number, number];
    if (resolutionMinutes < firstResponseMinutes) {
      issues.push({ path: names.resolution, message: "resolutionBeforeFirst" });
      continue;
    }
    policies[priority] = { firstResponseMinutes, resolutionMinutes };
  }
  return { policies, issues };
}

const kindNames = {
  nameAr: requiredText(120),
  nameFr: requiredText(120),
  nameEn: requiredText(120),
};

/** A new kind of request, e.g. a temporary storm hotline, with its own deadlines. */
export const createKindSchema = z
  .object({
    code: kindCodeField,
    numberPrefix: numberPrefixField,
    ...kindNames,
    customerCanFile: checkbox,
    ...policyShape,
  })
  .superRefine((v, ctx) => report(ctx, evaluatePolicies(v, false).issues), ALWAYS)
  .transform((v) => ({
    code: v.code,
    numberPrefix: v.numberPrefix,
    nameAr: v.nameAr,
    nameFr: v.nameFr,
    nameEn: v.nameEn,
    customerCanFile: v.customerCanFile,
    policies: evaluatePolicies(v, false).policies,
  }));
export type CreateKindInput = z.infer<typeof createKindSchema>;

export const updateKindSchema = z.object({
  code: kindCodeField,
  ...kindNames,
  customerCanFile: checkbox,
});
export type UpdateKindInput = z.infer<typeof updateKindSchema>;

export const toggleKindSchema = z.object({
  code: kindCodeField,
  active: z.enum(["true", "false"], { error: "invalid" }).transform((v) => v === "true"),
});

/** The policies of one kind, or with kindCode "*" the defaults every kind falls back to. */
export const kindPoliciesSchema = z
  .object({
    kindCode: z.union([z.literal("*"), kindCodeField], { error: "invalid" }),
    ...policyShape,
  })
  .superRefine((v, ctx) => report(ctx, evaluatePolicies(v, v.kindCode === "*").issues), ALWAYS)
  .transform((v) => ({
    kindCode: v.kindCode === "*" ? null : v.kindCode,
    policies: evaluatePolicies(v, v.kindCode === "*").policies,
  }));
export type KindPoliciesInput = z.infer<typeof kindPoliciesSchema>;

// ---------------------------------------------------------------------------------------------
// Business calendar

/** ISO weekdays 1 = Monday … 7 = Sunday, as checkboxes day1 … day7. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const WORKING_DAY_PRESETS = {
  morocco: [1, 2, 3, 4, 5],
  gulf: [7, 1, 2, 3, 4],
} as const;

export const calendarSettingsSchema = z
  .object({
    timeZone: z
      .string({ error: "required" })
      .trim()
      .min(1, "required")
      .refine(isKnownTimeZone, "timeZoneUnknown"),
    ...(Object.fromEntries(WEEKDAYS.map((d) => [`day${d}`, checkbox])) as Record<
      `day${(typeof WEEKDAYS)[number]}`,
      typeof checkbox
    >),
    opensAt: clockField(false),
    closesAt: clockField(true),
  })
  .superRefine((v, ctx) => {
    if (!WEEKDAYS.some((d) => v[`day${d}`] === true)) {
      report(ctx, [{ path: "workingDays", message: "noWorkingDay" }]);
    }
    if (
      isClock(v.opensAt) &&
      isClock(v.closesAt) &&
      clockMinutes(v.closesAt) <= clockMinutes(v.opensAt)
    ) {
      report(ctx, [{ path: "closesAt", message: "closesBeforeOpens" }]);
    }
  }, ALWAYS)
  .transform((v) => ({
    timeZone: v.timeZone,
    workingDays: WEEKDAYS.filter((d) => v[`day${d}`]),
    opensAt: v.opensAt,
    closesAt: v.closesAt,
  }));
export type CalendarSettingsInput = z.infer<typeof calendarSettingsSchema>;

export const holidaySchema = z.object({ day: isoDateField, name: requiredText(120) });
export type HolidayInput = z.infer<typeof holidaySchema>;

export const dayRefSchema = z.object({ day: isoDateField });

/** Hours for one date; "closed" closes the whole day (the hours are then ignored). */
export const overrideSchema = z
  .object({
    day: isoDateField,
    closed: checkbox,
    opensAt: z.string({ error: "invalid" }).optional(),
    closesAt: z.string({ error: "invalid" }).optional(),
    note: optionalText(200),
  })
  .transform((v, ctx) => {
    if (v.closed) return { day: v.day, opensAt: null, closesAt: null, note: v.note ?? null };
    const opens = clockField(false).safeParse(v.opensAt ?? "");
    const closes = clockField(true).safeParse(v.closesAt ?? "");
    if (!opens.success) {
      ctx.addIssue({ code: "custom", message: opens.error.issues[0]!.message, path: ["opensAt"] });
    }
    if (!closes.success) {
      ctx.addIssue({
        code: "custom",
        message: closes.error.issues[0]!.message,
        path: ["closesAt"],
      });
    }
    if (!opens.success || !closes.success) return z.NEVER;
    if (clockMinutes(closes.data) <= clockMinutes(opens.data)) {
      ctx.addIssue({ code: "custom", message: "closesBeforeOpens", path: ["closesAt"] });
      return z.NEVER;
    }
    return { day: v.day, opensAt: opens.data, closesAt: closes.data, note: v.note ?? null };
  });
export type OverrideInput = z.infer<typeof overrideSchema>;

/** The year whose holidays and overrides the calendar page lists. */
export const calendarYearSchema = z.coerce.number().int().min(2000).max(2100);
