import { notifications } from '@mantine/notifications';
import { ApiError } from '../api/client';
import i18n from '../i18n';

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return i18n.t('common.unknownError');
}

/** Shows a server error (its message is already localized by the server). */
export function notifyError(error: unknown): void {
  if (error instanceof DOMException && error.name === 'AbortError') return;
  notifications.show({ color: 'red', title: i18n.t('common.errorTitle'), message: errorMessage(error) });
}

/** Phones (below Mantine's `sm` breakpoint): toasts are compact and sit over the header bar. */
export const PHONE_QUERY = '(max-width: 47.99em)';
const onPhone = () => typeof window !== 'undefined' && window.matchMedia?.(PHONE_QUERY).matches === true;

export function notifySuccess(message: string): void {
  // On a phone a success toast is one line (no title), so it stays within the header bar.
  notifications.show({
    color: 'teal',
    title: onPhone() ? undefined : i18n.t('common.successTitle'),
    message,
  });
}

export function notifyWarning(message: string): void {
  notifications.show({ color: 'yellow', title: i18n.t('common.warningTitle'), message, autoClose: 10_000 });
}
