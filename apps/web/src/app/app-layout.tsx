import { Box, Button, Container, Group } from '@mantine/core';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DocumentIcon,
  HelpIcon,
  LogoutIcon,
  MenuIcon,
  RefreshIcon,
  TransferIcon,
  UserIcon,
} from '../components/ui/icons';
import { LanguageSwitch } from '../components/ui/language-switch';
import { useLogoutMutation } from '../features/auth/api/logout';
import { CompanySwitcher } from '../features/companies/components/company-switcher';
import { CompanyGate, SelectedCompanyProvider } from '../features/companies/components/selected-company';
import { useChangeLanguage } from '../features/profile/use-change-language';
import { currentLanguage } from '../lib/i18n';

/** Frame of every page behind the login: header (sections, company, language, profile, log out) and main. */
export function AppLayout() {
  return (
    <AppFrame>
      <CompanyGate>
        <Outlet />
      </CompanyGate>
    </AppFrame>
  );
}

/** The logged-in header and main around any content (the FAQ uses it without waiting for the companies). */
export function AppFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const changeLanguage = useChangeLanguage();
  const logout = useLogoutMutation();

  const onLogout = () => {
    logout.mutate(undefined, { onSettled: () => void navigate({ to: '/login', search: {} }) });
  };

  return (
    <SelectedCompanyProvider>
      <a href="#main" className="skip-link">
        {t('layout.skipToContent')}
      </a>
      <header>
        <Box className="app-topbar" bg="brand.6" c="white">
          <Container size="xl">
            <Group justify="space-between" py="xs" gap="xs">
              <Link to="/numbers" style={{ color: 'white', fontWeight: 700, fontSize: 20, textDecoration: 'none' }}>
                {t('app.name')}
              </Link>
              <Group gap="xs">
                <LanguageSwitch
                  tone="onDark"
                  value={currentLanguage()}
                  onChange={changeLanguage}
                  label={t('layout.language')}
                />
                <Button
                  component={Link}
                  to="/faq"
                  variant="transparent"
                  c="white"
                  size="compact-md"
                  px={6}
                  leftSection={<HelpIcon />}
                >
                  {t('layout.faq')}
                </Button>
                <Button
                  component={Link}
                  to="/profile"
                  variant="transparent"
                  c="white"
                  size="compact-md"
                  leftSection={<UserIcon />}
                >
                  {t('layout.myProfile')}
                </Button>
                <Button
                  variant="white"
                  size="compact-md"
                  leftSection={<LogoutIcon />}
                  onClick={onLogout}
                  loading={logout.isPending}
                >
                  {t('layout.logout')}
                </Button>
              </Group>
            </Group>
          </Container>
        </Box>
        <Box bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          <Container size="xl">
            <Group justify="space-between" gap="xs" py={4}>
              <Box component="nav" aria-label={t('layout.sections')} style={{ overflowX: 'auto', maxWidth: '100%' }}>
                <Group gap="lg" wrap="nowrap" px={2}>
                  <Link to="/numbers" className="nav-link">
                    <MenuIcon size={16} />
                    {t('layout.nav.numbers')}
                  </Link>
                  <Link to="/documents" className="nav-link">
                    <DocumentIcon size={16} />
                    {t('layout.nav.documents')}
                  </Link>
                  <Link to="/transfer" className="nav-link">
                    <TransferIcon size={16} />
                    {t('layout.nav.transfer')}
                  </Link>
                  <Link to="/requests" className="nav-link">
                    <RefreshIcon size={16} />
                    {t('layout.nav.requests')}
                  </Link>
                </Group>
              </Box>
              <Box py={6} w={{ base: '100%', sm: 'auto' }}>
                <CompanySwitcher />
              </Box>
            </Group>
          </Container>
        </Box>
      </header>
      <Container component="main" id="main" tabIndex={-1} size="xl" py="lg" style={{ outline: 'none' }}>
        {children}
      </Container>
    </SelectedCompanyProvider>
  );
}
