import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES, type Messages } from "@/lib/i18n/messages";

/** The reading-review panel's texts (ReadingReviewPanel's `labels` prop), from the catalogues. */
export type ReadingReviewLabels = Messages["backoffice"]["readingReview"];

/** The panel's labels in `locale`. */
export function readingReviewLabels(locale: Locale): ReadingReviewLabels {
  return MESSAGES[locale].backoffice.readingReview;
}
