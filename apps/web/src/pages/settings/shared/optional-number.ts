/** A NumberInput's value as the API wants it: empty means null (no cap, no limit). */
export function optionalNumber(value: number | string): number | null {
  return String(value).trim() === '' ? null : Number(value);
}

/** An error for an optional whole number between min and max, or undefined when fine or empty. */
export function optionalWholeNumberError(
  value: number | string,
  min: number,
  max: number,
): string | undefined {
  if (String(value).trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) return 'A whole number, or empty';
  if (n < min || n > max) return `Between ${min} and ${max}, or empty`;
  return undefined;
}
