import type { DbOrTx } from "@/db/client";
import { formatMoney } from "@/lib/billing/present";
import { renderConnectionPdfBuffer, type ConnectionPdf } from "@/lib/documents/connection-pdf";
import { env } from "@/lib/env";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { getUtility, utilityAddress, utilityName } from "@/lib/utility/get-utility";
import type { RequestDetail } from "./queries";
import { localName } from "./types";

async function common(db: DbOrTx, d: RequestDetail, locale: Locale) {
  const t = translator(locale);
  const utility = await getUtility(db);
  const applicant = d.request.applicant as Record<string, string>;
  const tracking = `${env().APP_URL}/${locale}/track?number=${encodeURIComponent(d.item.number)}&code=${encodeURIComponent(d.item.trackingCode)}`;
  return {
    t,
    tz: utility.timeZone,
    base: {
      locale,
      utility: {
        name: utilityName(utility, locale),
        address: utilityAddress(utility, locale),
        phone: utility.phone ?? undefined,
        website: utility.email ?? undefined,
      },
      blocks: [
        {
          title: t("connections.pdf.applicant"),
          fields: [
            ["", applicant.name],
            [t("connections.form.nationalId"), applicant.nationalId],
            [t("connections.form.phone"), applicant.phone],
            [t("connections.form.email"), applicant.email],
          ],
        },
        {
          title: t("connections.pdf.request"),
          fields: [
            ["", localName(d.type, locale)],
            [t("connections.form.service"), t(`connections.service.${d.request.service}`)],
            [t("connections.form.address"), `${d.request.addressLine}, ${d.request.city}`],
            [t("connections.form.use"), t(`connections.use.${d.request.use}` as never)],
          ],
        },
      ] as ConnectionPdf["blocks"],
      qr: {
        url: tracking,
        title: t("connections.pdf.trackTitle"),
        hint: t("connections.pdf.trackHint", { code: d.item.trackingCode }),
      },
      footer: t("connections.pdf.footer"),
    },
  };
}

/**
 * The acknowledgement of filing: number, date and time, the documents received (with the name
 * each file was given), the next step and its deadline, and a QR code to the tracking page.
 */
export async function renderAcknowledgement(
  db: DbOrTx,
  d: RequestDetail,
  locale: Locale,
): Promise<Buffer> {
  const { t, tz, base } = await common(db, d, locale);
  const required = d.type.documents;
  const rows: [string, string][] = required.map((doc) => {
    const given = d.documents.find((g) => g.docCode === doc.code && g.hasFile);
    return [
      localName(doc, locale),
      given ? (given.fileName ?? t("connections.pdf.received")) : t("connections.pdf.notGiven"),
    ];
  });
  const firstStep = d.type.family === "termination" ? "final_reading" : "documents_checked";
  return renderConnectionPdfBuffer({
    ...base,
    title: t("connections.pdf.ackTitle"),
    headerFields: [
      [t("connections.number"), d.item.number],
      [t("connections.pdf.filedAt"), formatDateTime(d.item.createdAt, locale, tz)],
    ],
    table: {
      title: t("connections.pdf.documentsReceived"),
      columns: [t("connections.pdf.document"), t("connections.pdf.file")],
      rows,
    },
    next: {
      title: t("connections.pdf.nextStep"),
      lines: [
        t(`connections.stages.${firstStep}` as never),
        t("connections.pdf.decisionBy", {
          date: d.item.resolutionDueAt ? formatDate(d.item.resolutionDueAt, locale, tz) : "—",
        }),
        t("connections.pdf.oneRequest"),
      ],
    },
  });
}

/** The quote: its lines from the price list, the total, and how to pay it online. */
export async function renderQuote(
  db: DbOrTx,
  d: RequestDetail,
  locale: Locale,
): Promise<Buffer | null> {
  const quote = d.quotes.find((q) => q.status !== "cancelled");
  if (!quote) return null;
  const { t, tz, base } = await common(db, d, locale);
  const money = (minor: number) => formatMoney(minor, quote.currency, locale);
  return renderConnectionPdfBuffer({
    ...base,
    title: t("connections.pdf.quoteTitle"),
    headerFields: [
      [t("connections.pdf.quoteNo"), quote.number],
      [t("connections.number"), d.item.number],
      [t("connections.pdf.issuedAt"), formatDate(quote.issuedAt, locale, tz)],
      [
        t("connections.stage"),
        t(quote.status === "paid" ? "connections.paid" : "connections.pdf.toPay"),
      ],
    ],
    table: {
      title: t("connections.quote"),
      columns: [t("connections.pdf.line"), t("connections.pdf.amount")],
      rows: quote.lines
        .filter((l) => l.amountMinor > 0)
        .map((l) => [t(`connections.quoteLines.${l.kind}`), money(l.amountMinor)]),
      total: [t("connections.total"), money(quote.totalMinor)],
    },
    next: {
      title: t("connections.pdf.howToPay"),
      lines: [t("connections.pdf.payOnline"), t("connections.pdf.depositBack")],
    },
  });
}
