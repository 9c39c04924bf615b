export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const TOTP_RE = /^\d{6}$/;
