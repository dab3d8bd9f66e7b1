import { getTranslations } from "next-intl/server";
import { LOCALES, type Locale } from "@/lib/i18n/locales";

/** The receipt PDF in each language, the reader's own first. */
export async function ReceiptDownloads({
  paymentId,
  receiptNo,
  locale,
}: {
  paymentId: string;
  receiptNo: string;
  locale: Locale;
}) {
  const t = await getTranslations("receipts");
  const order = [locale, ...LOCALES.filter((l) => l !== locale)];
  return (
    <ul className="flex flex-wrap items-center gap-2" aria-label={t("download")}>
      {order.map((lang) => (
        <li key={lang}>
          <a
            href={`/api/payments/${paymentId}/receipt.pdf?lang=${lang}`}
            download={`${receiptNo}-${lang}.pdf`}
            hrefLang={lang}
            aria-label={t("downloadIn", { language: t(`language.${lang}`) })}
            className="inline-flex min-h-11 items-center gap-1 rounded-lg border border-slate-300 bg-white px-3 text-sm font-semibold text-brand-700 hover:border-brand-600"
          >
            <span aria-hidden="true">PDF</span>
            <span lang={lang}>{t(`language.${lang}`)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
