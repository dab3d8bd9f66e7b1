import { MESSAGES } from "@/lib/i18n/messages";
import type { DocLocale } from "./bill-document";
import type { AcknowledgementDocument, ReplyLetterDocument } from "./registry-document";

/** Sample mail registry documents for tests and previews, with hostile markup in them. */
export const HOSTILE = `<script>alert("x")</script> <b>gras</b>`;
export const SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

const UTILITY = {
  ar: { name: "وكالة وصلة لتوزيع الماء والكهرباء", address: "شارع محمد الخامس، الجديدة" },
  fr: {
    name: "Régie Wasla de distribution d'eau et d'électricité",
    address: "Avenue Mohammed V, El Jadida",
  },
  en: { name: "Wasla Utility", address: "Avenue Mohammed V, El Jadida" },
};

export function sampleAcknowledgement(locale: DocLocale, attachments = 2): AcknowledgementDocument {
  const m = MESSAGES[locale].registry;
  return {
    locale,
    labels: m.pdf,
    utility: UTILITY[locale],
    registryNo: "ARR-2026-000123",
    registeredAt: "12/05/2026 10:42",
    channel: m.channel.web,
    sender: {
      name: locale === "ar" ? "فاطمة الزهراء العمراني" : "Fatima-Zahra El Amrani",
      nationalId: "AB123456",
      contact: "0612345678 · fz@example.com",
    },
    category: m.category.complaint,
    subject:
      locale === "ar" ? `انقطاع الماء منذ ثلاثة أيام ${HOSTILE}` : `Coupure d'eau ${HOSTILE}`,
    attachments: Array.from({ length: attachments }, (_, i) => ({
      name: locale === "ar" ? `فاتورة-${i + 1}.pdf` : `facture-${i + 1}.pdf`,
      size: "1.2 MB",
      sha256: SHA,
    })),
    due: "11/07/2026",
    trackingCode: "K7M2P9QX",
    trackUrl: "http://localhost:3000/ar/track?number=ARR-2026-000123&code=K7M2P9QX",
  };
}

export function sampleLetter(locale: DocLocale, paragraphs = 3): ReplyLetterDocument {
  const m = MESSAGES[locale].registry;
  const para =
    locale === "ar"
      ? "نحيطكم علمًا بأن فرقنا التقنية تدخلت بتاريخ 14/05/2026 لإصلاح القناة الرئيسية، وقد عاد التزويد بالماء إلى حالته العادية."
      : "Nous vous informons que nos équipes techniques sont intervenues le 14/05/2026 pour réparer la conduite principale ; l'alimentation en eau est rétablie.";
  return {
    locale,
    labels: m.pdf,
    utility: UTILITY[locale],
    outgoingNo: "DEP-2026-000045",
    date: "20/05/2026",
    incomingNo: "ARR-2026-000123",
    incomingDate: "12/05/2026",
    addressee: locale === "ar" ? "فاطمة الزهراء العمراني" : "Fatima-Zahra El Amrani",
    subject: locale === "ar" ? "جواب على شكايتكم" : "Réponse à votre réclamation",
    body: [...Array.from({ length: paragraphs }, () => para), HOSTILE].join("\n\n"),
  };
}
