import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  accountContracts,
  connectionQuotes,
  contracts,
  meters,
  outbox,
  payments,
  workItemEvents,
  workItems,
  type User,
} from "@/db/schema";
import { resetEnvCache } from "@/lib/env";
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
import { appealRejection, completeDocuments } from "@/lib/connections/customer-actions";
import { uploadConnectionDocument } from "@/lib/connections/documents";
import { renderAcknowledgement, renderQuote } from "@/lib/connections/pdfs";
import { getRequestDetail } from "@/lib/connections/queries";
import { pdfText } from "@/lib/documents/pdf-text";
import { submitConnectionRequest } from "@/lib/connections/submit";
import { listAccountContracts } from "@/lib/contracts/queries";
import { startQuoteCheckout } from "@/lib/payments/quote-checkout";
import { handleTestConfirmation } from "@/lib/payments/test-provider";
import { createTestDatabase } from "../helpers/db";
import { pdfBytes, pngBytes, waterConnectionInput } from "../helpers/connections";
import { appErrorOf, itemRow, userByEmail } from "../helpers/workflow";

let db: Db;
let youssef: User;
let clerk: User;
let otherClerk: User;

beforeAll(async () => {
  process.env.FILES_DIR = await mkdtemp(path.join(tmpdir(), "wasla-conn-"));
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-42";
  resetEnvCache();
  ({ db } = await createTestDatabase());
  youssef = await userByEmail(db, "youssef@wasla.example");
  clerk = await userByEmail(db, "connections@wasla.example");
  otherClerk = await userByEmail(db, "billing@wasla.example");
});

const fr = () => ({
  customer: { id: youssef.id, role: "customer" as const, locale: "fr" as const },
  channel: "web" as const,
});

async function upload(user: User, bytes: Uint8Array, name: string) {
  return (await uploadConnectionDocument(db, { userId: user.id, bytes, name })).fileId;
}

/** Files a water connection with three of its four documents (the site plan is left out). */
async function fileWaterConnection(now: Date) {
  const documents = {
    national_id: await upload(youssef, pngBytes(), "cin.png"),
    title_or_lease: await upload(youssef, pdfBytes(`titre ${now.getTime()}`), "titre.pdf"),
    occupancy_permit: await upload(youssef, pdfBytes(`permis ${now.getTime()}`), "permis.pdf"),
  };
  return submitConnectionRequest(db, waterConnectionInput(documents), fr(), now);
}

describe("a new water connection, from filing to an active contract (in French)", () => {
  it("files, asks for the missing document once, pauses the deadline, visits, quotes, is paid, works, activates", async () => {
    // Dates a week back: the test provider confirms the payment at the real clock's "now".
    const t0 = new Date("2026-11-16T09:00:00Z"); // a Monday
    const filed = await fileWaterConnection(t0);
    expect(filed.number).toMatch(/^BR-2026-\d{6}$/);
    const item0 = await itemRow(
      db,
      (await getRequestDetail(db, {
        requestId: filed.requestId,
        access: { customerId: youssef.id },
      }))!.item.id,
    );
    expect(item0.kindCode).toBe("connection");
    const [ack] = await db
      .select()
      .from(outbox)
      .where(
        and(eq(outbox.template, "itemReceived"), eq(outbox.toAddress, "youssef@wasla.example")),
      );
    expect(ack).toBeDefined();

    // The clerk of another department does not even see the request.
    expect(
      (await appErrorOf(acceptDocuments(db, otherClerk, filed.requestId, { now: t0 }))).code,
    ).toBe("NOT_FOUND");
    // Skipping ahead is refused.
    expect(
      (await appErrorOf(moveTo(db, clerk, filed.requestId, "visit_done", null, { now: t0 })))
        .fields,
    ).toEqual({ stage: "skip" });

    const t1 = new Date("2026-11-16T10:00:00Z");
    await requestMissingDocuments(
      db,
      clerk,
      filed.requestId,
      {
        documents: [{ code: "site_plan", status: "missing" }],
        note: "Le plan de situation manque au dossier.",
      },
      { now: t1 },
    );
    const waiting = await itemRow(db, item0.id);
    expect(waiting.status).toBe("waiting_customer");
    // Paused: no deadline runs while the file waits for the customer.
    expect(waiting.resolutionDueAt).toBeNull();
    const dueWhileWaiting = item0.resolutionDueAt!.getTime();
    const mail = await db.select().from(outbox).where(eq(outbox.template, "itemReply"));
    expect(mail.at(-1)!.bodyText).toContain("Plan de situation (manquant)");

    // Two working days later the customer completes: the deadline moved by the time waited.
    const t2 = new Date("2026-11-18T10:00:00Z");
    const plan = await upload(youssef, pdfBytes("plan"), "plan de situation.pdf");
    await completeDocuments(
      db,
      { id: youssef.id, locale: "fr" },
      filed.requestId,
      { documents: { site_plan: plan } },
      { now: t2 },
    );
    const resumed = await itemRow(db, item0.id);
    expect(resumed.status).toBe("in_progress");
    expect(resumed.resolutionDueAt!.getTime()).toBeGreaterThan(dueWhileWaiting);
    expect(resumed.resolutionDueAt!.getTime() - dueWhileWaiting).toBeGreaterThanOrEqual(
      2 * 8 * 3600_000 - 60_000,
    );

    await acceptDocuments(db, clerk, filed.requestId, { now: new Date("2026-11-18T10:05:00Z") });
    await scheduleStep(
      db,
      clerk,
      filed.requestId,
      "visit",
      { date: "2026-11-20", slot: "morning" },
      { now: new Date("2026-11-18T10:10:00Z") },
    );
    await moveTo(db, clerk, filed.requestId, "visit_done", null, {
      now: new Date("2026-11-20T11:00:00Z"),
    });
    const quoted = await issueQuote(db, clerk, filed.requestId, undefined, {
      now: new Date("2026-11-20T12:00:00Z"),
    });
    expect(quoted.stage).toBe("quote_issued");
    const [quote] = await db
      .select()
      .from(connectionQuotes)
      .where(eq(connectionQuotes.requestId, filed.requestId));
    expect(quote!.lines.map((l) => l.kind)).toEqual([
      "connection_works",
      "meter",
      "contract_fee",
      "deposit",
      "stamp_duty",
    ]);
    expect(quote!.totalMinor).toBe(250000 + 60000 + 15000 + 30000 + 2000);
    // The acknowledgement lists the documents received by name; the quote its lines and total.
    const forPdf = (await getRequestDetail(db, {
      requestId: filed.requestId,
      access: { customerId: youssef.id },
    }))!;
    for (const locale of ["fr", "ar"] as const) {
      const ack = await renderAcknowledgement(db, forPdf, locale);
      const quotePdf = (await renderQuote(db, forPdf, locale))!;
      if (process.env.CONNECTIONS_PDF_DIR) {
        await writeFile(path.join(process.env.CONNECTIONS_PDF_DIR, `ack-${locale}.pdf`), ack);
        await writeFile(
          path.join(process.env.CONNECTIONS_PDF_DIR, `quote-${locale}.pdf`),
          quotePdf,
        );
      }
      const ackText = pdfText(ack);
      expect(ackText).toContain(filed.number);
      expect(ackText).toContain("plan de situation.pdf");
      expect(pdfText(quotePdf)).toContain(quote!.number);
    }
    expect(pdfText(await renderAcknowledgement(db, forPdf, "fr"))).toContain("Accusé de réception");

    // Nobody marks a quote paid by hand.
    expect((await appErrorOf(moveTo(db, clerk, filed.requestId, "quote_paid", null))).code).toBe(
      "INVALID_TRANSITION",
    );

    // The customer pays with the test provider; a replayed confirmation pays once.
    const checkout = await startQuoteCheckout(db, {
      requestId: filed.requestId,
      userId: youssef.id,
      locale: "fr",
      origin: "http://portal.test",
    });
    expect(checkout.url).toContain(`/fr/pay/test/${checkout.paymentId}`);
    const confirmation = {
      eventId: "evt_quote_1",
      paymentId: checkout.paymentId,
      outcome: "paid" as const,
      amountMinor: quote!.totalMinor,
    };
    expect(await handleTestConfirmation(db, confirmation)).toBe("handled");
    expect(await handleTestConfirmation(db, confirmation)).toBe("duplicate");
    const [payment] = await db.select().from(payments).where(eq(payments.id, checkout.paymentId));
    expect(payment).toMatchObject({ status: "succeeded", quoteId: quote!.id, billIds: [] });
    const paid = await getRequestDetail(db, {
      requestId: filed.requestId,
      access: { customerId: youssef.id },
    });
    expect(paid!.request.stage).toBe("quote_paid");
    expect(paid!.quotes[0]!.status).toBe("paid");

    await scheduleStep(
      db,
      clerk,
      filed.requestId,
      "works",
      { date: "2026-12-02", slot: "afternoon" },
      { now: new Date("2026-11-30T09:00:00Z") },
    );
    await moveTo(db, clerk, filed.requestId, "works_done", null, {
      now: new Date("2026-12-02T16:00:00Z"),
    });
    await installMeter(
      db,
      clerk,
      filed.requestId,
      { serial: "EAU-2026-90001", initialIndex: "٠" },
      { now: new Date("2026-12-02T16:30:00Z") },
    );
    const done = await activateContract(db, clerk, filed.requestId, {
      now: new Date("2026-12-03T09:00:00Z"),
    });
    expect(done.stage).toBe("contract_activated");

    // The new contract is the customer's, active, with its meter: it shows on the dashboard.
    const [contract] = await db.select().from(contracts).where(eq(contracts.id, done.contractId!));
    expect(contract).toMatchObject({ status: "active", service: "water" });
    const [meter] = await db.select().from(meters).where(eq(meters.contractId, contract!.id));
    expect(meter).toMatchObject({ serial: "EAU-2026-90001", active: true, calibre: "15" });
    const [link] = await db
      .select()
      .from(accountContracts)
      .where(eq(accountContracts.contractId, contract!.id));
    expect(link!.userId).toBe(youssef.id);
    const dashboard = await listAccountContracts(db, { userId: youssef.id });
    expect(dashboard.map((c) => c.contractNo)).toContain(contract!.contractNo);
    const final = await itemRow(db, item0.id);
    expect(final).toMatchObject({ status: "resolved", outcome: "resolved" });

    // Every stage is on the customer's timeline, in order, with its date.
    const detail = await getRequestDetail(db, {
      requestId: filed.requestId,
      access: { customerId: youssef.id },
    });
    expect(detail!.history.map((h) => h.toStage)).toEqual([
      "submitted",
      "incomplete",
      "submitted",
      "documents_checked",
      "visit_scheduled",
      "visit_done",
      "quote_issued",
      "quote_paid",
      "works_scheduled",
      "works_done",
      "meter_installed",
      "contract_activated",
    ]);
    const events = await db
      .select()
      .from(workItemEvents)
      .where(eq(workItemEvents.itemId, item0.id));
    expect(events.filter((e) => e.visibility === "customer").length).toBeGreaterThanOrEqual(12);
  });

  it("a retried submission with the same key files one request", async () => {
    const documents = {
      national_id: await upload(youssef, pngBytes(), "cin.png"),
      title_or_lease: await upload(youssef, pdfBytes("k1"), "t.pdf"),
      occupancy_permit: await upload(youssef, pdfBytes("k2"), "p.pdf"),
      site_plan: await upload(youssef, pdfBytes("k3"), "s.pdf"),
    };
    const input = { ...waterConnectionInput(documents), idempotencyKey: "form-token-1" };
    const a = await submitConnectionRequest(db, input, fr());
    const b = await submitConnectionRequest(db, input, fr());
    expect(b).toMatchObject({ number: a.number, requestId: a.requestId, replayed: true });
  });

  it("refuses a request with a reason the customer can appeal, which files a satisfaction item", async () => {
    const filed = await fileWaterConnection(new Date("2026-11-23T09:30:00Z"));
    expect(
      (await appErrorOf(rejectRequest(db, clerk, filed.requestId, { reason: " " }))).code,
    ).toBe("VALIDATION_FAILED");
    await rejectRequest(db, clerk, filed.requestId, {
      reason: "Parcelle hors du périmètre desservi.",
    });
    const appeal = await appealRejection(db, { id: youssef.id, locale: "fr" }, filed.requestId, {
      reason: "La parcelle est desservie, voir le plan.",
    });
    const [item] = await db.select().from(workItems).where(eq(workItems.number, appeal.number));
    expect(item!.kindCode).toBe("follow_up");
    expect(
      (
        await appErrorOf(
          appealRejection(db, { id: youssef.id, locale: "fr" }, filed.requestId, {
            reason: "encore",
          }),
        )
      ).code,
    ).toBe("CONFLICT");
  });

  it("refuses bad input with field errors and stores nothing", async () => {
    const bad = waterConnectionInput({});
    const error = await appErrorOf(
      submitConnectionRequest(
        db,
        {
          ...bad,
          applicant: { ...bad.applicant, nationalId: "<script>", email: "x" },
          premises: { ...bad.premises, latitude: "999" },
          detail: "",
        },
        fr(),
      ),
    );
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fields).toMatchObject({
      "applicant.nationalId": "nationalIdInvalid",
      "applicant.email": "emailInvalid",
      "premises.latitude": "gpsInvalid",
      detail: "required",
    });
    const missing = await appErrorOf(submitConnectionRequest(db, bad, fr()));
    expect(missing.fields).toMatchObject({ "documents.national_id": "documentMissing" });
  });
});
