-- Network provisioning log (O5): every command sent through the network port, with its outcome.
-- A succeeded command is written in the same transaction as the change it made; a failed one is
-- written after that transaction was rolled back, so the log shows every attempt.
CREATE TABLE provisioning_commands (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id uuid NOT NULL REFERENCES companies (id),
  number_id uuid NOT NULL REFERENCES numbers (id),
  kind text NOT NULL CHECK (kind IN (
    'service_activate', 'service_deactivate', 'block', 'unblock',
    'forwarding_add', 'forwarding_remove', 'sim_swap', 'esim_swap'
  )),
  payload jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);
CREATE INDEX provisioning_commands_company_created_idx ON provisioning_commands (company_id, created_at DESC);
CREATE INDEX provisioning_commands_number_created_idx ON provisioning_commands (number_id, created_at DESC);
