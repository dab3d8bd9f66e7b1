import { toCsv } from "@/lib/billing/csv";
import type { Locale } from "@/lib/i18n/locales";
import type { ClerkFigures } from "./clerks";
import type { Dashboard } from "./dashboard";
import { FIGURES, type ReportsT } from "./present";

type Row = (string | number | null | undefined)[];

const round = (v: number | null, digits: number) => (v === null ? null : Number(v.toFixed(digits)));

/**
 * Every table of the dashboard in one CSV: each table opens with its title and its header,
 * and a blank line separates them. Figures are raw (rates 0–1, business minutes) so that a
 * spreadsheet can compute with them; the labels are in the reader's language.
 */
export function dashboardCsv(
  data: Dashboard,
  clerks: ClerkFigures[],
  locale: Locale,
  t: ReportsT,
): string {
  const kindName = (k: { nameAr: string; nameFr: string; nameEn: string }) =>
    locale === "ar" ? k.nameAr : locale === "fr" ? k.nameFr : k.nameEn;
  const table = (title: string, header: string[], rows: Row[]): Row[] => [
    [`${t("csv.section")}: ${title}`],
    header,
    ...rows,
    [],
  ];
  const rows: Row[] = [
    [`${data.period.from} – ${data.period.to}`, `${data.previous.from} – ${data.previous.to}`],
    [],
    ...table(
      t("csv.headline"),
      [t("csv.figure"), t("csv.current"), t("csv.previous")],
      FIGURES.map((f) => [
        t(`figures.${f.key}`),
        round(f.pick(data.current), 4),
        round(f.pick(data.before), 4),
      ]),
    ),
    ...table(
      t("csv.ageing"),
      [t("csv.fromDays"), t("csv.toDays"), t("csv.count")],
      data.ageing.map((b) => [b.fromDays, b.toDays, b.count]),
    ),
    ...table(
      t("csv.kinds"),
      [t("csv.kind"), t("csv.count")],
      data.kinds.map((k) => [kindName(k), k.count]),
    ),
    ...table(
      t("csv.keywords"),
      [t("csv.keyword"), t("csv.count")],
      data.keywords.map((k) => [k.key, k.count]),
    ),
    ...table(
      t("csv.volumes"),
      [t("csv.day"), t("csv.channel"), t("csv.count")],
      data.volumes.map((v) => [v.day, v.channel, v.count]),
    ),
    ...table(
      t("csv.backlog"),
      [t("csv.day"), t("csv.open")],
      data.backlog.map((b) => [b.day, b.open]),
    ),
    ...table(
      t("csv.distribution"),
      [t("csv.from"), t("csv.to"), t("csv.count")],
      data.distribution.map((d) => [d.from, d.to, d.count]),
    ),
    ...table(
      t("csv.satisfaction"),
      [t("csv.day"), t("csv.ratings"), t("csv.quality"), t("csv.speed")],
      data.satisfaction.map((s) => [s.bucket, s.ratings, round(s.quality, 2), round(s.speed, 2)]),
    ),
    ...table(
      t("csv.clerks"),
      [
        t("csv.clerk"),
        t("csv.handled"),
        t("csv.median"),
        t("csv.onTime"),
        t("csv.ratings"),
        t("csv.quality"),
        t("csv.speed"),
      ],
      clerks.map((c) => [
        c.name,
        c.handled,
        c.medianMinutes,
        round(c.onTimeRate, 4),
        c.ratings,
        round(c.quality, 2),
        round(c.speed, 2),
      ]),
    ),
  ];
  return toCsv(rows);
}
