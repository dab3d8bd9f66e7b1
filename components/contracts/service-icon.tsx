/** Pictograms that need no words: a bolt for electricity, a drop for water and sanitation. */
export function ServiceIcon({
  service,
  className = "size-6",
}: {
  service: "electricity" | "water" | "sanitation";
  className?: string;
}) {
  if (service === "electricity") {
    return (
      <svg
        viewBox="0 0 24 24"
        aria-hidden="true"
        className={`${className} text-amber-500`}
        fill="currentColor"
      >
        <path d="M13 2 4 14h7l-1 8 9-12h-7l1-8z" />
      </svg>
    );
  }
  return (
    <svg
      viewBox="0 0 24 24"
      aria-hidden="true"
      className={`${className} ${service === "water" ? "text-sky-600" : "text-teal-700"}`}
      fill="currentColor"
    >
      <path d="M12 2.5S5 10.2 5 14.5a7 7 0 0 0 14 0C19 10.2 12 2.5 12 2.5z" />
    </svg>
  );
}
