import { DataList, Skeleton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { formatMsisdn } from '../../../lib/format';
import { isLanguage, LANGUAGE_NAMES } from '../../../lib/languages';
import { useMe } from '../api/me';

/** The administrator's contact details as the operator has them. */
export function ContactDetails() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <Skeleton height={120} />;
  if (me.isError) {
    return <ErrorState message={me.error.message} onRetry={() => void me.refetch()} retrying={me.isFetching} />;
  }
  return (
    <DataList withDivider labelWidth="40%">
      <DataList.Item>
        <DataList.ItemLabel>{t('profile.fullName')}</DataList.ItemLabel>
        <DataList.ItemValue fw={500}>{me.data.fullName}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('profile.phone')}</DataList.ItemLabel>
        <DataList.ItemValue fw={500}>{formatMsisdn(me.data.phone)}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('profile.email')}</DataList.ItemLabel>
        <DataList.ItemValue fw={500} data-testid="profile-email">
          {me.data.email || t('common.notSpecified')}
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('profile.language')}</DataList.ItemLabel>
        <DataList.ItemValue fw={500}>
          {isLanguage(me.data.language) ? LANGUAGE_NAMES[me.data.language] : me.data.language}
        </DataList.ItemValue>
      </DataList.Item>
    </DataList>
  );
}
