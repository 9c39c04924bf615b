export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const CORPORATE_NUMBER_RE = /^\d{13}$/;
export const TOTP_RE = /^\d{6}$/;
export const MIN_PASSWORD = 12;
