import { Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HowToLink } from '../components/ui/how-to-link';
import { CompanyAliases } from '../features/companies/components/company-aliases';
import { useMe } from '../features/profile/api/me';
import { ChangeEmailForm } from '../features/profile/components/change-email-form';
import { ChangePasswordForm } from '../features/profile/components/change-password-form';
import { ContactDetails } from '../features/profile/components/contact-details';
import { SessionsList } from '../features/profile/components/sessions-list';
import { PROFILE_TABS, type ProfileTab } from '../features/profile/profile-tabs';

function isProfileTab(value: string | null): value is ProfileTab {
  return PROFILE_TABS.some((tab) => tab === value);
}

/** F04 My Profile (contact details, change e-mail, change password), F05 My companies, B10 active sessions. */
export function ProfilePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search: { tab?: ProfileTab } = useSearch({ strict: false });
  const tab = search.tab ?? 'details';

  const onTabChange = (value: string | null) => {
    if (!isProfileTab(value) || value === tab) return;
    void navigate({
      to: '/profile',
      search: (previous: Record<string, unknown>) => ({ ...previous, tab: value === 'details' ? undefined : value }),
      replace: true,
    } as never);
  };

  return (
    <Stack gap="lg" maw={960}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Title order={1}>{t('profile.title')}</Title>
        <HowToLink label={t('howTo.profile')} help={t('howTo.profileHelp')} />
      </Group>
      <Tabs value={tab} onChange={onTabChange} keepMounted={false}>
        <Tabs.List aria-label={t('profile.tabs.label')} mb="lg">
          <Tabs.Tab value="details">{t('profile.tabs.details')}</Tabs.Tab>
          <Tabs.Tab value="companies">{t('profile.tabs.companies')}</Tabs.Tab>
          <Tabs.Tab value="sessions">{t('profile.tabs.sessions')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details">
          <DetailsTab />
        </Tabs.Panel>
        <Tabs.Panel value="companies">
          <Section id="profile-companies" title={t('profile.companies.title')} intro={t('profile.companies.intro')}>
            <CompanyAliases />
          </Section>
        </Tabs.Panel>
        <Tabs.Panel value="sessions">
          <Section id="profile-sessions" title={t('profile.sessions.title')} intro={t('profile.sessions.intro')}>
            <SessionsList />
          </Section>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function DetailsTab() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack gap="lg">
      <Section id="profile-details" title={t('profile.details')} framed>
        <ContactDetails />
      </Section>
      {me.data && (
        <Section id="change-email-title" title={t('profile.changeEmail.title')} framed>
          <ChangeEmailForm currentEmail={me.data.email} />
        </Section>
      )}
      <Section id="change-password-title" title={t('profile.changePassword.title')} framed>
        <ChangePasswordForm />
      </Section>
    </Stack>
  );
}

type SectionProps = { id: string; title: string; intro?: string; framed?: boolean; children: ReactNode };

function Section({ id, title, intro, framed, children }: SectionProps) {
  const body = (
    <>
      <Title order={2} id={id} fz="lg" mb={intro ? 4 : 'md'}>
        {title}
      </Title>
      {intro && (
        <Text size="sm" c="dimmed" mb="md">
          {intro}
        </Text>
      )}
      {children}
    </>
  );
  if (framed) {
    return (
      <Paper component="section" aria-labelledby={id} withBorder radius="md" p={{ base: 'md', sm: 'lg' }} maw={640}>
        {body}
      </Paper>
    );
  }
  return <section aria-labelledby={id}>{body}</section>;
}
