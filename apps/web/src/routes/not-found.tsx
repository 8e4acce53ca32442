import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Container component="main" size="sm" py="xl">
      <Stack gap="sm">
        <Title order={1}>{t('notFound.title')}</Title>
        <Text>{t('notFound.description')}</Text>
        <Anchor component={Link} to="/numbers">
          {t('notFound.home')}
        </Anchor>
      </Stack>
    </Container>
  );
}
