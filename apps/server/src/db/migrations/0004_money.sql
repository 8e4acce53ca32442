-- Money (issue 5): balance transfers (F40), payment allocation (O4, F38).

-- One row per accepted transfer between two numbers of one company. The money itself moves in
-- the ledger (one 'transfer' transaction with exactly two entries); this row is the document the
-- transfers page lists.
CREATE TABLE balance_transfers (
  id uuid PRIMARY KEY,
  company_id uuid NOT NULL REFERENCES companies (id),
  from_number_id uuid NOT NULL REFERENCES numbers (id),
  to_number_id uuid NOT NULL REFERENCES numbers (id),
  amount_tiyn bigint NOT NULL CHECK (amount_tiyn > 0),
  ledger_transaction_id uuid NOT NULL UNIQUE REFERENCES ledger_transactions (id),
  administrator_id uuid REFERENCES administrators (id),
  idempotency_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_number_id <> to_number_id)
);
CREATE INDEX balance_transfers_company_created_idx ON balance_transfers (company_id, created_at DESC, id DESC);

-- A payment first lands in unallocated_payments (ledger_transaction_id); allocating it to a
-- personal account later is a second ledger transaction.
ALTER TABLE payments ADD COLUMN allocation_transaction_id uuid REFERENCES ledger_transactions (id);
CREATE INDEX payments_unallocated_idx ON payments (company_id, paid_on DESC) WHERE account_id IS NULL;
