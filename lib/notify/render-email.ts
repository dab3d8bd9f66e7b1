import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";

/** The e-mails the portal sends, and the values each one needs. */
export type EmailTemplates = {
  verifyEmail: { name: string; link: string };
  resetPassword: { name: string; link: string };
  accountExists: { name: string; link: string };
  passwordChanged: { name: string };
  itemReceived: { name: string; number: string; trackingCode: string; link: string };
  itemReply: { name: string; number: string; body: string; link: string };
  infoRequested: { name: string; number: string; body: string; link: string };
  itemResolved: { name: string; number: string; outcome: string; note: string; link: string };
  deadlineSlipped: { name: string; number: string; reason: string; due: string; link: string };
  staffNearBreach: { name: string; number: string; due: string; link: string };
  staffBreach: { name: string; number: string; due: string; link: string };
  readingReceived: {
    name: string;
    receiptNo: string;
    contractNo: string;
    verdict: string;
    consumption: string;
  };
  registryAcknowledgement: {
    name: string;
    number: string;
    trackingCode: string;
    due: string;
    link: string;
    pdfLink: string;
  };
  registryReply: {
    name: string;
    number: string;
    outgoingNo: string;
    link: string;
    pdfLink: string;
  };
  paymentReceipt: {
    name: string;
    receiptNo: string;
    amount: string;
    contractNo: string;
    receivedAt: string;
    bills: string;
    link: string;
    historyLink: string;
  };
};

export type EmailTemplate = keyof EmailTemplates;

/** Subject and plain-text body in the recipient's language, with the utility's signature. */
export function renderEmail<T extends EmailTemplate>(
  locale: Locale,
  template: T,
  params: EmailTemplates[T] & { utilityName: string },
): { subject: string; text: string } {
  const t = translator(locale);
  const values = params as Record<string, string>;
  return {
    subject: t(`email.${template}.subject` as never, values as never),
    text: `${t(`email.${template}.body` as never, values as never)}\n\n${t("email.signature", values as never)}`,
  };
}
