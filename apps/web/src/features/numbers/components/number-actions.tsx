import { ActionIcon, Menu } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type ComponentType, lazy, type ReactNode, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BlockIcon,
  DocumentIcon,
  ForwardIcon,
  InfoIcon,
  MenuIcon,
  ProfileIcon,
  RefreshIcon,
  UnlockIcon,
} from '../../../components/ui/icons';
import { formatMsisdn } from '../../../lib/format';
import { tk } from '../../../lib/i18n';
import type { StatusAction } from '../api/number-status';
import type { NumberStatus } from '../api/numbers-list';

/** The number an action is for. */
export type NumberActionTarget = { companyId: string; msisdn: string; status: NumberStatus };

export type NumberActionDialogProps = {
  companyId: string;
  msisdn: string;
  opened: boolean;
  onClose: () => void;
};

/**
 * A dialog whose code is fetched when it is first wanted (the menu is built), not with the numbers list: six dialogs
 * with their forms were most of the list's JavaScript. `preload` starts the download without rendering.
 */
function dialogOnDemand<P>(load: () => Promise<ComponentType<P>>): ComponentType<P> & { preload: () => void } {
  let loading: Promise<ComponentType<P>> | undefined;
  const once = () => {
    loading ??= load();
    return loading;
  };
  const Dialog = lazy(() => once().then((component) => ({ default: component })));
  return Object.assign(Dialog as unknown as ComponentType<P>, { preload: () => void once() });
}

const SimReplacementDialog = dialogOnDemand(() =>
  import('./sim-replacement-dialog').then((m) => m.SimReplacementDialog),
);
const UsageDetailsDialog = dialogOnDemand(() => import('./usage-details-dialog').then((m) => m.UsageDetailsDialog));
const DeviceRegistrationDialog = dialogOnDemand(() =>
  import('./device-registration-dialog').then((m) => m.DeviceRegistrationDialog),
);
const CallForwardingDialog = dialogOnDemand(() =>
  import('./call-forwarding-dialog').then((m) => m.CallForwardingDialog),
);
const EsimDialog = dialogOnDemand(() => import('./esim-dialog').then((m) => m.EsimDialog));
const StatusChangeDialog = dialogOnDemand(() => import('./status-change-dialog').then((m) => m.StatusChangeDialog));

/** One line of the number's action menu (the manual's "three stripes"), opening its own dialog. */
export type NumberMenuAction = {
  id: string;
  /** A literal key through `tk()`, so that the locale check sees it. */
  labelKey: string;
  icon: ReactNode;
  Dialog: ComponentType<NumberActionDialogProps> & { preload: () => void };
  /** Whether the action can be started for a number in this status (the item is disabled otherwise). */
  enabled?: (target: NumberActionTarget) => boolean;
};

/**
 * The actions of a number, in the manual's order: SIM card replacement, Usage details, Device registration (IMEI),
 * Call forwarding, eSIM replacement. Add others here: they then appear both in the number profile's menu and in the
 * row menu of the numbers list.
 */
export const NUMBER_MENU_ACTIONS: readonly NumberMenuAction[] = [
  {
    id: 'sim-replacement',
    labelKey: tk('numberActions.simReplacement'),
    icon: <RefreshIcon size={16} />,
    Dialog: SimReplacementDialog,
  },
  {
    id: 'usage-details',
    labelKey: tk('numberActions.usageDetails'),
    icon: <DocumentIcon size={16} />,
    Dialog: UsageDetailsDialog,
  },
  {
    id: 'device-registration',
    labelKey: tk('numberActions.deviceRegistration'),
    icon: <InfoIcon size={16} />,
    Dialog: DeviceRegistrationDialog,
  },
  {
    id: 'call-forwarding',
    labelKey: tk('numberActions.callForwarding'),
    icon: <ForwardIcon size={16} />,
    Dialog: CallForwardingDialog,
  },
  {
    id: 'esim',
    labelKey: tk('numberActions.esim'),
    icon: <DocumentIcon size={16} />,
    Dialog: EsimDialog,
  },
];

/** Which of block / unblock the administrator can do now; none for a debt block, a suspension or a termination. */
export function statusActionFor(status: NumberStatus): StatusAction | null {
  if (status === 'active') return 'block';
  if (status === 'blocked') return 'unblock';
  return null;
}

type NumberActionsMenuProps = {
  target: NumberActionTarget;
  /** `list`: the row menu, with Open profile and Block / Unblock; `profile`: the header's menu (those are buttons). */
  variant: 'list' | 'profile';
};

/** The "three stripes" menu of a number and the dialogs its items open. */
export function NumberActionsMenu({ target, variant }: NumberActionsMenuProps) {
  const { t } = useTranslation();
  const [openId, setOpenId] = useState<string | null>(null);
  const [statusAction, setStatusAction] = useState<StatusAction | null>(null);
  // The dialogs are mounted from the first use on (a long list has a menu per row), and then stay for their
  // closing transition and to give the focus back to the menu button.
  const [used, setUsed] = useState(false);
  const openDialog = (id: string) => {
    setUsed(true);
    setOpenId(id);
  };
  const openStatus = (action: StatusAction) => {
    setUsed(true);
    setStatusAction(action);
  };
  // The Mantine menu (popover, positioning, focus trap) is built on first use: a list has one per row, and building
  // fifty of them was a good part of the list's first render. Until then the button is a plain one that opens it.
  const [menuBuilt, setMenuBuilt] = useState(false);
  const [menuOpened, setMenuOpened] = useState(false);
  const targetRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!menuBuilt) return;
    // The menu's button is a new element: focus it first, so that the menu gives the focus back to it on closing.
    targetRef.current?.focus();
    setMenuOpened(true);
    for (const { Dialog } of NUMBER_MENU_ACTIONS) Dialog.preload();
    StatusChangeDialog.preload();
  }, [menuBuilt]);
  const { companyId, msisdn, status } = target;
  const available = statusActionFor(status);
  const button = (
    <ActionIcon
      variant={variant === 'profile' ? 'default' : 'subtle'}
      color="gray"
      size={variant === 'profile' ? 36 : 'lg'}
      aria-label={t('numberActions.menu', { number: formatMsisdn(msisdn) })}
      ref={targetRef}
      {...(menuBuilt
        ? {}
        : {
            'aria-haspopup': 'menu' as const,
            'aria-expanded': false,
            onClick: () => setMenuBuilt(true),
          })}
    >
      <MenuIcon />
    </ActionIcon>
  );

  return (
    <>
      {!menuBuilt && button}
      {/* Without the placeholder the first item takes the focus on opening (and axe accepts the menu's children). */}
      {menuBuilt && (
        <Menu
          opened={menuOpened}
          onChange={setMenuOpened}
          position="bottom-end"
          withinPortal
          shadow="md"
          width={260}
          withInitialFocusPlaceholder={false}
        >
          <Menu.Target>{button}</Menu.Target>
          <Menu.Dropdown>
            {variant === 'list' && (
              <>
                <Menu.Item
                  leftSection={<ProfileIcon size={16} />}
                  renderRoot={(props) => <Link {...props} to="/numbers/$msisdn" params={{ msisdn }} />}
                >
                  {t('numbers.openProfile')}
                </Menu.Item>
                {available === 'block' && (
                  <Menu.Item leftSection={<BlockIcon size={16} />} onClick={() => openStatus('block')}>
                    {t('numberStatus.block')}
                  </Menu.Item>
                )}
                {available === 'unblock' && (
                  <Menu.Item leftSection={<UnlockIcon size={16} />} onClick={() => openStatus('unblock')}>
                    {t('numberStatus.unblock')}
                  </Menu.Item>
                )}
                {status === 'blocked_debt' && (
                  <Menu.Label style={{ whiteSpace: 'normal' }}>{t('numberStatus.blockedDebtShort')}</Menu.Label>
                )}
                <Menu.Divider />
              </>
            )}
            {NUMBER_MENU_ACTIONS.map((action) => (
              <Menu.Item
                key={action.id}
                leftSection={action.icon}
                disabled={action.enabled ? !action.enabled(target) : false}
                onClick={() => openDialog(action.id)}
              >
                {t(action.labelKey)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
      {used && (
        // Nothing to show while a dialog's code arrives (a fraction of a second, usually already there).
        <Suspense fallback={null}>
          {NUMBER_MENU_ACTIONS.map(({ id, Dialog }) => (
            <Dialog
              key={id}
              companyId={companyId}
              msisdn={msisdn}
              opened={openId === id}
              onClose={() => setOpenId(null)}
            />
          ))}
          {variant === 'list' && (
            <StatusChangeDialog
              companyId={companyId}
              msisdn={msisdn}
              action={statusAction}
              onClose={() => setStatusAction(null)}
            />
          )}
        </Suspense>
      )}
    </>
  );
}
