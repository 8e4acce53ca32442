import { Button, Group, Stack } from '@mantine/core';
import { addMonths, almatyToday, isValidDate, type Period } from '@portal/calendar';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../profile/api/me';
import { type EmailedReportType, useRequestReportMutation } from '../api/request-report';
import { EmailField, isEmailShaped } from './email-field';
import { FormError } from './form-error';
import { PeriodFields } from './period-fields';
import { ReportAccepted } from './report-accepted';

type Field = 'from' | 'to' | 'email';
const FIELDS: readonly Field[] = ['from', 'to', 'email'];
type LocalErrors = Partial<Record<Field, string>>;

export type ReportPeriodRule = {
  /** The period the form starts with, from today (Almaty). */
  initial: (today: string) => Period;
  /** How far back the report reaches, in months from today. */
  lookbackMonths: number;
  /** The latest end the report allows (default: today). */
  latest?: (today: string) => string;
  /** The rule as the manual words it, shown under the dates. */
  rule: string;
};

type EmailedReportFormProps = {
  companyId: string;
  type: EmailedReportType;
  /** Reports over a period (F34, F35, F37); none for F32 and F36. */
  period?: ReportPeriodRule;
  /** The button's text: "Request" or "Send", as in the manual. */
  submitLabel: string;
};

/**
 * The form of an e-mailed report (F32, F34–F37): the period when the report has one, the e-mail (the administrator's
 * own address to begin with) and the button. The server checks the period and answers 400 naming the field, shown
 * under that field; on 202 the form says the request was accepted and links it in the requests centre.
 */
export function EmailedReportForm({ companyId, type, period: rule, submitLabel }: EmailedReportFormProps) {
  const { t } = useTranslation();
  const me = useMe();
  const today = almatyToday();
  const [period, setPeriod] = useState<Period>(() => rule?.initial(today) ?? { from: '', to: '' });
  const [typedEmail, setTypedEmail] = useState<string | null>(null);
  const email = typedEmail ?? me.data?.email ?? '';
  const [localErrors, setLocalErrors] = useState<LocalErrors>({});
  const inputs = {
    from: useRef<HTMLInputElement>(null),
    to: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
  };
  const order = useRequestReportMutation(companyId);

  const serverError = order.error;
  const fieldError = (field: Field) => localErrors[field] ?? serverError?.fieldMessage(field);
  const generalError = serverError && !serverError.hasFieldErrors(FIELDS) ? serverError.message : null;

  const edited = (field: Field) => {
    if (localErrors[field]) setLocalErrors((previous) => ({ ...previous, [field]: undefined }));
    if (order.error) order.reset();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors: LocalErrors = {};
    if (rule) {
      if (!isValidDate(period.from)) errors.from = t('documents.errors.dateRequired');
      if (!isValidDate(period.to)) errors.to = t('documents.errors.dateRequired');
      else if (isValidDate(period.from) && period.from > period.to) errors.to = t('documents.errors.endBeforeStart');
    }
    const address = email.trim();
    if (!address) errors.email = t('documents.errors.emailRequired');
    else if (!isEmailShaped(address)) errors.email = t('documents.errors.emailInvalid');
    setLocalErrors(errors);
    const firstInvalid = FIELDS.find((field) => errors[field]);
    if (firstInvalid) {
      order.reset();
      inputs[firstInvalid].current?.focus();
      return;
    }
    order.mutate(
      { type, email: address, ...(rule ? period : {}) },
      {
        onError: (error) => {
          const field = FIELDS.find((candidate) => error.fieldMessage(candidate) !== undefined);
          if (field) inputs[field].current?.focus();
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        {rule && (
          <PeriodFields
            value={period}
            onChange={(field, value) => {
              setPeriod((previous) => ({ ...previous, [field]: value }));
              edited(field);
            }}
            errors={{ from: fieldError('from'), to: fieldError('to') }}
            min={addMonths(today, -rule.lookbackMonths)}
            max={rule.latest ? rule.latest(today) : today}
            rule={rule.rule}
            fromRef={inputs.from}
            toRef={inputs.to}
          />
        )}
        <EmailField
          value={email}
          onChange={(value) => {
            setTypedEmail(value);
            edited('email');
          }}
          error={fieldError('email')}
          inputRef={inputs.email}
        />
        {generalError && <FormError message={generalError} />}
        <Group>
          <Button type="submit" loading={order.isPending} w={{ base: '100%', xs: 'auto' }}>
            {submitLabel}
          </Button>
        </Group>
        {order.data && <ReportAccepted key={order.data.id} companyId={companyId} requestId={order.data.id} />}
      </Stack>
    </form>
  );
}
