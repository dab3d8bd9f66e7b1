/* eslint-disable @next/next/no-img-element -- a tiny SVG: next/image would add nothing */
import { Link } from "@/lib/i18n/navigation";

export function Brand({ name, logo, href = "/" }: { name: string; logo: string; href?: string }) {
  return (
    <Link href={href} className="flex min-w-0 items-center gap-2 font-bold text-brand-900">
      <img src={logo} alt="" width={36} height={36} className="size-9 shrink-0" />
      {/* Two lines before an ellipsis: on a phone the French name was cut to "Régie Wasla de distri…". */}
      <span className="line-clamp-2 text-base leading-snug sm:text-lg">{name}</span>
    </Link>
  );
}
