const regions = new Intl.DisplayNames(['en'], { type: 'region' });

/**
 * The English name of an ISO 3166-1 alpha-2 country code (`US` -> `United States`), or null when the code is
 * not a known country. The browser's own list, so a typo is caught before the server is asked.
 */
export function countryName(code: string): string | null {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper)) return null;
  const name = regions.of(upper);
  return name === undefined || name === upper || name === 'Unknown Region' ? null : name;
}
