import { z } from "zod";

const rate = z.number().min(0).max(1).nullable();
const percentiles = z.object({ p50: z.number().nullable(), p90: z.number().nullable() });

const figures = {
  received: z.number().int(),
  resolved: z.number().int(),
  open: z.number().int(),
  completionRate: rate,
  firstResponseOnTimeRate: rate,
  onTimeRate: rate,
  firstContactResolutionRate: rate,
  timeToFirstResponse: percentiles,
  timeToResolution: percentiles,
  satisfaction: z.object({
    ratings: z.number().int(),
    quality: z.number().nullable(),
    speed: z.number().nullable(),
    satisfiedShare: rate,
    responseRate: rate,
  }),
  escalations: z.number().int(),
  followUps: z.number().int(),
};

/** GET /api/v1/reports/kpis: rates 0–1, durations in business minutes, dates local. */
export const kpisResponseSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    timeZone: z.string(),
    ...figures,
    backlogAgeing: z.array(
      z.object({
        fromDays: z.number(),
        toDays: z.number().nullable(),
        count: z.number().int(),
      }),
    ),
    previous: z.object({ from: z.string(), to: z.string(), ...figures }),
  })
  .meta({ id: "ReportKpis" });
