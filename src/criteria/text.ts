/**
 * Small helpers that turn numbers and lists into the words of a reason sentence.
 * @remarks Since 0.1.0
 */

/**
 * `1` → `"1st"`, `2` → `"2nd"`, `11` → `"11th"`.
 * @remarks Since 0.1.0
 */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

/**
 * Lists at most `max` items, then "and N more".
 * @remarks Since 0.1.0
 */
export function listText(items: readonly string[], max = 4): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

/**
 * Weekly minutes as a phrase: under two hours in minutes, else hours to the half hour.
 * @remarks Since 0.1.0
 */
export function weeklyTime(minutes: number): string {
  if (minutes < 120) return `${Math.round(minutes)} min`;
  const h = Math.round(minutes / 30) / 2;
  return `${h} h`;
}
