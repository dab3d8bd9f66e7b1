import { describe, expect, it } from "vitest";
import {
  normaliseForMatching,
  routeSubmission,
  type RoutingInput,
  type RoutingRule,
} from "./routing";

const now = new Date("2026-07-06T10:00:00Z");

function rule(
  fields: Partial<RoutingRule> & Pick<RoutingRule, "id" | "position" | "departmentCode">,
): RoutingRule {
  return {
    active: true,
    kind: null,
    service: null,
    zone: null,
    channel: null,
    keywords: [],
    priority: null,
    validFrom: null,
    validUntil: null,
    isDefault: false,
    ...fields,
  };
}

function input(fields: Partial<RoutingInput> = {}): RoutingInput {
  return { kind: "complaint", channel: "web", text: "", ...fields };
}

// The default sits first on purpose: it must still only catch what nothing else matches.
const rules: RoutingRule[] = [
  rule({ id: "default", position: 0, isDefault: true, departmentCode: "customer_relations" }),
  rule({
    id: "leak",
    position: 10,
    keywords: ["تسرب", "fuite", "leak"],
    departmentCode: "technical_interventions",
    priority: "high",
  }),
  rule({
    id: "outage",
    position: 20,
    keywords: ["انقطاع", "coupure", "outage"],
    departmentCode: "technical_interventions",
    priority: "high",
  }),
  rule({
    id: "billing",
    position: 30,
    kind: "complaint",
    keywords: ["فاتورة", "facture", "bill"],
    departmentCode: "billing",
  }),
];

describe("normaliseForMatching", () => {
  it.each([
    {
      behaviour: "lower-cases and strips French accents",
      text: "Électricité",
      expected: "electricite",
    },
    { behaviour: "turns ç into c", text: "Ça coûte CHER", expected: "ca coute cher" },
    { behaviour: "spells out the œ ligature", text: "Cœur", expected: "coeur" },
    {
      behaviour: "folds apostrophes and punctuation into single spaces",
      text: "  d'électricité !! ",
      expected: "d electricite",
    },
    { behaviour: "unifies the alef forms", text: "أإآٱ", expected: "اااا" },
    {
      behaviour: "strips tashkeel and turns ta marbuta into ha",
      text: "فَاتُورَةٌ",
      expected: "فاتوره",
    },
    { behaviour: "strips shadda and superscript alef", text: "تَسَرُّب هٰذا", expected: "تسرب هذا" },
    { behaviour: "turns alef maqsura into ya", text: "مستشفى", expected: "مستشفي" },
    { behaviour: "strips tatweel", text: "كـــهرباء", expected: "كهرباء" },
    { behaviour: "keeps hamza on waw and ya", text: "مسؤول بيئة", expected: "مسؤول بيئه" },
    {
      behaviour: "turns Arabic-Indic digits into ASCII",
      text: "عداد ١٢٣ و ۴۵",
      expected: "عداد 123 و 45",
    },
  ])("$behaviour", ({ text, expected }) => {
    expect(normaliseForMatching(text)).toBe(expected);
  });
});

describe("routeSubmission keywords", () => {
  it.each([
    { text: "يوجد تسرب في العداد", ruleId: "leak", keyword: "تسرب" },
    { text: "التسرب مستمر منذ الصباح", ruleId: "leak", keyword: "تسرب" }, // ال prefix
    { text: "وتسرب الماء في الشارع", ruleId: "leak", keyword: "تسرب" }, // و prefix
    { text: "تَسَرُّبٌ كبير", ruleId: "leak", keyword: "تسرب" }, // diacritics
    { text: "Fuite d'eau devant le compteur", ruleId: "leak", keyword: "fuite" },
    { text: "FUITE", ruleId: "leak", keyword: "fuite" },
    { text: "There is a water leak.", ruleId: "leak", keyword: "leak" },
    { text: "انقطاع الكهرباء في الحي", ruleId: "outage", keyword: "انقطاع" },
    { text: "إنقطاع التيار", ruleId: "outage", keyword: "انقطاع" }, // alef with hamza below
    { text: "بالانقطاع المتكرر", ruleId: "outage", keyword: "انقطاع" }, // ب + ال prefixes
    { text: "coupure d electricite", ruleId: "outage", keyword: "coupure" }, // accents missing
    { text: "Coupure d'électricité depuis ce matin", ruleId: "outage", keyword: "coupure" },
    { text: "Power OUTAGE on my street", ruleId: "outage", keyword: "outage" },
    { text: "خطأ في الفاتورة", ruleId: "billing", keyword: "فاتورة" }, // ال prefix, ta marbuta on both sides
    { text: "Ma facture est trop élevée", ruleId: "billing", keyword: "facture" },
  ])("routes “$text” with the rule $ruleId on “$keyword”", ({ text, ruleId, keyword }) => {
    const decision = routeSubmission(rules, input({ text }), now);
    expect(decision).toMatchObject({ ruleId, matchedKeyword: keyword });
    if (ruleId !== "billing") {
      expect(decision).toMatchObject({
        departmentCode: "technical_interventions",
        priority: "high",
      });
    }
  });

  it.each([
    { behaviour: "does not match “leak” inside “bleak”", text: "A bleak morning" },
    { behaviour: "does not match “leak” inside “leaking”", text: "the pipe is leaking" },
    { behaviour: "does not match “bill” inside “billet”", text: "un billet de train" },
    { behaviour: "leaves texts without any keyword to the default", text: "Bonjour, une question" },
  ])("$behaviour", ({ text }) => {
    expect(routeSubmission(rules, input({ text }), now)).toEqual({
      ruleId: "default",
      departmentCode: "customer_relations",
      priority: "normal",
      matchedKeyword: null,
    });
  });

  it("matches an accented keyword against a text typed without accents", () => {
    const accented = [
      rule({ id: "power", position: 1, keywords: ["électricité"], departmentCode: "tech" }),
      rule({ id: "default", position: 2, isDefault: true, departmentCode: "crm" }),
    ];
    expect(routeSubmission(accented, input({ text: "pas d'electricite" }), now).ruleId).toBe(
      "power",
    );
  });

  it("matches a multi-word keyword across punctuation", () => {
    const phrase = [
      rule({ id: "cut", position: 1, keywords: ["coupure d'eau"], departmentCode: "tech" }),
    ];
    expect(routeSubmission(phrase, input({ text: "COUPURE D EAU rue 12" }), now).ruleId).toBe(
      "cut",
    );
  });

  it("never matches a keyword that is blank once normalised", () => {
    const blank = [
      rule({ id: "blank", position: 1, keywords: [" ", "!"], departmentCode: "tech" }),
      rule({ id: "default", position: 2, isDefault: true, departmentCode: "crm" }),
    ];
    expect(routeSubmission(blank, input({ text: "anything at all" }), now).ruleId).toBe("default");
  });
});

describe("routeSubmission order and criteria", () => {
  it("lets the first matching rule by position win, whatever the array order", () => {
    const ordered = [
      rule({ id: "second", position: 2, keywords: ["fuite"], departmentCode: "b" }),
      rule({ id: "first", position: 1, keywords: ["fuite"], departmentCode: "a" }),
    ];
    expect(routeSubmission(ordered, input({ text: "fuite" }), now).ruleId).toBe("first");
  });

  it("breaks a tie in position by rule id", () => {
    const tied = [
      rule({ id: "rule-b", position: 1, departmentCode: "b" }),
      rule({ id: "rule-a", position: 1, departmentCode: "a" }),
    ];
    expect(routeSubmission(tied, input(), now).ruleId).toBe("rule-a");
  });

  const criteriaRules: RoutingRule[] = [
    rule({ id: "reading", position: 1, kind: "meter_reading", departmentCode: "metering" }),
    rule({
      id: "water-casa",
      position: 2,
      service: "water",
      zone: "CASA-01",
      departmentCode: "water_casa",
    }),
    rule({ id: "water", position: 3, service: "water", departmentCode: "water" }),
    rule({ id: "counter", position: 4, channel: "counter", departmentCode: "registry" }),
    rule({ id: "default", position: 5, isDefault: true, departmentCode: "crm" }),
  ];

  it.each([
    { behaviour: "matches on kind", given: { kind: "meter_reading" }, ruleId: "reading" },
    {
      behaviour: "matches on service and zone together",
      given: { service: "water" as const, zone: "CASA-01" },
      ruleId: "water-casa",
    },
    {
      behaviour: "falls to the service rule in another zone",
      given: { service: "water" as const, zone: "RABAT-02" },
      ruleId: "water",
    },
    {
      behaviour: "falls to the service rule without a zone",
      given: { service: "water" as const },
      ruleId: "water",
    },
    {
      behaviour: "does not match a service rule when the input has no service",
      given: { service: null, zone: "CASA-01" },
      ruleId: "default",
    },
    {
      behaviour: "does not match another service",
      given: { service: "electricity" as const },
      ruleId: "default",
    },
    { behaviour: "matches on channel", given: { channel: "counter" as const }, ruleId: "counter" },
    {
      behaviour: "does not match another channel",
      given: { channel: "phone" as const },
      ruleId: "default",
    },
  ])("$behaviour", ({ given, ruleId }) => {
    expect(routeSubmission(criteriaRules, input(given), now).ruleId).toBe(ruleId);
  });

  it("needs both the criteria and a keyword when a rule has both", () => {
    // "billing" is for complaints only: the same words in a connection request go to default.
    expect(routeSubmission(rules, input({ kind: "complaint", text: "facture" }), now).ruleId).toBe(
      "billing",
    );
    expect(routeSubmission(rules, input({ kind: "connection", text: "facture" }), now).ruleId).toBe(
      "default",
    );
  });
});

describe("routeSubmission validity", () => {
  const temporary = (fields: Partial<RoutingRule>) => [
    rule({ id: "temporary", position: 1, departmentCode: "storm_cell", ...fields }),
    rule({ id: "default", position: 2, isDefault: true, departmentCode: "crm" }),
  ];

  it.each([
    { behaviour: "skips an inactive rule", fields: { active: false }, ruleId: "default" },
    {
      behaviour: "skips an expired rule",
      fields: { validUntil: new Date("2026-07-01T00:00:00Z") },
      ruleId: "default",
    },
    {
      behaviour: "skips a rule that expires exactly now",
      fields: { validUntil: now },
      ruleId: "default",
    },
    {
      behaviour: "skips a rule that starts in the future",
      fields: { validFrom: new Date("2026-07-07T00:00:00Z") },
      ruleId: "default",
    },
    {
      behaviour: "applies a rule that starts exactly now",
      fields: { validFrom: now },
      ruleId: "temporary",
    },
    {
      behaviour: "applies a temporary rule inside its window",
      fields: {
        validFrom: new Date("2026-07-01T00:00:00Z"),
        validUntil: new Date("2026-07-08T00:00:00Z"),
      },
      ruleId: "temporary",
    },
  ])("$behaviour", ({ fields, ruleId }) => {
    expect(routeSubmission(temporary(fields), input(), now).ruleId).toBe(ruleId);
  });
});

describe("routeSubmission default and priority", () => {
  it("uses the rule's priority, or the fallback priority when the rule has none", () => {
    expect(routeSubmission(rules, input({ text: "leak" }), now, "low").priority).toBe("high");
    expect(routeSubmission(rules, input({ text: "bill" }), now, "low").priority).toBe("low");
    expect(routeSubmission(rules, input({ text: "hello" }), now, "urgent").priority).toBe("urgent");
  });

  it("consults the default last even when its position comes first", () => {
    expect(routeSubmission(rules, input({ text: "fuite" }), now).ruleId).toBe("leak");
    expect(routeSubmission(rules, input({ text: "merci" }), now).ruleId).toBe("default");
  });

  it("catches the rest with the default whatever the default's own criteria", () => {
    const scoped = [
      rule({
        id: "default",
        position: 1,
        isDefault: true,
        service: "water",
        departmentCode: "crm",
      }),
    ];
    expect(routeSubmission(scoped, input({ service: "electricity" }), now).ruleId).toBe("default");
  });

  it("skips an inactive default in favour of an active one", () => {
    const defaults = [
      rule({ id: "old-default", position: 1, isDefault: true, active: false, departmentCode: "a" }),
      rule({ id: "new-default", position: 2, isDefault: true, departmentCode: "b" }),
    ];
    expect(routeSubmission(defaults, input(), now).ruleId).toBe("new-default");
  });

  it("throws when nothing matches and there is no default", () => {
    const noDefault = rules.filter((r) => !r.isDefault);
    expect(() => routeSubmission(noDefault, input({ text: "bonjour" }), now)).toThrow(
      "no routing rule matches and no default rule",
    );
    expect(() => routeSubmission([], input(), now)).toThrow(
      "no routing rule matches and no default rule",
    );
  });
});
