import { and, asc, eq, lt, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { outbox } from "@/db/schema";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { getUtility, utilityName } from "@/lib/utility/get-utility";
import { renderEmail, type EmailTemplate, type EmailTemplates } from "./render-email";
import { getMailTransport, type MailTransport } from "./transport";

/**
 * Queue an e-mail in the caller's transaction: it exists exactly when the change it reports
 * commits. Without SMTP it is stored for good ("stored") and shown in the back-office outbox.
 */
export async function enqueueEmail<T extends EmailTemplate>(
  tx: DbOrTx,
  message: { to: string; locale: Locale; template: T; params: EmailTemplates[T] },
): Promise<void> {
  const utility = await getUtility(tx);
  const name = utilityName(utility, message.locale);
  const { subject, text } = renderEmail(message.locale, message.template, {
    ...message.params,
    utilityName: name,
  });
  await tx.insert(outbox).values({
    toAddress: message.to,
    locale: message.locale,
    template: message.template,
    subject,
    bodyText: text,
    status: env().SMTP_URL ? "pending" : "stored",
  });
}

const MAX_ATTEMPTS = 8;

/**
 * Send what is pending through SMTP. Rows are claimed with SKIP LOCKED so several workers never
 * send one message twice; a failure is counted and retried on the next pass.
 */
export async function deliverPendingEmail(
  db: Db,
  transport: MailTransport | null = getMailTransport(),
  batch = 20,
): Promise<number> {
  if (!transport) return 0;
  let sent = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(outbox)
        .where(and(eq(outbox.status, "pending"), lt(outbox.attempts, MAX_ATTEMPTS)))
        .orderBy(asc(outbox.createdAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!row) return true;
      try {
        await transport.send({ to: row.toAddress, subject: row.subject, text: row.bodyText });
        await tx
          .update(outbox)
          .set({ status: "sent", sentAt: sql`now()`, attempts: row.attempts + 1 })
          .where(eq(outbox.id, row.id));
        sent++;
      } catch (error) {
        const attempts = row.attempts + 1;
        await tx
          .update(outbox)
          .set({
            attempts,
            lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
            status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
          })
          .where(eq(outbox.id, row.id));
        return true; // stop this pass: the server is probably down, retry later
      }
      return sent >= batch;
    });
    if (done) return sent;
  }
}
