import { ActionIcon, Menu } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MenuIcon } from '../../../components/ui/icons';
import { formatMsisdn } from '../../../lib/format';

/** The row's "three stripes" menu of actions. */
export function NumberRowMenu({ msisdn }: { msisdn: string }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={t('numbers.rowMenu', { number: formatMsisdn(msisdn) })}
        >
          <MenuIcon />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item renderRoot={(props) => <Link {...props} to="/numbers/$msisdn" params={{ msisdn }} />}>
          {t('numbers.openProfile')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
