/** Checks of the printouts' settings (issuing office, complaint phone), shared by the screen and the main process. */

/** The issuing office when none is set: 某某县脱贫攻坚领导小组办公室. */
export const defaultIssuer = (county: string): string => `${county}脱贫攻坚领导小组办公室`;

export const ISSUER_MAX = 40;

/** A message key when the issuing office cannot be printed, else null. */
export function checkIssuer(issuer: string): 'doc.issuer.empty' | 'doc.issuer.long' | 'doc.issuer.line' | null {
  if (!issuer) return 'doc.issuer.empty';
  if (/[\r\n\t]/.test(issuer)) return 'doc.issuer.line';
  if ([...issuer].length > ISSUER_MAX) return 'doc.issuer.long';
  return null;
}

/** Empty (not set) or an office number: digits with -, spaces or brackets, 7 to 20 digits, e.g. 0739-1234567. */
export function checkComplaintPhone(phone: string): 'doc.phone.invalid' | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '').length;
  return /^[0-9\-\s()（）]+$/.test(phone) && digits >= 7 && digits <= 20 ? null : 'doc.phone.invalid';
}
