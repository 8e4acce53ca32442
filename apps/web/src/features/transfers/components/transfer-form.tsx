import { Alert, Button, DataList, Group, Modal, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon, CheckIcon, TransferIcon } from '../../../components/ui/icons';
import { type AmountProblem, parseAmount } from '../../../lib/amount';
import { formatMoney, formatMsisdn } from '../../../lib/format';
import { currentLanguage, tk } from '../../../lib/i18n';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { notifySuccess } from '../../../lib/notify';
import { unbreakable } from '../../../lib/text';
import { type BalanceTransfer, type NewTransfer, useCreateTransferMutation } from '../api/balance-transfers';
import type { PickerNumber } from '../api/transfer-numbers';
import { NumberPicker } from './number-picker';

type Field = 'from' | 'to' | 'amount';
const FIELDS: readonly Field[] = ['from', 'to', 'amount'];
type LocalErrors = Partial<Record<Field, string>>;

const AMOUNT_PROBLEM_KEY = {
  required: tk('transfer.errors.amountRequired'),
  invalid: tk('transfer.errors.amountInvalid'),
  notPositive: tk('transfer.errors.amountNotPositive'),
  tooManyDecimals: tk('transfer.errors.amountTooManyDecimals'),
} as const satisfies Record<AmountProblem, string>;

/** One confirmed attempt: a retry after a lost connection sends the same key, so the money moves at most once. */
type Attempt = { transfer: NewTransfer; key: string };

function sameTransfer(a: NewTransfer, b: NewTransfer): boolean {
  return a.from === b.from && a.to === b.to && a.amount === b.amount;
}

/**
 * F40 as in the manual: Sender, Recipient, Transfer amount (₸ with tiyn) → "Transfer" → a confirmation summing it up →
 * the server's answer: a notification and both numbers' new available funds, or the refusal under its field.
 */
export function TransferForm({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const titleId = useId();
  const [sender, setSender] = useState<PickerNumber | null>(null);
  const [recipient, setRecipient] = useState<PickerNumber | null>(null);
  const [amount, setAmount] = useState('');
  const [localErrors, setLocalErrors] = useState<LocalErrors>({});
  const [pending, setPending] = useState<NewTransfer | null>(null);
  const [result, setResult] = useState<BalanceTransfer | null>(null);
  const attempt = useRef<Attempt | null>(null);
  const focusAfterClose = useRef<Field | null>(null);
  const inputs = {
    from: useRef<HTMLInputElement>(null),
    to: useRef<HTMLInputElement>(null),
    amount: useRef<HTMLInputElement>(null),
  };
  const transfer = useCreateTransferMutation(companyId);

  const serverError = transfer.error && transfer.error.status !== 0 ? transfer.error : null;
  const networkError = transfer.error?.status === 0 ? transfer.error : null;
  const fieldError = (field: Field) => localErrors[field] ?? serverError?.fieldMessage(field);
  const generalError = serverError && !serverError.hasFieldErrors(FIELDS) ? serverError.message : null;

  /** Any edit starts a new attempt: the previous answer no longer describes the form. */
  const edited = (field: Field) => {
    if (localErrors[field]) setLocalErrors((previous) => ({ ...previous, [field]: undefined }));
    if (transfer.error) transfer.reset();
    setResult(null);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors: LocalErrors = {};
    if (!sender) errors.from = t('transfer.errors.senderRequired');
    if (!recipient) errors.to = t('transfer.errors.recipientRequired');
    else if (sender && sender.msisdn === recipient.msisdn) errors.to = t('transfer.errors.sameNumber');
    const parsed = parseAmount(amount);
    if (parsed.problem) errors.amount = t(AMOUNT_PROBLEM_KEY[parsed.problem]);
    setLocalErrors(errors);
    transfer.reset();
    setResult(null);
    const firstInvalid = FIELDS.find((field) => errors[field]);
    if (firstInvalid) {
      inputs[firstInvalid].current?.focus();
      return;
    }
    if (!sender || !recipient || parsed.value === undefined) return;
    setPending({ from: sender.msisdn, to: recipient.msisdn, amount: parsed.value });
  };

  const closeDialog = () => {
    if (transfer.isPending) return;
    if (transfer.error?.status === 0) transfer.reset();
    setPending(null);
  };

  const confirm = () => {
    if (!pending) return;
    if (!attempt.current || !sameTransfer(attempt.current.transfer, pending)) {
      attempt.current = { transfer: pending, key: newIdempotencyKey() };
    }
    transfer.mutate(
      { transfer: pending, idempotencyKey: attempt.current.key },
      {
        onSuccess: (done) => {
          attempt.current = null;
          setPending(null);
          setResult(done);
          setAmount('');
          setSender((previous) => previous && { ...previous, availableFunds: done.fromAvailableFunds });
          setRecipient((previous) => previous && { ...previous, availableFunds: done.toAvailableFunds });
          notifySuccess(
            t('transfer.success.summary', {
              amount: formatMoney(done.amount, language),
              from: unbreakable(formatMsisdn(done.from)),
              to: unbreakable(formatMsisdn(done.to)),
            }),
            t('transfer.success.title'),
          );
        },
        onError: (error) => {
          // Lost connection: the dialog stays, "Transfer" again repeats this very attempt (same key).
          if (error.status === 0) return;
          attempt.current = null;
          focusAfterClose.current = FIELDS.find((field) => error.fieldMessage(field) !== undefined) ?? null;
          setPending(null);
        },
      },
    );
  };

  return (
    <Paper component="section" aria-labelledby={titleId} withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Title order={2} id={titleId} fz="lg" mb={4}>
        {t('transfer.form.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('transfer.form.rule')}
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {generalError && (
            <Alert color="red" variant="light" icon={<AlertIcon />} role="alert" title={t('transfer.errors.refused')}>
              {generalError}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md" verticalSpacing="md">
            <NumberPicker
              companyId={companyId}
              label={t('transfer.form.sender')}
              value={sender}
              onChange={(value) => {
                setSender(value);
                edited('from');
              }}
              error={fieldError('from')}
              inputRef={inputs.from}
            />
            <NumberPicker
              companyId={companyId}
              label={t('transfer.form.recipient')}
              value={recipient}
              onChange={(value) => {
                setRecipient(value);
                edited('to');
              }}
              error={fieldError('to')}
              inputRef={inputs.to}
            />
            <TextInput
              ref={inputs.amount}
              label={t('transfer.form.amount')}
              placeholder={language === 'en' ? '0.00' : '0,00'}
              description={t('transfer.form.amountHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              required
              inputMode="decimal"
              autoComplete="off"
              value={amount}
              onChange={(event) => {
                setAmount(event.currentTarget.value);
                edited('amount');
              }}
              error={fieldError('amount')}
              rightSection={
                <Text size="sm" c="dimmed" aria-hidden="true">
                  ₸
                </Text>
              }
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" leftSection={<TransferIcon />} w={{ base: '100%', xs: 'auto' }}>
              {t('transfer.form.submit')}
            </Button>
          </Group>
          {result && <TransferResult result={result} />}
        </Stack>
      </form>

      <Modal
        opened={pending !== null}
        onClose={closeDialog}
        onExitTransitionEnd={() => {
          const field = focusAfterClose.current;
          focusAfterClose.current = null;
          if (field) inputs[field].current?.focus();
        }}
        title={t('transfer.confirm.title')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {pending && (
          <Stack gap="md">
            <Text>{t('transfer.confirm.question')}</Text>
            <DataList withDivider className="info-list">
              <DataList.Item>
                <DataList.ItemLabel>{t('transfer.form.sender')}</DataList.ItemLabel>
                <DataList.ItemValue>{formatMsisdn(pending.from)}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('transfer.form.recipient')}</DataList.ItemLabel>
                <DataList.ItemValue>{formatMsisdn(pending.to)}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('transfer.confirm.amount')}</DataList.ItemLabel>
                <DataList.ItemValue fw={700}>
                  {formatMoney({ amount: pending.amount, currency: 'KZT' }, language)}
                </DataList.ItemValue>
              </DataList.Item>
            </DataList>
            {networkError && (
              <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
                {networkError.message} {t('transfer.confirm.retrySafe')}
              </Alert>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={closeDialog} data-autofocus disabled={transfer.isPending}>
                {t('common.back')}
              </Button>
              <Button onClick={confirm} loading={transfer.isPending}>
                {networkError ? t('common.retry') : t('transfer.confirm.submit')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}

/** After a transfer: what moved and both numbers' available funds now. */
function TransferResult({ result }: { result: BalanceTransfer }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Alert
      color="green"
      variant="light"
      role="status"
      icon={<CheckIcon />}
      title={t('transfer.success.title')}
      // The light variant's green title is below 4.5:1 on its tint: dark text, the icon carries the colour.
      styles={{ title: { color: 'var(--mantine-color-dark-7)' }, message: { color: 'var(--mantine-color-dark-7)' } }}
    >
      <Stack gap={4}>
        <Text size="sm">
          {t('transfer.success.summary', {
            amount: formatMoney(result.amount, language),
            from: unbreakable(formatMsisdn(result.from)),
            to: unbreakable(formatMsisdn(result.to)),
          })}
        </Text>
        <Text size="sm">
          {t('transfer.success.fundsNow', {
            number: unbreakable(formatMsisdn(result.from)),
            amount: formatMoney(result.fromAvailableFunds, language),
          })}
        </Text>
        <Text size="sm">
          {t('transfer.success.fundsNow', {
            number: unbreakable(formatMsisdn(result.to)),
            amount: formatMoney(result.toAvailableFunds, language),
          })}
        </Text>
      </Stack>
    </Alert>
  );
}
