import type { RegistryAttachment, RegistryEntry, Utility } from "@/db/schema";
import { docUtility } from "@/lib/billing/documents";
import type {
  AcknowledgementDocument,
  RegistryLabels,
  ReplyLetterDocument,
} from "@/lib/documents/registry-document";
import { formatDate, formatDateTime, intlTag } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { registryLinks } from "./links";

/** "2.4 MB", "380 KB": a document's size as people read it. */
export function formatSize(bytes: number, locale: Locale): string {
  const n = new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: 1 });
  const unit = (u: "megabyte" | "kilobyte" | "byte", v: number) =>
    new Intl.NumberFormat(intlTag(locale), {
      style: "unit",
      unit: u,
      unitDisplay: "short",
      maximumFractionDigits: 1,
    }).format(v) || n.format(v);
  if (bytes >= 1024 * 1024) return unit("megabyte", bytes / (1024 * 1024));
  if (bytes >= 1024) return unit("kilobyte", bytes / 1024);
  return unit("byte", bytes);
}

function labels(locale: Locale): RegistryLabels {
  return MESSAGES[locale].registry.pdf;
}

/** The acknowledgement's data in one language, from the stored entry: never re-typed. */
export function acknowledgementDocument(input: {
  entry: RegistryEntry;
  attachments: RegistryAttachment[];
  trackingCode: string;
  dueAt: Date | null;
  utility: Utility;
  locale: Locale;
}): AcknowledgementDocument {
  const { entry, locale, utility } = input;
  const m = MESSAGES[locale].registry;
  const tz = utility.timeZone;
  return {
    locale,
    labels: labels(locale),
    utility: docUtility(utility, locale),
    registryNo: entry.registryNo,
    registeredAt: formatDateTime(entry.registeredAt, locale, tz),
    channel: m.channel[entry.channel],
    sender: {
      name: entry.partyName,
      nationalId: entry.partyNationalId ?? undefined,
      contact: [entry.partyPhone, entry.partyEmail].filter(Boolean).join(" · "),
      contractNo: entry.contractNo ?? undefined,
    },
    category: m.category[entry.category],
    subject: entry.subject,
    attachments: input.attachments.map((a) => ({
      name: a.name,
      size: formatSize(a.size, locale),
      sha256: a.sha256,
    })),
    due: input.dueAt ? formatDate(input.dueAt, locale, tz) : "—",
    trackingCode: input.trackingCode,
    trackUrl: registryLinks(locale, { number: entry.registryNo, trackingCode: input.trackingCode })
      .track,
  };
}

/** A registered reply as a letter, in the language it was written in. */
export function replyLetterDocument(input: {
  outgoing: RegistryEntry;
  incoming: RegistryEntry;
  utility: Utility;
}): ReplyLetterDocument {
  const { outgoing, incoming, utility } = input;
  const locale = outgoing.locale;
  const tz = utility.timeZone;
  return {
    locale,
    labels: labels(locale),
    utility: docUtility(utility, locale),
    outgoingNo: outgoing.registryNo,
    date: formatDate(outgoing.registeredAt, locale, tz),
    incomingNo: incoming.registryNo,
    incomingDate: formatDate(incoming.registeredAt, locale, tz),
    addressee: outgoing.partyName,
    subject: outgoing.subject,
    body: outgoing.body,
  };
}
