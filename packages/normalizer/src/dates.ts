/** The fiscal year (April–March, by its starting year) an ISO date falls in. */
export function fiscalYearOfIso(iso: string): number {
  const [y, m] = iso.split('-').map(Number);
  return (m ?? 4) >= 4 ? (y ?? 0) : (y ?? 0) - 1;
}
