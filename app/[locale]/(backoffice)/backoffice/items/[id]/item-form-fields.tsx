/** Classes shared by the item page's forms, so every field and label looks the same. */
export const fieldClass = "w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base";
export const labelClass = "text-sm font-semibold text-slate-800";

/** The hidden field each item action reads to know which item it acts on. */
export function ItemIdField({ itemId }: { itemId: string }) {
  return <input type="hidden" name="itemId" value={itemId} />;
}

/** A required free-text field (a reply, a note, a reason) with its visible label. */
export function TextAreaField({ name, id, label }: { name: string; id: string; label: string }) {
  return (
    <>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <textarea id={id} name={name} rows={3} maxLength={5000} required className={fieldClass} />
    </>
  );
}
