import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fieldErrorsFromZod } from "@/lib/errors";
import {
  calendarSettingsSchema,
  createKindSchema,
  createRuleSchema,
  holidaySchema,
  kindPoliciesSchema,
  overrideSchema,
  parseKeywords,
  ruleSetSchema,
  toggleRuleSchema,
  tryRoutingSchema,
  updateKindSchema,
  updateRuleSchema,
} from "./admin-schemas";

/** The field → message key map a refused form gets back; fails the test if it was accepted. */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return fieldErrorsFromZod(result.error);
}

const RULE = { name: "Inondations", departmentCode: "technical_interventions" };

describe("routing rule form", () => {
  it("accepts a minimal rule: any kind, service, zone and channel, no keywords", () => {
    const rule = createRuleSchema.parse(RULE);
    expect(rule).toMatchObject({
      name: "Inondations",
      kindCode: null,
      service: null,
      zone: null,
      channel: null,
      keywords: [],
      priority: null,
      validFrom: null,
      validUntil: null,
      active: false,
      placement: "top",
    });
  });

  it("reads keywords one per line or comma-separated, in Arabic, French and English", () => {
    const rule = createRuleSchema.parse({
      ...RULE,
      keywords: "inondation, فيضان\n  flood  \n\n،سيول؛ crue",
    });
    expect(rule.keywords).toEqual(["inondation", "فيضان", "flood", "سيول", "crue"]);
  });

  it("keeps one spelling of keywords that match the same texts", () => {
    expect(parseKeywords("Fuite\nfuite\nFUITÉ\nتسرّب\nتسرب")).toEqual(["Fuite", "تسرّب"]);
  });

  it("refuses an empty or whitespace-only name, and one over 120 characters", () => {
    expect(errorsOf(createRuleSchema, { ...RULE, name: "" }).name).toBe("required");
    expect(errorsOf(createRuleSchema, { ...RULE, name: "   " }).name).toBe("required");
    expect(errorsOf(createRuleSchema, { departmentCode: "billing" }).name).toBe("required");
    expect(errorsOf(createRuleSchema, { ...RULE, name: "x".repeat(121) }).name).toBe("tooLong");
    expect(createRuleSchema.safeParse({ ...RULE, name: "x".repeat(120) }).success).toBe(true);
  });

  it("refuses more than 30 keywords, a keyword over 60 characters, and punctuation only", () => {
    const thirty = Array.from({ length: 30 }, (_, i) => `mot${i}`).join("\n");
    expect(createRuleSchema.safeParse({ ...RULE, keywords: thirty }).success).toBe(true);
    expect(errorsOf(createRuleSchema, { ...RULE, keywords: `${thirty}\nmot30` }).keywords).toBe(
      "keywordsTooMany",
    );
    expect(errorsOf(createRuleSchema, { ...RULE, keywords: "a".repeat(61) }).keywords).toBe(
      "keywordTooLong",
    );
    expect(errorsOf(createRuleSchema, { ...RULE, keywords: "fuite\n!!!" }).keywords).toBe(
      "keywordInvalid",
    );
    // A megabyte pasted into the field is refused before it is split.
    expect(errorsOf(createRuleSchema, { ...RULE, keywords: "a,".repeat(500_000) }).keywords).toBe(
      "keywordsTooMany",
    );
  });

  it("refuses wrong types and values outside the lists", () => {
    expect(errorsOf(createRuleSchema, { ...RULE, name: 42 }).name).toBe("required");
    expect(errorsOf(createRuleSchema, { ...RULE, keywords: ["fuite"] }).keywords).toBe("invalid");
    expect(errorsOf(createRuleSchema, { ...RULE, service: "gas" }).service).toBe("invalid");
    expect(errorsOf(createRuleSchema, { ...RULE, channel: "fax" }).channel).toBe("invalid");
    expect(errorsOf(createRuleSchema, { ...RULE, priority: "critical" }).priority).toBe("invalid");
    expect(errorsOf(createRuleSchema, { ...RULE, placement: "middle" }).placement).toBe("invalid");
    expect(errorsOf(createRuleSchema, { ...RULE, active: "yes" }).active).toBe("invalid");
    expect(errorsOf(createRuleSchema, { ...RULE, kindCode: "Hotline Storm" }).kindCode).toBe(
      "codeFormat",
    );
    expect(errorsOf(createRuleSchema, { ...RULE, departmentCode: "" }).departmentCode).toBe(
      "required",
    );
    expect(errorsOf(createRuleSchema, { ...RULE, departmentCode: "'; drop" }).departmentCode).toBe(
      "invalid",
    );
    expect(errorsOf(updateRuleSchema, { ...RULE, ruleId: "12" }).ruleId).toBe("invalid");
    expect(errorsOf(toggleRuleSchema, { ruleId: crypto.randomUUID(), active: "on" }).active).toBe(
      "invalid",
    );
  });

  it("needs the end of a validity window after its start", () => {
    const window = { validFrom: "2026-12-01T08:00", validUntil: "2026-12-07T20:00" };
    expect(createRuleSchema.parse({ ...RULE, ...window })).toMatchObject(window);
    expect(
      errorsOf(createRuleSchema, { ...RULE, ...window, validUntil: "2026-12-01T08:00" }).validUntil,
    ).toBe("untilBeforeFrom");
    expect(
      errorsOf(createRuleSchema, { ...RULE, ...window, validUntil: "2026-11-30T23:59" }).validUntil,
    ).toBe("untilBeforeFrom");
    // Either bound alone is fine: "from the storm on", "until the end of the campaign".
    expect(createRuleSchema.safeParse({ ...RULE, validUntil: "2026-12-07T20:00" }).success).toBe(
      true,
    );
  });

  it("refuses dates that do not exist or are not dates", () => {
    expect(errorsOf(createRuleSchema, { ...RULE, validFrom: "2026-02-30T08:00" }).validFrom).toBe(
      "dateInvalid",
    );
    expect(errorsOf(createRuleSchema, { ...RULE, validFrom: "2026-12-01T25:00" }).validFrom).toBe(
      "dateInvalid",
    );
    expect(errorsOf(createRuleSchema, { ...RULE, validUntil: "tomorrow" }).validUntil).toBe(
      "dateInvalid",
    );
  });
});

describe("the rule set as a whole", () => {
  const rule = (id: string, fields: Partial<z.input<typeof ruleSetSchema>[number]> = {}) => ({
    id,
    isDefault: false,
    active: true,
    validFrom: null,
    validUntil: null,
    ...fields,
  });

  it("holds with exactly one default rule, active and without a validity window", () => {
    expect(ruleSetSchema.safeParse([rule("a"), rule("z", { isDefault: true })]).success).toBe(true);
  });

  it("refuses a second default rule, and none at all", () => {
    const two = [rule("a", { isDefault: true }), rule("b", { isDefault: true })];
    expect(errorsOf(ruleSetSchema, two)._form).toBe("oneDefault");
    expect(errorsOf(ruleSetSchema, [rule("a")])._form).toBe("oneDefault");
  });

  it("refuses a default rule that is inactive or limited in time", () => {
    expect(errorsOf(ruleSetSchema, [rule("d", { isDefault: true, active: false })])._form).toBe(
      "defaultLocked",
    );
    const limited = rule("d", { isDefault: true, validUntil: new Date("2027-01-01") });
    expect(errorsOf(ruleSetSchema, [limited])._form).toBe("defaultLocked");
  });
});

describe("try-it sample", () => {
  it("needs a kind and some text, defaults the channel to the portal", () => {
    expect(tryRoutingSchema.parse({ kind: "complaint_technical", text: "Fuite" })).toMatchObject({
      channel: "web",
      service: null,
      zone: null,
    });
    const errors = errorsOf(tryRoutingSchema, { kind: "", text: "" });
    expect(errors).toEqual({ kind: "required", text: "required" });
  });
});

const KIND = {
  code: "hotline_storm",
  numberPrefix: "TMP",
  nameAr: "خط طوارئ العاصفة",
  nameFr: "Permanence tempête",
  nameEn: "Storm hotline",
};

describe("request kind form", () => {
  it("accepts a new kind with policies for some priorities only", () => {
    const kind = createKindSchema.parse({
      ...KIND,
      customerCanFile: "on",
      urgentFirst: "30",
      urgentResolution: "240",
      normalFirst: "٤٨٠",
      normalResolution: "960",
    });
    expect(kind).toEqual({
      ...KIND,
      customerCanFile: true,
      policies: {
        urgent: { firstResponseMinutes: 30, resolutionMinutes: 240 },
        normal: { firstResponseMinutes: 480, resolutionMinutes: 960 },
      },
    });
  });

  it("takes a prefix typed in lower case as upper case", () => {
    expect(createKindSchema.parse({ ...KIND, numberPrefix: " tmp " }).numberPrefix).toBe("TMP");
  });

  it.each([
    ["", "required"],
    ["TOOLONG", "prefixFormat"],
    ["T1", "prefixFormat"],
    ["T-P", "prefixFormat"],
    ["ÉTÉ", "prefixFormat"],
    ["تمب", "prefixFormat"],
    // Bills, payment receipts and reading receipts count in the same counters.
    ["fa", "prefixReserved"],
    ["QP", "prefixReserved"],
    ["RL", "prefixReserved"],
  ])("refuses the prefix %j (%s)", (numberPrefix, key) => {
    expect(errorsOf(createKindSchema, { ...KIND, numberPrefix }).numberPrefix).toBe(key);
  });

  it.each([
    ["", "required"],
    ["Hotline", "codeFormat"],
    ["hotline storm", "codeFormat"],
    ["_hotline", "codeFormat"],
    ["hotline__storm", "codeFormat"],
    ["1hotline", "codeFormat"],
    ["x".repeat(41), "codeFormat"],
  ])("refuses the code %j (%s)", (code, key) => {
    expect(errorsOf(createKindSchema, { ...KIND, code }).code).toBe(key);
  });

  it("needs the three names", () => {
    const errors = errorsOf(createKindSchema, { code: "x", numberPrefix: "X" });
    expect(errors).toMatchObject({ nameAr: "required", nameFr: "required", nameEn: "required" });
    expect(errorsOf(updateKindSchema, { ...KIND, nameFr: "y".repeat(121) }).nameFr).toBe("tooLong");
  });

  it("refuses minutes that are not positive whole numbers, or over a year", () => {
    const policy = (first: unknown, resolution: unknown) =>
      errorsOf(createKindSchema, { ...KIND, highFirst: first, highResolution: resolution });
    expect(policy("0", "60").highFirst).toBe("minutesInvalid");
    expect(policy("-5", "60").highFirst).toBe("minutesInvalid");
    expect(policy("1.5", "60").highFirst).toBe("minutesInvalid");
    expect(policy("abc", "60").highFirst).toBe("minutesInvalid");
    expect(policy("60", "525601").highResolution).toBe("minutesTooLarge");
    expect(policy(60, "120").highFirst).toBe("invalid");
    expect(
      createKindSchema.safeParse({ ...KIND, highFirst: "1", highResolution: "525600" }).success,
    ).toBe(true);
  });

  it("refuses a resolution deadline shorter than the first response", () => {
    expect(
      errorsOf(createKindSchema, { ...KIND, lowFirst: "480", lowResolution: "240" }).lowResolution,
    ).toBe("resolutionBeforeFirst");
    expect(
      createKindSchema.safeParse({ ...KIND, lowFirst: "480", lowResolution: "480" }).success,
    ).toBe(true);
  });

  it("reports every mistake at once, the policies' with the other fields'", () => {
    const errors = errorsOf(createKindSchema, {
      ...KIND,
      code: "Hotline Storm",
      urgentFirst: "120",
      urgentResolution: "60",
      highFirst: "30",
    });
    expect(errors).toEqual({
      code: "codeFormat",
      urgentResolution: "resolutionBeforeFirst",
      highResolution: "policyIncomplete",
    });
  });

  it("refuses half a policy", () => {
    expect(errorsOf(createKindSchema, { ...KIND, urgentFirst: "30" }).urgentResolution).toBe(
      "policyIncomplete",
    );
  });

  it("needs all four default policies, but not a kind's own", () => {
    const errors = errorsOf(kindPoliciesSchema, {
      kindCode: "*",
      urgentFirst: "60",
      urgentResolution: "480",
    });
    expect(errors).toMatchObject({
      highFirst: "policyIncomplete",
      lowResolution: "policyIncomplete",
    });
    expect(kindPoliciesSchema.parse({ kindCode: "letter" })).toEqual({
      kindCode: "letter",
      policies: {},
    });
    expect(errorsOf(kindPoliciesSchema, { kindCode: "" }).kindCode).toBe("required");
  });
});

describe("business calendar form", () => {
  const WEEK = { timeZone: "Africa/Casablanca", opensAt: "08:30", closesAt: "16:30" };
  const monToFri = { day1: "on", day2: "on", day3: "on", day4: "on", day5: "on" };

  it("reads the ticked days as ISO weekdays", () => {
    expect(calendarSettingsSchema.parse({ ...WEEK, ...monToFri })).toEqual({
      ...WEEK,
      workingDays: [1, 2, 3, 4, 5],
    });
    const gulf = { day7: "on", day1: "on", day2: "on", day3: "on", day4: "on" };
    expect(
      calendarSettingsSchema.parse({ ...WEEK, timeZone: "Asia/Dubai", ...gulf }).workingDays,
    ).toEqual([1, 2, 3, 4, 7]);
  });

  it("refuses an unknown time zone and a week without a working day", () => {
    expect(
      errorsOf(calendarSettingsSchema, { ...WEEK, ...monToFri, timeZone: "Mars/Olympus" }).timeZone,
    ).toBe("timeZoneUnknown");
    expect(errorsOf(calendarSettingsSchema, { ...WEEK, ...monToFri, timeZone: "" }).timeZone).toBe(
      "required",
    );
    expect(errorsOf(calendarSettingsSchema, WEEK).workingDays).toBe("noWorkingDay");
  });

  it.each([
    ["16:30", "08:30", "closesAt", "closesBeforeOpens"],
    ["08:30", "08:30", "closesAt", "closesBeforeOpens"],
    ["8:30", "16:30", "opensAt", "timeFormat"],
    ["25:00", "26:00", "opensAt", "timeFormat"],
    ["08:60", "16:30", "opensAt", "timeFormat"],
    ["24:00", "24:00", "opensAt", "timeFormat"],
    ["", "16:30", "opensAt", "required"],
  ])("refuses opening at %j and closing at %j", (opensAt, closesAt, field, key) => {
    expect(
      errorsOf(calendarSettingsSchema, { ...WEEK, ...monToFri, opensAt, closesAt })[field],
    ).toBe(key);
  });

  it("reports an unknown zone, no working day and hours the wrong way round together", () => {
    expect(
      errorsOf(calendarSettingsSchema, {
        timeZone: "Mars/Olympus",
        opensAt: "17:00",
        closesAt: "08:00",
      }),
    ).toEqual({
      timeZone: "timeZoneUnknown",
      workingDays: "noWorkingDay",
      closesAt: "closesBeforeOpens",
    });
  });

  it("allows closing at midnight", () => {
    expect(
      calendarSettingsSchema.safeParse({
        ...WEEK,
        ...monToFri,
        opensAt: "20:00",
        closesAt: "24:00",
      }).success,
    ).toBe(true);
  });

  it("needs a real date and a name for a holiday", () => {
    expect(holidaySchema.parse({ day: "2026-03-20", name: "Aïd al-Fitr" })).toEqual({
      day: "2026-03-20",
      name: "Aïd al-Fitr",
    });
    expect(errorsOf(holidaySchema, { day: "2026-02-29", name: "x" }).day).toBe("dateInvalid");
    expect(errorsOf(holidaySchema, { day: "20/03/2026", name: "x" }).day).toBe("dateInvalid");
    expect(errorsOf(holidaySchema, { day: "2026-03-20", name: "" }).name).toBe("required");
  });

  it("reads special hours, or a closed day whatever hours were typed", () => {
    expect(
      overrideSchema.parse({
        day: "2026-02-18",
        opensAt: "09:00",
        closesAt: "15:00",
        note: "Ramadan",
      }),
    ).toEqual({ day: "2026-02-18", opensAt: "09:00", closesAt: "15:00", note: "Ramadan" });
    expect(
      overrideSchema.parse({ day: "2026-12-31", closed: "on", opensAt: "09:00", closesAt: "" }),
    ).toEqual({ day: "2026-12-31", opensAt: null, closesAt: null, note: null });
  });

  it("refuses special hours that overlap themselves or are missing", () => {
    expect(
      errorsOf(overrideSchema, { day: "2026-12-24", opensAt: "13:00", closesAt: "09:00" }).closesAt,
    ).toBe("closesBeforeOpens");
    expect(errorsOf(overrideSchema, { day: "2026-12-24", opensAt: "09:00" }).closesAt).toBe(
      "required",
    );
    expect(
      errorsOf(overrideSchema, { day: "2026-12-24", opensAt: "9h", closesAt: "12:00" }).opensAt,
    ).toBe("timeFormat");
    expect(errorsOf(overrideSchema, { day: "", closed: "on" }).day).toBe("required");
  });
});
