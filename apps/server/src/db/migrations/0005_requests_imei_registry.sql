-- Requests centre (B4) and the national IMEI registry simulator (O3), issue 6.

-- Every asynchronous operation is a row of `requests` (0001). It gains: the time of its last change
-- (live updates and `?updatedSince=` read it), when its job may run (the IMEI registry answers after
-- a delay), how many times a job started on it, the stable error code of a failure, and the media
-- type of a result file.
ALTER TABLE requests ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE requests ADD COLUMN run_after timestamptz NOT NULL DEFAULT now();
ALTER TABLE requests ADD COLUMN attempts integer NOT NULL DEFAULT 0;
ALTER TABLE requests ADD COLUMN error_code text;
ALTER TABLE requests ADD COLUMN file_type text;
CREATE INDEX requests_company_updated_idx ON requests (company_id, updated_at);
CREATE INDEX requests_open_idx ON requests (run_after) WHERE status IN ('pending', 'running');
CREATE INDEX requests_number_open_idx ON requests (number_id) WHERE status IN ('pending', 'running');

-- Each status a request took, once: a retried or duplicated job never adds a second final status.
CREATE TABLE request_status_history (
  id bigserial PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('pending', 'running', 'succeeded', 'failed')),
  changed_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX request_status_history_request_idx ON request_status_history (request_id, id);

-- One device registration row per request (F24–F26).
CREATE UNIQUE INDEX device_registrations_request_idx ON device_registrations (request_id) WHERE request_id IS NOT NULL;

-- The IMEI registry simulator's own state (O3): who holds each IMEI it knows. A real registry keeps
-- this on its side; the simulator keeps it here so that its answers are deterministic and change in
-- the same transaction as the portal's record of them.
CREATE TABLE imei_registry (
  imei char(14) PRIMARY KEY,
  holder_msisdn char(11),
  holder_iin_bin char(12),
  duplicate_msisdn char(11),
  duplicate_iin_bin char(12),
  blacklisted boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Every answer the simulator gave, by the portal's request id: asking again returns the same answer.
CREATE TABLE imei_registry_answers (
  request_id uuid PRIMARY KEY,
  imei char(14) NOT NULL,
  kind text NOT NULL,
  outcome text NOT NULL,
  answered_at timestamptz NOT NULL DEFAULT now()
);
