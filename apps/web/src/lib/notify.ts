import { notifications } from '@mantine/notifications';
import { i18n } from './i18n';

/** A short confirmation that something was saved (announced to screen readers: the notification is role="alert"). */
export function notifySuccess(message: string, title?: string): void {
  notifications.show({
    color: 'green',
    title,
    message,
    autoClose: 6000,
    withBorder: true,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}
