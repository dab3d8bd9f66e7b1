import { z } from "zod";
import { addDays, daysBetween, isIsoDate, localDate } from "@/lib/billing/dates";
import { AppError, fieldErrorsFromZod } from "@/lib/errors";
import { toAsciiDigits } from "@/lib/i18n/digits";
import { isUuid } from "@/lib/validation/ids";

/** The longest period one request may cover: two years of days keeps every chart readable. */
export const MAX_PERIOD_DAYS = 731;

export const CHANNELS = ["web", "phone", "counter", "email", "api"] as const;
export type ReportChannel = (typeof CHANNELS)[number];

// Dates arrive from URL search params and from BI tools: Arabic-Indic digits are accepted.
const isoDate = z
  .string()
  .trim()
  .transform(toAsciiDigits)
  .refine(isIsoDate, { message: "invalidDate" });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "tooLong" })
    .optional()
    .transform((v) => (v ? v : undefined));

/**
 * The dashboard's filters, as they arrive in the URL (`?from=&to=&department=&kind=&channel=
 * &zone=&clerk=`) or in the API's query string. Dates are local calendar days of the utility,
 * both inclusive.
 */
export const reportQuerySchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    department: optionalText(60),
    kind: optionalText(60),
    channel: z
      .enum(CHANNELS, { message: "invalid" })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    zone: optionalText(80),
    clerk: optionalText(36).refine((v) => v === undefined || isUuid(v), { message: "invalid" }),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "dateOrder" });
    if (q.from && q.to && daysBetween(q.from, q.to) >= MAX_PERIOD_DAYS)
      ctx.addIssue({ code: "custom", path: ["to"], message: "periodTooLong" });
  });

export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** A period of whole local days, `from` and `to` inclusive. */
export type Period = { from: string; to: string };

export type ReportFilters = {
  department?: string;
  kind?: string;
  channel?: ReportChannel;
  zone?: string;
  clerk?: string;
};

/**
 * Parse the raw query (URL search params or API): a bad value is VALIDATION_FAILED with the
 * field's message key, so pages and the API answer 400 with a localised message. A missing
 * period is the current month to date in the utility's time zone.
 */
export function parseReportQuery(
  raw: Record<string, string | string[] | undefined>,
  timeZone: string,
  now: Date,
): { period: Period; filters: ReportFilters } {
  const flat = Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const parsed = reportQuerySchema.safeParse(flat);
  if (!parsed.success)
    throw new AppError("VALIDATION_FAILED", "report query", fieldErrorsFromZod(parsed.error));
  const q = parsed.data;
  const today = localDate(now, timeZone);
  const to = q.to ?? (q.from && q.from > today ? q.from : today);
  const from = q.from ?? `${to.slice(0, 8)}01`;
  if (from > to) throw new AppError("VALIDATION_FAILED", "report query", { to: "dateOrder" });
  return {
    period: { from, to },
    filters: {
      department: q.department,
      kind: q.kind,
      channel: q.channel,
      zone: q.zone,
      clerk: q.clerk,
    },
  };
}

/** Number of days in a period. */
export function periodDays(p: Period): number {
  return daysBetween(p.from, p.to) + 1;
}

/** The period of the same length just before: the base of every trend. */
export function previousPeriod(p: Period): Period {
  const n = periodDays(p);
  return { from: addDays(p.from, -n), to: addDays(p.from, -1) };
}

/** A calendar month "2026-03" as a period. */
export function monthPeriod(month: string): Period {
  const from = `${month}-01`;
  const next = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1));
  return { from, to: addDays(next.toISOString().slice(0, 10), -1) };
}

/** The query string of a period and filters (empty values left out). */
export function reportQueryString(
  period: Period,
  filters: ReportFilters,
  extra: Record<string, string> = {},
): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...period, ...filters, ...extra }))
    if (typeof v === "string" && v) q.set(k, v);
  return q.toString();
}
