"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { userAction } from "@/lib/actions/form-action";
import {
  acceptDocuments,
  activateContract,
  installMeter,
  issueQuote,
  moveTo,
  rejectRequest,
  requestMissingDocuments,
  scheduleStep,
} from "@/lib/connections/clerk-actions";
import { ALL_STAGES, type Stage } from "@/lib/connections/stages";
import {
  closeContract,
  issueFinalBill,
  recordFinalReading,
  settleDeposit,
} from "@/lib/connections/termination";

const STAFF = ["clerk", "supervisor", "admin"] as const;
const id = z.object({ requestId: z.uuid({ error: "invalid" }) });
const done = (locale: string, requestId: string) => {
  revalidatePath(`/${locale}/backoffice/connections/${requestId}`);
  return { status: "ok" as const, notice: "done" };
};

export const acceptDocumentsAction = userAction({
  roles: [...STAFF],
  schema: id,
  handler: async ({ requestId }, { user, meta, locale }) => {
    await acceptDocuments(getDb(), user, requestId, { meta });
    return done(locale, requestId);
  },
});

/** Checked documents become `{code, status}` entries: every one of them in one request. */
export const askDocumentsAction = userAction({
  roles: [...STAFF],
  schema: id.extend({ note: z.string().max(1000).optional() }).catchall(z.string()),
  handler: async ({ requestId, note, ...rest }, { user, meta, locale }) => {
    const documents = Object.entries(rest)
      .filter(([k, v]) => k.startsWith("doc_") && (v === "missing" || v === "unreadable"))
      .map(([k, v]) => ({ code: k.slice(4), status: v }));
    await requestMissingDocuments(
      getDb(),
      user,
      requestId,
      { documents, note: note ?? "" },
      { meta },
    );
    return done(locale, requestId);
  },
});

export const scheduleAction = userAction({
  roles: [...STAFF],
  schema: id.extend({ what: z.enum(["visit", "works"]), date: z.string(), slot: z.string() }),
  handler: async ({ requestId, what, date, slot }, { user, meta, locale }) => {
    await scheduleStep(getDb(), user, requestId, what, { date, slot }, { meta });
    return done(locale, requestId);
  },
});

export const moveToAction = userAction({
  roles: [...STAFF],
  schema: id.extend({
    to: z.enum(ALL_STAGES as [Stage, ...Stage[]], { error: "invalid" }),
    reason: z.string().max(1000).optional(),
  }),
  handler: async ({ requestId, to, reason }, { user, meta, locale }) => {
    await moveTo(getDb(), user, requestId, to, reason || null, { meta });
    return done(locale, requestId);
  },
});

export const issueQuoteAction = userAction({
  roles: [...STAFF],
  schema: id.catchall(z.string()),
  handler: async ({ requestId, ...rest }, { user, meta, locale }) => {
    const lines = Object.entries(rest)
      .filter(([k]) => k.startsWith("line_"))
      .map(([k, amount]) => ({ kind: k.slice(5), amount }));
    await issueQuote(getDb(), user, requestId, { lines }, { meta });
    return done(locale, requestId);
  },
});

export const installMeterAction = userAction({
  roles: [...STAFF],
  schema: id.extend({ serial: z.string(), initialIndex: z.string() }),
  handler: async ({ requestId, serial, initialIndex }, { user, meta, locale }) => {
    await installMeter(getDb(), user, requestId, { serial, initialIndex }, { meta });
    return done(locale, requestId);
  },
});

export const activateAction = userAction({
  roles: [...STAFF],
  schema: id,
  handler: async ({ requestId }, { user, meta, locale }) => {
    await activateContract(getDb(), user, requestId, { meta });
    return done(locale, requestId);
  },
});

export const rejectAction = userAction({
  roles: [...STAFF],
  schema: id.extend({ reason: z.string() }),
  handler: async ({ requestId, reason }, { user, meta, locale }) => {
    await rejectRequest(getDb(), user, requestId, { reason }, { meta });
    return done(locale, requestId);
  },
});

export const finalReadingAction = userAction({
  roles: [...STAFF],
  schema: id.extend({ index: z.string(), source: z.string() }),
  handler: async ({ requestId, index, source }, { user, meta, locale }) => {
    await recordFinalReading(getDb(), user, requestId, { index, source }, { meta });
    return done(locale, requestId);
  },
});

/** The three last termination steps: each its own button, in the order the rules allow. */
export const terminationStepAction = userAction({
  roles: [...STAFF],
  schema: id.extend({ step: z.enum(["final_bill", "deposit_settled", "contract_closed"]) }),
  handler: async ({ requestId, step }, { user, meta, locale }) => {
    const run = {
      final_bill: issueFinalBill,
      deposit_settled: settleDeposit,
      contract_closed: closeContract,
    }[step];
    await run(getDb(), user, requestId, { meta });
    return done(locale, requestId);
  },
});
