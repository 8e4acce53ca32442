import { Badge, Group, Paper, Progress, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { MenuIcon } from '../../../components/ui/icons';
import { SectionEmptyState } from '../../../components/ui/section-empty-state';
import { formatDate, formatDecimal } from '../../../lib/format';
import { currentLanguage, tk } from '../../../lib/i18n';
import type { Language } from '../../../lib/languages';
import { type Allowance, useAllowances } from '../api/allowances';
import { ProfileSection, SectionSkeleton } from './profile-section';

const UNIT_KEY = {
  min: tk('numberProfile.allowances.units.min'),
  sms: tk('numberProfile.allowances.units.sms'),
  mb: tk('numberProfile.allowances.units.mb'),
} as const satisfies Record<Allowance['unit'], string>;

const ALLOWANCE_TABS = ['remaining', 'additional'] as const;
type AllowanceTab = (typeof ALLOWANCE_TABS)[number];

/** The manual shows minutes and MB with two decimals ("50.00 min"), SMS as whole numbers ("500 SMS"). */
function quantity(value: string, unit: Allowance['unit'], language: Language): string {
  return formatDecimal(value, language, unit === 'sms' ? 0 : 2) ?? value;
}

/** F16: "Remaining allowances | Additional allowances": per package unlimited or "Available X of Y". */
export function AllowancesSection({ companyId, msisdn }: { companyId: string; msisdn: string }) {
  const { t } = useTranslation();
  const allowances = useAllowances(companyId, msisdn);
  const [tab, setTab] = useState<AllowanceTab>('remaining');

  const panel = (items: Allowance[] | undefined, intro: string) => {
    if (allowances.isPending) return <SectionSkeleton lines={4} />;
    if (allowances.isError) {
      return (
        <ErrorState
          message={allowances.error.message}
          onRetry={() => void allowances.refetch()}
          retrying={allowances.isFetching}
        />
      );
    }
    return (
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
        {!items || items.length === 0 ? (
          <SectionEmptyState
            title={t('numberProfile.allowances.empty.title')}
            description={t('numberProfile.allowances.empty.description')}
            icon={<MenuIcon size={28} />}
          />
        ) : (
          <SimpleGrid
            component="ul"
            cols={{ base: 1, sm: 2, lg: 4 }}
            spacing="md"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
            {items.map((item) => (
              <AllowanceCard key={item.id} allowance={item} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    );
  };

  return (
    <ProfileSection id="number-allowances" title={t('numberProfile.allowances.title')} hiddenTitle>
      <Tabs
        value={tab}
        onChange={(value) => setTab(ALLOWANCE_TABS.find((candidate) => candidate === value) ?? 'remaining')}
      >
        <Tabs.List aria-label={t('numberProfile.allowances.title')} mb="md">
          <Tabs.Tab value="remaining">{t('numberProfile.allowances.remaining')}</Tabs.Tab>
          <Tabs.Tab value="additional">{t('numberProfile.allowances.additional')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="remaining">
          {panel(allowances.data?.remaining, t('numberProfile.allowances.remainingIntro'))}
        </Tabs.Panel>
        <Tabs.Panel value="additional">
          {panel(allowances.data?.additional, t('numberProfile.allowances.additionalIntro'))}
        </Tabs.Panel>
      </Tabs>
    </ProfileSection>
  );
}

function AllowanceCard({ allowance }: { allowance: Allowance }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const unit = t(UNIT_KEY[allowance.unit]);
  const limited = !allowance.unlimited && allowance.available !== null && allowance.total !== null;
  const share =
    limited && Number(allowance.total) > 0
      ? Math.min(100, Math.max(0, (Number(allowance.available) / Number(allowance.total)) * 100))
      : 100;

  return (
    <Paper component="li" withBorder radius="md" p="md" data-allowance={allowance.name}>
      <Stack gap="xs">
        <Title order={3} fz="sm" fw={600}>
          {allowance.name}
        </Title>
        {limited ? (
          <div>
            <Text size="xs" c="dimmed">
              {t('numberProfile.allowances.available')}
            </Text>
            <Text fw={600}>
              {t('numberProfile.allowances.availableOf', {
                available: quantity(allowance.available ?? '', allowance.unit, language),
                total: quantity(allowance.total ?? '', allowance.unit, language),
                unit,
              })}
            </Text>
            {/* The figures above say it; the bar is only a picture of them. */}
            <Progress value={share} size="sm" mt={6} aria-hidden="true" />
          </div>
        ) : (
          <Group>
            <Badge variant="light" size="lg" tt="none">
              {t('numberProfile.allowances.unlimited')}
            </Badge>
          </Group>
        )}
        <Group gap="lg" wrap="wrap">
          <div>
            <Text size="xs" c="dimmed">
              {t('numberProfile.allowances.connectedOn')}
            </Text>
            <Text size="sm" fw={500}>
              {formatDate(allowance.connectedOn)}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('numberProfile.allowances.availableUntil')}
            </Text>
            <Text size="sm" fw={500}>
              {formatDate(allowance.availableUntil)}
            </Text>
          </div>
        </Group>
      </Stack>
    </Paper>
  );
}
