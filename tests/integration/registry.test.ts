import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { outbox, registryEntries, workItems, type User } from "@/db/schema";
import { pdfText } from "@/lib/documents/pdf-text";
import { renderAcknowledgementPdfBuffer } from "@/lib/documents/registry-acknowledgement-pdf";
import { renderReplyLetterPdfBuffer } from "@/lib/documents/registry-letter-pdf";
import { resetEnvCache } from "@/lib/env";
import { annotateEntry } from "@/lib/registry/annotate";
import { checkAttachments } from "@/lib/registry/attachments";
import { distributeEntry } from "@/lib/registry/distribute";
import { acknowledgementDocument, replyLetterDocument } from "@/lib/registry/documents";
import { issueChallenge, solveChallenge } from "@/lib/registry/proof-of-work";
import { getLetterForSender, getRegistryEntry } from "@/lib/registry/queries";
import { registerIncoming, type IncomingLetter } from "@/lib/registry/register-incoming";
import { approveReply, draftReply, registerReply } from "@/lib/registry/replies";
import { depositSchema } from "@/lib/registry/schemas";
import { getUtility } from "@/lib/utility/get-utility";
import { runEscalations } from "@/lib/workflow/escalation";
import { getCustomerItem, listCustomerItems } from "@/lib/workflow/queries";
import { createTestDatabase, pgErrorOf } from "../helpers/db";
import { appErrorOf, rowCount, userByEmail } from "../helpers/workflow";

let db: Db;
let registryClerk: User;
let relationsClerk: User;
let supervisor: User;

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-42";
  process.env.REGISTRY_POW_BITS = "8";
  resetEnvCache();
  ({ db } = await createTestDatabase());
  registryClerk = await userByEmail(db, "registry@wasla.example");
  relationsClerk = await userByEmail(db, "clerk@wasla.example");
  supervisor = await userByEmail(db, "supervisor@wasla.example");
});

const NOW = new Date("2026-05-12T09:00:00Z");
const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>'); drop table registry_entries;--`;
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

const letter = (over: Partial<IncomingLetter> = {}): IncomingLetter => ({
  channel: "web",
  category: "complaint",
  subject: "انقطاع الماء منذ ثلاثة أيام",
  message: `لا يصل الماء إلى منزلي منذ ثلاثة أيام. ${HOSTILE}`,
  sender: { name: "فاطمة الزهراء العمراني", nationalId: "AB123456", email: "fz@example.com" },
  locale: "ar",
  ...over,
});

let ipCounter = 0;
function guest(now = NOW, ip = `192.0.2.${++ipCounter}`) {
  const challenge = issueChallenge(now);
  return { kind: "guest" as const, ip, proof: { challenge, nonce: solveChallenge(challenge) } };
}

async function tables() {
  return {
    entries: await rowCount(db, "registry_entries"),
    attachments: await rowCount(db, "registry_attachments"),
    files: await rowCount(db, "files"),
    items: await rowCount(db, "work_items"),
    outbox: await rowCount(db, "outbox"),
  };
}

describe("a letter from deposit to reply", () => {
  it("registers, acknowledges, distributes, answers and shows the answer to the guest", async () => {
    const attachments = await checkAttachments([
      new File([PDF], "facture.pdf", { type: "application/pdf" }),
    ]);
    const filed = await registerIncoming(db, letter(), guest(), { attachments, now: NOW });
    expect(filed.registryNo).toMatch(/^ARR-2026-\d{6}$/);

    // Acknowledged by e-mail in the filing transaction, with the 60-day deadline.
    const [mail] = await db.select().from(outbox).where(eq(outbox.toAddress, "fz@example.com"));
    expect(mail!.template).toBe("registryAcknowledgement");
    expect(mail!.bodyText).toContain(filed.registryNo);
    expect(mail!.bodyText).toContain(filed.trackingCode);
    const due = new Date(filed.resolutionDueAt!);
    const days = (due.getTime() - NOW.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(55);
    expect(days).toBeLessThan(70);

    // The acknowledgement PDF lists the document with its fingerprint; markup stays text.
    const found = await getLetterForSender(db, {
      number: filed.registryNo,
      trackingCode: filed.trackingCode,
    });
    expect(found!.attachments[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const ack = await renderAcknowledgementPdfBuffer(
      acknowledgementDocument({
        entry: found!.entry,
        attachments: found!.attachments,
        trackingCode: filed.trackingCode,
        dueAt: due,
        utility: await getUtility(db),
        locale: "ar",
      }),
    );
    const ackText = pdfText(ack);
    expect(ackText).toContain(filed.registryNo);
    expect(ackText).toContain(found!.attachments[0]!.sha256);
    expect(ackText).toContain(filed.trackingCode);
    expect(found!.entry.body).toContain(HOSTILE);

    // Distribution: a lead department and a copy, each an item in its queue.
    const later = new Date(NOW.getTime() + 3600_000);
    const { items } = await distributeEntry(
      db,
      registryClerk,
      { entryId: filed.entryId, lead: "customer_relations", copies: ["billing"] },
      { now: later },
    );
    expect(items.map((i) => [i.departmentCode, i.lead])).toEqual([
      ["customer_relations", true],
      ["billing", false],
    ]);
    // A clerk outside the registry office cannot distribute: the letter is not found.
    expect(
      (
        await appErrorOf(
          distributeEntry(db, relationsClerk, {
            entryId: filed.entryId,
            lead: "billing",
            copies: [],
          }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    const [leadItem] = await db
      .select()
      .from(workItems)
      .where(eq(workItems.number, items[0]!.number));

    // Reply: drafted by the department, approved by its supervisor, registered by the office.
    const draft = await draftReply(
      db,
      relationsClerk,
      {
        itemId: leadItem!.id,
        locale: "ar",
        subject: "جواب على شكايتكم",
        body: `عاد التزويد بالماء. ${HOSTILE}`,
      },
      { now: later },
    );
    expect((await appErrorOf(approveReply(db, relationsClerk, draft.id))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(registerReply(db, registryClerk, draft.id))).code).toBe(
      "INVALID_TRANSITION",
    );
    await approveReply(db, supervisor, draft.id, { now: later });
    expect((await appErrorOf(registerReply(db, relationsClerk, draft.id))).code).toBe("NOT_FOUND");
    const { outgoingNo } = await registerReply(db, registryClerk, draft.id, { now: later });
    expect(outgoingNo).toBe("DEP-2026-000001");

    // The guest reads it with the number and code: status, timeline and the letter.
    const tracked = await getCustomerItem(db, {
      number: filed.registryNo,
      trackingCode: filed.trackingCode,
    });
    expect(tracked!.item.status).toBe("resolved");
    expect(tracked!.events.map((e) => e.messageKey)).toEqual([
      "created",
      "registryDistributed",
      "registryReplied",
    ]);
    expect(tracked!.events.at(-1)!.body).toContain(HOSTILE);
    const withReply = await getLetterForSender(db, {
      number: filed.registryNo,
      trackingCode: filed.trackingCode,
    });
    expect(withReply!.reply!.registryNo).toBe(outgoingNo);
    const letterPdf = await renderReplyLetterPdfBuffer(
      replyLetterDocument({
        outgoing: withReply!.reply!,
        incoming: withReply!.entry,
        utility: await getUtility(db),
      }),
    );
    expect(pdfText(letterPdf)).toContain(outgoingNo);
    // Printed as the characters typed (in an Arabic line the bidi algorithm moves the neutral
    // "<" and ";--" around the Latin run, as a browser would).
    expect(pdfText(letterPdf)).toContain(`alert("x")</script><img src=x onerror=alert(1)>`);
    const mails = await db.select().from(outbox).where(eq(outbox.toAddress, "fz@example.com"));
    expect(mails.map((m) => m.template)).toEqual(["registryAcknowledgement", "registryReply"]);

    // Where is it: both departments' items, the lead resolved.
    const detail = await getRegistryEntry(db, registryClerk, filed.entryId);
    expect(detail!.distributions.map((d) => [d.departmentCode, d.status])).toEqual([
      ["customer_relations", "resolved"],
      ["billing", "new"],
    ]);
    expect(detail!.reply!.outgoingNo).toBe(outgoingNo);
  });
});

describe("the answer deadline", () => {
  it("escalates a letter left unanswered past its 60 days through the engine", async () => {
    const filed = await registerIncoming(db, letter(), guest(), { now: NOW });
    const due = new Date(filed.resolutionDueAt!);
    const before = await runEscalations(db, new Date(NOW.getTime() + 86_400_000));
    expect(before.fired.filter((f) => f.itemId === filed.itemId)).toEqual([]);
    const after = await runEscalations(db, new Date(due.getTime() + 3 * 86_400_000));
    expect(after.fired.some((f) => f.itemId === filed.itemId)).toBe(true);
    const [item] = await db.select().from(workItems).where(eq(workItems.id, filed.itemId));
    expect(item!.escalationLevel).toBeGreaterThan(0);
  });
});

describe("a signed-in customer's letter", () => {
  it("needs no proof of work and is listed under My requests", async () => {
    const customer = await userByEmail(db, "customer@wasla.example");
    const filed = await registerIncoming(
      db,
      letter({ sender: { name: customer.name, nationalId: "AB123456", email: customer.email } }),
      { kind: "customer", user: customer },
      { now: NOW },
    );
    const mine = await listCustomerItems(db, { userId: customer.id });
    expect(mine.map((i) => i.number)).toContain(filed.registryNo);
    const byAccount = await getLetterForSender(db, {
      number: filed.registryNo,
      userId: customer.id,
    });
    expect(byAccount!.entry.customerUserId).toBe(customer.id);
    // Someone else's account finds nothing.
    expect(
      await getLetterForSender(db, { number: filed.registryNo, userId: relationsClerk.id }),
    ).toBeUndefined();
  });
});

describe("bad input", () => {
  const form = {
    senderName: "Sara Alaoui",
    nationalId: "ab 123456",
    email: "sara@example.com",
    phone: "",
    contractNo: "",
    category: "request",
    subject: "Copie de contrat",
    message: "Merci de m'envoyer une copie.",
    consent: "on",
  };
  const fieldsOf = (input: unknown) => {
    const r = depositSchema.safeParse(input);
    return r.success
      ? {}
      : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("accepts a good letter, the CIN canonicalised", () => {
    const r = depositSchema.parse(form);
    expect(r.nationalId).toBe("AB123456");
  });

  it.each([
    ["a missing subject", { subject: "  " }, { subject: "required" }],
    [
      "a 100,000-character message",
      { message: "x".repeat(100_000) },
      { message: "messageTooLong" },
    ],
    ["no phone and no e-mail", { email: "", phone: "" }, { email: "contactRequired" }],
    ["no consent", { consent: undefined }, { consent: "consentRequired" }],
    [
      "a national ID that is markup",
      { nationalId: "<b>1</b>" },
      { nationalId: "nationalIdInvalid" },
    ],
    [
      "a name that is a script",
      { senderName: "<script>x</script>" },
      { senderName: "nameInvalid" },
    ],
    ["an unknown category", { category: "spam" }, { category: "required" }],
  ])("refuses %s with its own message", (_, change, expected) => {
    expect(fieldsOf({ ...form, ...change })).toMatchObject(expected);
  });

  it("refuses an attachment whose content is not what its name and type claim, storing nothing", async () => {
    const before = await tables();
    const liar = new File(
      [new TextEncoder().encode("<html><script>alert(1)</script></html>")],
      "scan.pdf",
      {
        type: "application/pdf",
      },
    );
    const good = new File([PDF], "ok.pdf", { type: "application/pdf" });
    const error = await appErrorOf(checkAttachments([good, liar]));
    expect(error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(error.fields).toEqual({ attachments: "attachmentType" });
    const tooMany = await appErrorOf(checkAttachments(Array.from({ length: 11 }, () => good)));
    expect(tooMany.fields).toEqual({ attachments: "tooManyAttachments" });
    expect(await tables()).toEqual(before);
  });

  it("refuses a deposit without a proof of work, or with one already used, storing nothing", async () => {
    const before = await tables();
    const noProof = await appErrorOf(
      registerIncoming(
        db,
        letter(),
        { kind: "guest", ip: "198.51.100.1", proof: {} },
        { now: NOW },
      ),
    );
    expect(noProof.fields).toEqual({ proof: "proofInvalid" });
    const g = guest();
    await registerIncoming(db, letter(), g, { now: NOW });
    const mid = await tables();
    const reused = await appErrorOf(
      registerIncoming(db, letter({ subject: "autre" }), g, { now: NOW }),
    );
    expect(reused.fields).toEqual({ proof: "proofReused" });
    expect(await tables()).toEqual(mid);
    expect(mid.entries).toBe(before.entries + 1);
  });

  it("files a double click once (same idempotency key, same proof)", async () => {
    const g = guest();
    const [a, b] = await Promise.all([
      registerIncoming(db, letter(), g, { now: NOW, idempotencyKey: "click-1" }),
      registerIncoming(db, letter(), g, { now: NOW, idempotencyKey: "click-1" }),
    ]);
    expect(a.registryNo).toBe(b.registryNo);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    const rows = await db
      .select()
      .from(registryEntries)
      .where(eq(registryEntries.registryNo, a.registryNo));
    expect(rows).toHaveLength(1);
  });

  it("limits anonymous deposits from one address to 10 an hour", async () => {
    const ip = "203.0.113.77";
    for (let i = 0; i < 10; i++) await registerIncoming(db, letter(), guest(NOW, ip), { now: NOW });
    expect(
      (await appErrorOf(registerIncoming(db, letter(), guest(NOW, ip), { now: NOW }))).code,
    ).toBe("RATE_LIMITED");
  });

  it("gives no hint whether a number exists when the tracking code is wrong", async () => {
    const filed = await registerIncoming(db, letter(), guest(), { now: NOW });
    const wrong = { number: filed.registryNo, trackingCode: "WRONGCODE" };
    const unknown = { number: "ARR-2026-999999", trackingCode: filed.trackingCode };
    expect(await getLetterForSender(db, wrong)).toBeUndefined();
    expect(await getLetterForSender(db, unknown)).toBeUndefined();
    expect(await getCustomerItem(db, wrong)).toBeUndefined();
    expect(await getCustomerItem(db, unknown)).toBeUndefined();
  });

  it("never edits or deletes an entry: corrections are annotations", async () => {
    const filed = await registerIncoming(db, letter(), guest(), { now: NOW });
    const update = await pgErrorOf(
      db.execute(sql`update registry_entries set subject = 'changed' where id = ${filed.entryId}`),
    );
    expect(update.message).toContain("append-only");
    const remove = await pgErrorOf(
      db.execute(sql`delete from registry_entries where id = ${filed.entryId}`),
    );
    expect(remove.message).toContain("append-only");
    await annotateEntry(db, registryClerk, {
      entryId: filed.entryId,
      body: "CIN corrigée : AB123457",
    });
    const detail = await getRegistryEntry(db, registryClerk, filed.entryId);
    expect(detail!.annotations.map((a) => a.body)).toEqual(["CIN corrigée : AB123457"]);
    expect(detail!.entry.subject).toBe(letter().subject);
    // Staff of other departments do not see the register at all.
    expect(await getRegistryEntry(db, relationsClerk, filed.entryId)).toBeUndefined();
  });
});
