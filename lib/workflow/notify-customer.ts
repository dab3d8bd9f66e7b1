import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users, type WorkItem } from "@/db/schema";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { enqueueEmail } from "@/lib/notify/outbox";
import type { EmailTemplates } from "@/lib/notify/render-email";
import { itemLink } from "./links";

type ItemTemplate =
  "itemReply" | "infoRequested" | "itemResolved" | "deadlineSlipped" | "registryReply";

/**
 * E-mail the item's customer (account holder, else the guest's contact address) in their
 * language, in the caller's transaction. `params` gets name, number and link filled in.
 */
export async function notifyCustomer<T extends ItemTemplate>(
  tx: DbOrTx,
  item: WorkItem,
  template: T,
  params: (
    locale: Locale,
  ) => Omit<EmailTemplates[T], "name" | "number" | "link"> & { link?: string },
): Promise<void> {
  let to: { email: string; name: string; locale: Locale } | null = null;
  if (item.customerUserId) {
    const [u] = await tx
      .select({ email: users.email, name: users.name, locale: users.locale })
      .from(users)
      .where(eq(users.id, item.customerUserId));
    if (u) to = u;
  }
  if (!to && item.contactEmail)
    to = {
      email: item.contactEmail,
      name: item.contactName ?? "",
      locale: isLocale(item.locale) ? item.locale : "ar",
    };
  if (!to) return;
  const link = itemLink(to.locale, {
    number: item.number,
    trackingCode: item.trackingCode,
    hasAccount: !!item.customerUserId,
  });
  await enqueueEmail(tx, {
    to: to.email,
    locale: to.locale,
    template,
    params: { ...params(to.locale), name: to.name, number: item.number, link } as EmailTemplates[T],
  });
}
