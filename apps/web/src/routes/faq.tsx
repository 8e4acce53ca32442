import { Accordion, Anchor, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation, useRouteContext } from '@tanstack/react-router';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/ui/error-state';
import { faqAnchor } from '../components/ui/how-to-link';
import { ArrowLeftIcon } from '../components/ui/icons';
import { LinkifiedText } from '../components/ui/linkified-text';
import { useAnnouncement } from '../features/auth/api/announcement';
import { useFaq } from '../features/help/api/faq';
import { currentLanguage } from '../lib/i18n';

const FAQ_SKELETON_ITEMS = 8;

/** F50: the manual's questions and answers in the interface language, then the support contacts. Open to everyone. */
export function FaqPage() {
  const { t } = useTranslation();
  const { loggedIn } = useRouteContext({ from: '/help' });
  const language = currentLanguage();
  const faq = useFaq(language);
  // `/faq#faq-<id>` (a section's "How to …" link): that question is open and scrolled to.
  const hash = useLocation({ select: (location) => location.hash });
  const linked = faq.data?.items.find((item) => faqAnchor(item.id) === hash)?.id;

  useEffect(() => {
    if (!linked) return;
    const element = document.getElementById(faqAnchor(linked));
    element?.scrollIntoView({ block: 'start' });
    element?.querySelector('button')?.focus({ preventScroll: true });
  }, [linked]);

  return (
    <Stack gap="lg" maw={880}>
      {!loggedIn && (
        <Anchor component={Link} to="/login" size="sm" style={{ alignSelf: 'flex-start' }}>
          <Group gap={4} component="span" wrap="nowrap">
            <ArrowLeftIcon size={16} />
            {t('faq.backToLogin')}
          </Group>
        </Anchor>
      )}
      <div>
        <Title order={1}>{t('faq.title')}</Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('faq.subtitle')}
        </Text>
      </div>

      {faq.isPending ? (
        <Stack gap="xs" aria-busy="true">
          <Text size="sm" c="dimmed" role="status">
            {t('common.loading')}
          </Text>
          {Array.from({ length: FAQ_SKELETON_ITEMS }, (_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <Skeleton key={index} height={48} />
          ))}
        </Stack>
      ) : faq.isError ? (
        <ErrorState message={faq.error.message} onRetry={() => void faq.refetch()} retrying={faq.isFetching} />
      ) : (
        <Accordion
          key={linked ?? ''}
          variant="separated"
          radius="md"
          order={2}
          multiple
          defaultValue={linked ? [linked] : []}
        >
          {faq.data.items.map((item, index) => (
            <Accordion.Item key={item.id} value={item.id} id={faqAnchor(item.id)}>
              <Accordion.Control>
                <Text component="span" fw={600}>
                  {index + 1}. {item.question}
                </Text>
              </Accordion.Control>
              <Accordion.Panel>
                <Text size="sm">
                  <LinkifiedText text={item.answer} />
                </Text>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}

      <SupportContacts />
    </Stack>
  );
}

/** Corporate customer support: the short number and the e-mail the operator configured (as on the login page). */
function SupportContacts() {
  const { t } = useTranslation();
  const titleId = useId();
  const announcement = useAnnouncement(currentLanguage());
  const phone = announcement.data?.supportPhone;
  const email = announcement.data?.supportEmail;

  return (
    <Paper component="section" aria-labelledby={titleId} withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Title order={2} id={titleId} fz="lg" mb={4}>
        {t('faq.support.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('faq.support.text')}
      </Text>
      {announcement.isPending ? (
        <Skeleton height={20} width="60%" />
      ) : announcement.isError ? (
        <Text size="sm">{t('faq.support.unavailable')}</Text>
      ) : (
        <Group gap="xs" wrap="wrap" style={{ columnGap: 'var(--mantine-spacing-xl)' }}>
          {phone && (
            <Text size="sm">
              {t('faq.support.phone')}{' '}
              <Anchor href={`tel:${phone.replace(/[^\d+]/g, '')}`} fw={600}>
                {phone}
              </Anchor>
            </Text>
          )}
          {email && (
            <Text size="sm">
              {t('faq.support.email')}{' '}
              <Anchor href={`mailto:${email}`} fw={600}>
                {email}
              </Anchor>
            </Text>
          )}
        </Group>
      )}
    </Paper>
  );
}
