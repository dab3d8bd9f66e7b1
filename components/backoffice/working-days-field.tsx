"use client";

import { useState } from "react";

type Preset = { label: string; days: readonly number[] };

/**
 * Working-day checkboxes (day1 … day7, ISO weekdays) with buttons that tick a country's usual
 * week; the admin still saves the form. Without JavaScript the checkboxes work on their own.
 */
export function WorkingDaysField({
  legend,
  presetsLabel,
  weekdays,
  initial,
  presets,
}: {
  legend: string;
  presetsLabel: string;
  /** In the reader's week order: Monday first in Morocco, with the locale's day names. */
  weekdays: { day: number; name: string }[];
  initial: number[];
  presets: Preset[];
}) {
  const [days, setDays] = useState(() => new Set(initial));
  const toggle = (day: number, on: boolean) =>
    setDays((current) => {
      const next = new Set(current);
      if (on) next.add(day);
      else next.delete(day);
      return next;
    });
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="text-sm font-semibold text-slate-800">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {weekdays.map(({ day, name }) => (
          <label
            key={day}
            className="flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 text-sm has-checked:border-brand-600 has-checked:bg-brand-50"
          >
            <input
              type="checkbox"
              name={`day${day}`}
              checked={days.has(day)}
              onChange={(e) => toggle(day, e.target.checked)}
              className="size-4"
            />
            {name}
          </label>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600">{presetsLabel}</span>
        {presets.map((preset) => (
          <button
            key={preset.label}
            type="button"
            onClick={() => setDays(new Set(preset.days))}
            className="min-h-10 rounded-lg border border-brand-600 px-3 font-semibold text-brand-800 hover:bg-brand-50"
          >
            {preset.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
