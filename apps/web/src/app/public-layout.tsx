import { Box, Container, Group, Text } from '@mantine/core';
import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/ui/language-switch';
import { useChangeLanguage } from '../features/profile/use-change-language';
import { currentLanguage } from '../lib/i18n';

/** Frame of the login, code and password-recovery pages. */
export function PublicLayout() {
  const { t } = useTranslation();
  const changeLanguage = useChangeLanguage();
  const language = currentLanguage();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('layout.skipToContent')}
      </a>
      <Box component="header" className="app-topbar" bg="brand.6" c="white">
        <Container size="lg">
          <Group justify="space-between" py="sm" wrap="nowrap">
            <Text fw={700} fz="lg" c="white">
              {t('app.name')}
            </Text>
            <LanguageSwitch tone="onDark" value={language} onChange={changeLanguage} label={t('layout.language')} />
          </Group>
        </Container>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size="lg" py="xl" style={{ outline: 'none' }}>
        <Outlet />
      </Container>
    </>
  );
}
