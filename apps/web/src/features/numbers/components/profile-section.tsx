import { DataList, Group, Paper, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { InfoHint } from '../../../components/ui/info-hint';

type ProfileSectionProps = {
  id: string;
  title: string;
  /** The title is for screen readers only (the tabs already name what the card shows). */
  hiddenTitle?: boolean;
  intro?: string;
  children: ReactNode;
};

/** A card of the number profile, named by its heading. */
export function ProfileSection({ id, title, hiddenTitle, intro, children }: ProfileSectionProps) {
  return (
    <Paper component="section" aria-labelledby={id} withBorder radius="md" p={{ base: 'md', sm: 'lg' }} miw={0}>
      {hiddenTitle ? (
        <VisuallyHidden>
          <h2 id={id}>{title}</h2>
        </VisuallyHidden>
      ) : (
        <Title order={2} id={id} fz="lg" mb={intro ? 4 : 'md'}>
          {title}
        </Title>
      )}
      {intro && (
        <Text size="sm" c="dimmed" mb="md">
          {intro}
        </Text>
      )}
      {children}
    </Paper>
  );
}

type InfoItemProps = {
  label: string;
  value: ReactNode;
  /** A line under the label. */
  hint?: string;
  /** The manual's ⓘ next to the label. */
  info?: string;
};

/** The profile's "label — value" lists (half and half, a divider between lines). */
export function InfoList({ children }: { children: ReactNode }) {
  return (
    <DataList withDivider className="info-list">
      {children}
    </DataList>
  );
}

/** One "label — value" line of an InfoList. */
export function InfoItem({ label, value, hint, info }: InfoItemProps) {
  const { t } = useTranslation();
  return (
    <DataList.Item>
      <DataList.ItemLabel>
        {info ? (
          <Group gap={4} wrap="nowrap" component="span" display="inline-flex">
            {label}
            <InfoHint label={t('common.about', { subject: label })}>{info}</InfoHint>
          </Group>
        ) : (
          label
        )}
        {hint && (
          <Text component="span" display="block" size="xs" c="dimmed">
            {hint}
          </Text>
        )}
      </DataList.ItemLabel>
      <DataList.ItemValue fw={500}>{value}</DataList.ItemValue>
    </DataList.Item>
  );
}

/** Placeholder lines while a card's data loads. */
export function SectionSkeleton({ lines = 5 }: { lines?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" aria-busy="true">
      <VisuallyHidden role="status">{t('common.loading')}</VisuallyHidden>
      {Array.from({ length: lines }, (_, line) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder lines have no identity
        <Skeleton key={line} height={18} width={line % 2 ? '70%' : '90%'} />
      ))}
    </Stack>
  );
}
