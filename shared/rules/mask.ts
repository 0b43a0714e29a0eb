/**
 * Masking for printouts (design/README.md, "Masking rules"). Masking happens when the data is
 * prepared, so the full number is never in a PDF's text layer.
 */

/** 430522********1234: first 6 and last 4 characters kept, 8 asterisks between. */
export function maskIdNumber(id: string | null | undefined): string {
  const s = (id ?? '').trim();
  if (s === '') return '';
  if (s.length <= 10) return '*'.repeat(s.length);
  return `${s.slice(0, 6)}********${s.slice(-4)}`;
}

/** 138****1234 for mobiles; other numbers keep their first 3 and last 4 digits too. */
export function maskPhone(phone: string | null | undefined): string {
  const s = (phone ?? '').trim();
  if (s === '') return '';
  const digits = s.replace(/\D/g, '');
  if (digits.length < 8) return '*'.repeat(digits.length || s.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
