import type { DocLocale, DocUtility } from "./bill-document";

/** Labels of the mail registry's documents, from the `registry.pdf` catalogue. */
export type RegistryLabels = Record<
  | "ackTitle"
  | "number"
  | "registeredAt"
  | "channel"
  | "sender"
  | "nationalId"
  | "contact"
  | "contractNo"
  | "letter"
  | "category"
  | "subject"
  | "attachments"
  | "noAttachments"
  | "colName"
  | "colSize"
  | "colSha"
  | "due"
  | "trackingCode"
  | "qrTitle"
  | "qrHint"
  | "footer"
  | "letterRefs"
  | "ourRef"
  | "yourLetter"
  | "yourLetterDate"
  | "date"
  | "to"
  | "object"
  | "signature"
  | "letterFooter",
  string
>;

/** The acknowledgement of an incoming letter, every value already formatted for its language. */
export type AcknowledgementDocument = {
  locale: DocLocale;
  labels: RegistryLabels;
  utility: DocUtility;
  registryNo: string;
  registeredAt: string;
  channel: string;
  sender: { name: string; nationalId?: string; contact: string; contractNo?: string };
  category: string;
  subject: string;
  attachments: { name: string; size: string; sha256: string }[];
  due: string;
  trackingCode: string;
  trackUrl: string;
};

/** A reply registered in the outgoing register, as a letter on the utility's letterhead. */
export type ReplyLetterDocument = {
  locale: DocLocale;
  labels: RegistryLabels;
  utility: DocUtility;
  outgoingNo: string;
  date: string;
  incomingNo: string;
  incomingDate: string;
  addressee: string;
  subject: string;
  body: string;
};
