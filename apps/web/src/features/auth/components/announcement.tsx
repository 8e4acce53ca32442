import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { InfoIcon } from '../../../components/ui/icons';
import { currentLanguage } from '../../../lib/i18n';
import { useAnnouncementOrNull } from '../api/announcement';

/**
 * The operator's login-page announcement with the support contacts (F03). Silent when it can't be loaded.
 * Suspends until loaded, so the page appears with it in place instead of pushing the form down later.
 */
export function Announcement() {
  const { t } = useTranslation();
  const titleId = useId();
  const announcement = useAnnouncementOrNull(currentLanguage());

  if (!announcement.data) return null;

  const { title, body, supportPhone, supportEmail, contactUpdateFormUrl } = announcement.data;
  return (
    <Paper
      component="section"
      aria-labelledby={titleId}
      withBorder
      p="lg"
      radius="md"
      bg="brand.0"
      style={{ borderColor: 'var(--mantine-color-brand-2)' }}
    >
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <InfoIcon style={{ color: 'var(--mantine-color-brand-6)', flexShrink: 0, marginTop: 3 }} />
          <Text id={titleId} fw={700}>
            {title || t('login.announcement.region')}
          </Text>
        </Group>
        {body && (
          <Text size="sm" className="pre-line">
            {body}
          </Text>
        )}
        <Group gap="lg" wrap="wrap">
          {supportPhone && (
            <Text size="sm">
              {t('login.announcement.supportPhone')}{' '}
              <Anchor href={`tel:${supportPhone.replace(/[^\d+]/g, '')}`} fw={600}>
                {supportPhone}
              </Anchor>
            </Text>
          )}
          {supportEmail && (
            <Text size="sm">
              {t('login.announcement.supportEmail')}{' '}
              <Anchor href={`mailto:${supportEmail}`} fw={600}>
                {supportEmail}
              </Anchor>
            </Text>
          )}
          {contactUpdateFormUrl && (
            <Anchor size="sm" href={contactUpdateFormUrl} target="_blank" rel="noopener noreferrer" fw={600}>
              {t('login.announcement.contactUpdateForm')}
            </Anchor>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
