import { getTranslations } from "next-intl/server";

/** Quality and speed, 1 to 5 each, as big tappable choices; plus an optional comment. */
export async function RatingFields() {
  const t = await getTranslations("requests");
  return (
    <>
      {(["quality", "speed"] as const).map((field) => (
        <fieldset key={field} className="flex flex-col gap-1">
          <legend className="text-sm font-semibold">{t(field)}</legend>
          <div className="flex flex-wrap gap-2">
            {[1, 2, 3, 4, 5].map((n) => (
              <label
                key={n}
                className="flex min-h-11 min-w-11 cursor-pointer items-center justify-center gap-1 rounded-lg border border-slate-300 px-3 has-checked:border-brand-700 has-checked:bg-brand-50"
              >
                <input type="radio" name={field} value={n} required className="sr-only" />
                <span aria-hidden="true">★</span>
                <span className="ltr-nums">{n}</span>
                <span className="sr-only">{t("stars", { count: n })}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <label htmlFor="rating-comment" className="text-sm font-semibold">
        {t("comment")}
      </label>
      <textarea
        id="rating-comment"
        name="comment"
        rows={2}
        maxLength={2000}
        className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
      />
    </>
  );
}
