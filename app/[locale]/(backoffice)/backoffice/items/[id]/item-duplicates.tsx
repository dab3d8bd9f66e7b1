import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { Link } from "@/lib/i18n/navigation";
import type { possibleDuplicates } from "@/lib/workflow/queries";

/** Open items from the same contract and of the same kind filed around the same time. */
export function ItemDuplicates({
  duplicates,
}: {
  duplicates: Awaited<ReturnType<typeof possibleDuplicates>>;
}) {
  const t = useTranslations("backoffice.item");
  if (!duplicates.length) return null;
  return (
    <Card>
      <h2 className="mb-2 font-bold">{t("duplicates")}</h2>
      <ul className="flex flex-col gap-1 text-sm">
        {duplicates.map((d) => (
          <li key={d.id}>
            <Link
              href={`/backoffice/items/${d.id}`}
              className="ltr-nums font-mono text-brand-700 underline"
            >
              {d.number}
            </Link>{" "}
            {d.title}
          </li>
        ))}
      </ul>
    </Card>
  );
}
