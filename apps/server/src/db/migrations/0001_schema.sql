-- The whole product's schema. Money is integer tiyn (bigint); times are timestamptz (UTC).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Operator-side settings (announcement, demo secrets, etc.)
CREATE TABLE app_settings (
  name text PRIMARY KEY,
  value text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE announcements (
  language text PRIMARY KEY CHECK (language IN ('en', 'ru', 'kk')),
  title text NOT NULL,
  body text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE companies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bin char(12) NOT NULL UNIQUE,
  full_name text NOT NULL,
  legal_address text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE administrators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  phone char(11) NOT NULL UNIQUE,
  email text NOT NULL,
  full_name text NOT NULL,
  password_hash text NOT NULL,
  language text NOT NULL DEFAULT 'ru' CHECK (language IN ('en', 'ru', 'kk')),
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Access of an administrator to a company, with the administrator's own alias (F05)
CREATE TABLE administrator_companies (
  administrator_id uuid NOT NULL REFERENCES administrators (id) ON DELETE CASCADE,
  company_id uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  alias text,
  role text NOT NULL DEFAULT 'owner' CHECK (role IN ('owner', 'administrator', 'accountant', 'viewer')),
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (administrator_id, company_id)
);
CREATE INDEX administrator_companies_company_idx ON administrator_companies (company_id);

CREATE TABLE tariffs (
  code text PRIMARY KEY,
  name text NOT NULL,
  monthly_fee_tiyn bigint NOT NULL CHECK (monthly_fee_tiyn >= 0),
  esim_allowed boolean NOT NULL DEFAULT true
);

CREATE TABLE personal_accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id uuid NOT NULL REFERENCES companies (id),
  account_number text NOT NULL UNIQUE,
  account_type text NOT NULL CHECK (account_type IN ('separate', 'common')),
  billing_method text NOT NULL CHECK (billing_method IN ('credit', 'advance')),
  credit_limit_tiyn bigint NOT NULL DEFAULT 0 CHECK (credit_limit_tiyn >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX personal_accounts_company_idx ON personal_accounts (company_id);

CREATE TABLE numbers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id uuid NOT NULL REFERENCES companies (id),
  account_id uuid NOT NULL REFERENCES personal_accounts (id),
  msisdn varchar(11) NOT NULL UNIQUE CHECK (msisdn ~ '^77[0-9]{9}$'),
  tariff_code text NOT NULL REFERENCES tariffs (code),
  status text NOT NULL CHECK (status IN ('active', 'blocked', 'blocked_debt', 'suspended', 'terminated')),
  status_changed_at timestamptz NOT NULL DEFAULT now(),
  individual_limit_tiyn bigint CHECK (individual_limit_tiyn >= 0),
  registration_form_number text,
  esim_enabled boolean NOT NULL DEFAULT false,
  roaming boolean NOT NULL DEFAULT false,
  last_detected_imei char(14),
  -- Derived from the ledger, kept in the same transaction as the entries (see ledger_accounts).
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX numbers_company_msisdn_idx ON numbers (company_id, msisdn);
CREATE INDEX numbers_company_status_msisdn_idx ON numbers (company_id, status, msisdn);
CREATE INDEX numbers_account_idx ON numbers (account_id);
CREATE INDEX numbers_msisdn_trgm_idx ON numbers USING gin (msisdn gin_trgm_ops);

CREATE TABLE number_status_history (
  id bigserial PRIMARY KEY,
  number_id uuid NOT NULL REFERENCES numbers (id),
  status text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_by text NOT NULL CHECK (changed_by IN ('administrator', 'operator', 'system')),
  administrator_id uuid REFERENCES administrators (id),
  reason text
);
CREATE INDEX number_status_history_number_idx ON number_status_history (number_id, changed_at DESC);

-- SIM cards; PIN/PUK encrypted at rest (AES-256-GCM, base64 "iv.tag.ciphertext")
CREATE TABLE sims (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number_id uuid NOT NULL REFERENCES numbers (id),
  iccid varchar(20) NOT NULL UNIQUE,
  is_esim boolean NOT NULL DEFAULT false,
  pin1_enc text NOT NULL,
  pin2_enc text NOT NULL,
  puk1_enc text NOT NULL,
  puk2_enc text NOT NULL,
  installed_at timestamptz NOT NULL DEFAULT now(),
  replaced_at timestamptz,
  active boolean NOT NULL DEFAULT true
);
CREATE UNIQUE INDEX sims_one_active_per_number ON sims (number_id) WHERE active;

CREATE TABLE services (
  code text PRIMARY KEY,
  category text NOT NULL CHECK (category IN ('calls_sms', 'data', 'roaming', 'additional', 'promotions')),
  name jsonb NOT NULL,
  terms jsonb NOT NULL,
  monthly_fee_tiyn bigint NOT NULL DEFAULT 0,
  exclusive_group text,
  requires_service_code text REFERENCES services (code),
  allowed_tariffs text[],
  operator_only boolean NOT NULL DEFAULT false,
  allowed_while_blocked boolean NOT NULL DEFAULT false,
  is_restriction boolean NOT NULL DEFAULT false,
  available_until date,
  sort_order int NOT NULL DEFAULT 0
);

CREATE TABLE number_services (
  number_id uuid NOT NULL REFERENCES numbers (id),
  service_code text NOT NULL REFERENCES services (code),
  activated_at timestamptz NOT NULL DEFAULT now(),
  activated_by text NOT NULL DEFAULT 'operator',
  PRIMARY KEY (number_id, service_code)
);

CREATE TABLE allowances (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number_id uuid NOT NULL REFERENCES numbers (id),
  kind text NOT NULL CHECK (kind IN ('remaining', 'additional')),
  name jsonb NOT NULL,
  unit text NOT NULL CHECK (unit IN ('min', 'sms', 'mb')),
  total numeric(14, 2),           -- NULL means unlimited
  available numeric(14, 2),
  connected_at date NOT NULL,
  available_until date NOT NULL
);
CREATE INDEX allowances_number_idx ON allowances (number_id);

CREATE TABLE contract_phones (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number_id uuid NOT NULL REFERENCES numbers (id),
  status text NOT NULL CHECK (status IN ('activated', 'completed', 'terminated')),
  activated_on date NOT NULL,
  terminates_on date NOT NULL,
  term_months int NOT NULL CHECK (term_months > 0),
  monthly_payment_tiyn bigint NOT NULL CHECK (monthly_payment_tiyn >= 0),
  price_tiyn bigint NOT NULL CHECK (price_tiyn >= 0),
  promotion_name text,
  device_name text NOT NULL,
  device_type text NOT NULL
);
CREATE INDEX contract_phones_number_idx ON contract_phones (number_id);

-- Usage records: partitioned by month (same DDL on PGlite and PostgreSQL)
CREATE TABLE usage_records (
  id bigint GENERATED ALWAYS AS IDENTITY,
  company_id uuid NOT NULL,
  number_id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  type text NOT NULL CHECK (type IN ('call', 'sms', 'data')),
  direction text NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
  other_party text,
  duration_seconds int,
  volume_kb bigint,
  cost_tiyn bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (occurred_at, id)
) PARTITION BY RANGE (occurred_at);
CREATE INDEX usage_records_number_time_idx ON usage_records (number_id, occurred_at);
CREATE INDEX usage_records_company_time_idx ON usage_records (company_id, occurred_at);
CREATE TABLE usage_records_default PARTITION OF usage_records DEFAULT;

-- Double-entry ledger (append-only). Each transaction's entries sum to zero.
CREATE TABLE ledger_accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id uuid REFERENCES companies (id),
  number_id uuid UNIQUE REFERENCES numbers (id),
  kind text NOT NULL CHECK (kind IN ('number', 'operator_revenue', 'operator_cash', 'unallocated_payments')),
  -- Derived: the sum of this account's entries, maintained in the same transaction.
  balance_tiyn bigint NOT NULL DEFAULT 0,
  reserved_tiyn bigint NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ledger_accounts_singletons ON ledger_accounts (kind) WHERE number_id IS NULL AND company_id IS NULL;

CREATE TABLE ledger_transactions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id uuid REFERENCES companies (id),
  kind text NOT NULL CHECK (kind IN ('opening_balance', 'charge', 'payment', 'transfer', 'reversal', 'instalment')),
  description text,
  reference text,
  reverses_id uuid REFERENCES ledger_transactions (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_transactions_company_idx ON ledger_transactions (company_id, created_at);
CREATE UNIQUE INDEX ledger_transactions_reference_idx ON ledger_transactions (kind, reference) WHERE reference IS NOT NULL;

CREATE TABLE ledger_entries (
  id bigserial PRIMARY KEY,
  transaction_id uuid NOT NULL REFERENCES ledger_transactions (id),
  account_id uuid NOT NULL REFERENCES ledger_accounts (id),
  amount_tiyn bigint NOT NULL CHECK (amount_tiyn <> 0)
);
CREATE INDEX ledger_entries_transaction_idx ON ledger_entries (transaction_id);
CREATE INDEX ledger_entries_account_idx ON ledger_entries (account_id);

-- Entries are append-only and every transaction balances: checked at commit.
CREATE FUNCTION ledger_transaction_balances() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE total bigint;
BEGIN
  SELECT coalesce(sum(amount_tiyn), 0) INTO total FROM ledger_entries WHERE transaction_id = NEW.transaction_id;
  IF total <> 0 THEN
    RAISE EXCEPTION 'ledger transaction % does not balance (sum %)', NEW.transaction_id, total;
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER ledger_entries_balance AFTER INSERT ON ledger_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_transaction_balances();

CREATE FUNCTION ledger_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger entries are append-only; post a reversing transaction instead';
END $$;
CREATE TRIGGER ledger_entries_no_change BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only();

CREATE TABLE invoices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id uuid NOT NULL REFERENCES companies (id),
  account_id uuid NOT NULL REFERENCES personal_accounts (id),
  invoice_number char(13) NOT NULL UNIQUE CHECK (invoice_number ~ '^[0-9]{13}$'),
  e_invoice_number text UNIQUE,
  period date NOT NULL,           -- first day of the billed month
  issued_at timestamptz NOT NULL,
  total_tiyn bigint NOT NULL,
  vat_tiyn bigint NOT NULL DEFAULT 0,
  ledger_transaction_id uuid REFERENCES ledger_transactions (id),
  UNIQUE (account_id, period)
);
CREATE INDEX invoices_company_period_idx ON invoices (company_id, period);

CREATE TABLE invoice_lines (
  id bigserial PRIMARY KEY,
  invoice_id uuid NOT NULL REFERENCES invoices (id),
  number_id uuid REFERENCES numbers (id),
  category text NOT NULL CHECK (category IN ('subscription', 'calls', 'sms', 'data', 'services', 'instalment', 'other')),
  description text NOT NULL,
  amount_tiyn bigint NOT NULL
);
CREATE INDEX invoice_lines_invoice_idx ON invoice_lines (invoice_id);
CREATE INDEX invoice_lines_number_idx ON invoice_lines (number_id);

CREATE TABLE payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id uuid REFERENCES companies (id),
  account_id uuid REFERENCES personal_accounts (id),
  paid_on date NOT NULL,
  order_number text NOT NULL,
  amount_tiyn bigint NOT NULL CHECK (amount_tiyn > 0),
  payer_bin char(12) NOT NULL,
  raw_account text,
  allocated_at timestamptz,
  source text,
  ledger_transaction_id uuid REFERENCES ledger_transactions (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (payer_bin, order_number, paid_on)
);
CREATE INDEX payments_company_idx ON payments (company_id, paid_on);

-- Device (IMEI) registrations and their history (F24-F26)
CREATE TABLE device_registrations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number_id uuid NOT NULL REFERENCES numbers (id),
  imei char(14) NOT NULL,
  kind text NOT NULL CHECK (kind IN ('register', 'reregister', 'duplicate', 'remove')),
  state text NOT NULL CHECK (state IN ('pending', 'registered', 'removed', 'needs_reregistration', 'needs_duplicate', 'invalid', 'failed')),
  previous_owner_msisdn char(11),
  previous_owner_iin_bin char(12),
  request_id uuid,
  requested_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);
CREATE INDEX device_registrations_number_idx ON device_registrations (number_id, requested_at DESC);
CREATE INDEX device_registrations_imei_idx ON device_registrations (imei);

CREATE TABLE call_forwardings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number_id uuid NOT NULL REFERENCES numbers (id),
  type text NOT NULL CHECK (type IN ('unconditional', 'busy', 'no_answer', 'unreachable')),
  direction text NOT NULL CHECK (direction IN ('number', 'service')),
  target_msisdn char(11),
  service_code text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((direction = 'number' AND target_msisdn IS NOT NULL) OR (direction = 'service' AND service_code IS NOT NULL)),
  UNIQUE (number_id, type)
);

CREATE TABLE esim_orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number_id uuid NOT NULL REFERENCES numbers (id),
  os text NOT NULL CHECK (os IN ('ios', 'android')),
  activation_code text NOT NULL,
  status text NOT NULL CHECK (status IN ('issued', 'confirmed', 'expired', 'failed')),
  expires_at timestamptz NOT NULL,
  confirmed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX esim_orders_number_idx ON esim_orders (number_id, created_at DESC);

-- Asynchronous operations (B4)
CREATE TABLE requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id uuid NOT NULL REFERENCES companies (id),
  administrator_id uuid REFERENCES administrators (id),
  number_id uuid REFERENCES numbers (id),
  kind text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'running', 'succeeded', 'failed')),
  params jsonb NOT NULL DEFAULT '{}',
  result jsonb,
  file_name text,
  file_content bytea,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  completed_at timestamptz
);
CREATE INDEX requests_company_created_idx ON requests (company_id, created_at DESC);

-- Actions history (F31): every administrator action, success or failure
CREATE TABLE actions (
  id bigserial PRIMARY KEY,
  company_id uuid REFERENCES companies (id),
  administrator_id uuid REFERENCES administrators (id),
  api_key_id uuid,
  action text NOT NULL,
  status text NOT NULL CHECK (status IN ('success', 'failure')),
  target text,
  details jsonb NOT NULL DEFAULT '{}',
  ip text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX actions_company_created_idx ON actions (company_id, created_at DESC);
CREATE INDEX actions_administrator_created_idx ON actions (administrator_id, created_at DESC);

-- Messages "sent" through the SMS / e-mail ports (O2). dedupe_key makes sends exactly-once.
CREATE TABLE outbox_messages (
  id bigserial PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  recipient text NOT NULL,
  subject text,
  body text NOT NULL,
  html text,
  attachments jsonb NOT NULL DEFAULT '[]',
  language text NOT NULL DEFAULT 'ru',
  dedupe_key text UNIQUE,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts int NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX outbox_messages_created_idx ON outbox_messages (created_at DESC);
CREATE INDEX outbox_messages_pending_idx ON outbox_messages (id) WHERE status = 'pending';

-- Server-side sessions; only the hash of the session id is stored
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  administrator_id uuid NOT NULL REFERENCES administrators (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  selected_company_id uuid REFERENCES companies (id),
  language text,
  ip text,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ended_at timestamptz
);
CREATE INDEX sessions_administrator_idx ON sessions (administrator_id);

CREATE TABLE otp_challenges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  administrator_id uuid NOT NULL REFERENCES administrators (id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  destination text NOT NULL,
  sends int NOT NULL DEFAULT 1,
  failed_attempts int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_sent_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  consumed_at timestamptz
);
CREATE INDEX otp_challenges_administrator_idx ON otp_challenges (administrator_id, created_at DESC);

CREATE TABLE password_reset_tokens (
  token_hash text PRIMARY KEY,
  administrator_id uuid NOT NULL REFERENCES administrators (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

-- Shared counters for throttling (several API instances share them)
CREATE TABLE rate_limits (
  key text NOT NULL,
  window_start timestamptz NOT NULL,
  count int NOT NULL DEFAULT 0,
  PRIMARY KEY (key, window_start)
);

CREATE TABLE idempotency_keys (
  company_id uuid NOT NULL REFERENCES companies (id),
  key text NOT NULL,
  operation text NOT NULL,
  request_hash text NOT NULL,
  response_status int,
  response_body jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, key)
);

-- Integrators (B1) and webhooks (B2)
CREATE TABLE api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id uuid NOT NULL REFERENCES companies (id),
  name text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  scopes text[] NOT NULL DEFAULT '{}',
  created_by uuid REFERENCES administrators (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE webhooks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id uuid NOT NULL REFERENCES companies (id),
  url text NOT NULL,
  secret_enc text NOT NULL,
  events text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);

-- Monthly partitions; rows outside this range land in usage_records_default.
-- ensure_usage_partition() adds a month later (the billing run calls it).
CREATE FUNCTION ensure_usage_partition(month date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  start_d date := date_trunc('month', month)::date;
  name text := 'usage_records_' || to_char(start_d, 'YYYY_MM');
BEGIN
  IF to_regclass(name) IS NULL THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF usage_records FOR VALUES FROM (%L) TO (%L)',
      name, start_d, (start_d + interval '1 month')::date);
  END IF;
END $$;

DO $$
DECLARE m date;
BEGIN
  FOR m IN SELECT generate_series(date '2025-01-01', date '2027-12-01', interval '1 month')::date LOOP
    PERFORM ensure_usage_partition(m);
  END LOOP;
END $$;
