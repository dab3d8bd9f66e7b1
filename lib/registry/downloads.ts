import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { registryEntries, workItems } from "@/db/schema";
import type {
  AcknowledgementDocument,
  ReplyLetterDocument,
} from "@/lib/documents/registry-document";
import type { Locale } from "@/lib/i18n/locales";
import { getUtility } from "@/lib/utility/get-utility";
import type { Staff } from "@/lib/workflow/access";
import { registryStaffScope } from "./access";
import { listAttachments } from "./attachments";
import { acknowledgementDocument, replyLetterDocument } from "./documents";
import { getLetterForSender } from "./queries";

/** Who asks for a letter's documents: its sender (number + code, or their account) or staff. */
export type LetterAccess =
  { number: string; trackingCode?: string; userId?: string } | { entryId: string; staff: Staff };

/** The incoming entry and its item's code and deadline, when the caller may see them. */
async function incomingFor(db: DbOrTx, access: LetterAccess) {
  if ("number" in access) {
    const found = await getLetterForSender(db, access);
    if (!found) return undefined;
    return { entry: found.entry, attachments: found.attachments, reply: found.reply };
  }
  const [entry] = await db
    .select()
    .from(registryEntries)
    .where(and(eq(registryEntries.id, access.entryId), registryStaffScope(access.staff)));
  if (!entry) return undefined;
  const incoming =
    entry.direction === "incoming"
      ? entry
      : (
          await db.select().from(registryEntries).where(eq(registryEntries.id, entry.inReplyToId!))
        )[0];
  if (!incoming) return undefined;
  return {
    entry: incoming,
    attachments: await listAttachments(db, incoming.id),
    reply: entry.direction === "outgoing" ? entry : null,
  };
}

/** The acknowledgement of an incoming letter in a language, or undefined (404 alike). */
export async function acknowledgementFor(
  db: DbOrTx,
  access: LetterAccess,
  locale?: Locale,
): Promise<{ document: AcknowledgementDocument; filename: string } | undefined> {
  const found = await incomingFor(db, access);
  if (!found) return undefined;
  const [item] = await db
    .select({ trackingCode: workItems.trackingCode, dueAt: workItems.resolutionDueAt })
    .from(workItems)
    .where(eq(workItems.number, found.entry.registryNo));
  if (!item) return undefined;
  const lang = locale ?? found.entry.locale;
  return {
    document: acknowledgementDocument({
      entry: found.entry,
      attachments: found.attachments,
      trackingCode: item.trackingCode,
      dueAt: item.dueAt,
      utility: await getUtility(db),
      locale: lang,
    }),
    filename: `${found.entry.registryNo}-${lang}.pdf`,
  };
}

/** The registered reply to a letter as its PDF letter (in the language it was written in). */
export async function replyLetterFor(
  db: DbOrTx,
  access: LetterAccess,
): Promise<{ document: ReplyLetterDocument; filename: string } | undefined> {
  const found = await incomingFor(db, access);
  if (!found?.reply) return undefined;
  return {
    document: replyLetterDocument({
      outgoing: found.reply,
      incoming: found.entry,
      utility: await getUtility(db),
    }),
    filename: `${found.reply.registryNo}.pdf`,
  };
}
