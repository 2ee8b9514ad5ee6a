-- The state the library hands out, on SQLite and PostgreSQL alike: only
-- types, constraints and statements both engines accept. Amounts are whole
-- cents (BIGINT), counters and points whole numbers, instants RFC 3339
-- text plus Unix nanoseconds for ordering.

CREATE TABLE rulesets (
	version   BIGINT PRIMARY KEY,
	document  TEXT NOT NULL,
	sha256    TEXT NOT NULL,
	loaded_at TEXT NOT NULL
);

-- Limit and purchase-block counters by the library's counter key.
CREATE TABLE counters (
	key  TEXT PRIMARY KEY,
	used BIGINT NOT NULL
);

-- Industry budgets (verba): units the manufacturer planned, units used,
-- and the money of the discounts they funded.
CREATE TABLE budgets (
	promotion   TEXT PRIMARY KEY,
	units_total BIGINT NOT NULL,
	units_used  BIGINT NOT NULL,
	money_cents BIGINT NOT NULL
);

-- Single-use codes no longer valid: redeemed by a sale, or issued by a sale
-- that was voided (cancelled).
CREATE TABLE used_codes (
	code     TEXT PRIMARY KEY,
	sale_id  TEXT NOT NULL,
	event_id TEXT NOT NULL,
	reason   TEXT NOT NULL
);

CREATE TABLE issued_codes (
	code        TEXT PRIMARY KEY,
	event_id    TEXT NOT NULL,
	sale_id     TEXT NOT NULL,
	customer    TEXT NOT NULL,
	unlocks     TEXT NOT NULL,
	valid_from  TEXT NOT NULL,
	valid_until TEXT NOT NULL
);

-- One row per identified customer: committed sales not voided (first
-- purchase) and the row the commit locks.
CREATE TABLE customers (
	token TEXT PRIMARY KEY,
	sales BIGINT NOT NULL
);

-- Cashback credits: the id is the id of the cashback_earned event.
CREATE TABLE wallet_credits (
	id              TEXT PRIMARY KEY,
	customer        TEXT NOT NULL,
	campaign        TEXT NOT NULL,
	sale_id         TEXT NOT NULL,
	store           TEXT NOT NULL,
	earned_cents    BIGINT NOT NULL,
	remaining_cents BIGINT NOT NULL,
	earned_at       TEXT NOT NULL,
	available_from  TEXT NOT NULL,
	expires_at      TEXT NOT NULL,
	expires_unix    BIGINT NOT NULL,
	review_answered INTEGER NOT NULL,
	terms           TEXT NOT NULL,
	CHECK (remaining_cents >= 0)
);
CREATE INDEX wallet_credits_customer ON wallet_credits (customer, id);

-- Every movement of a credit, signed as it changes remaining_cents.
CREATE TABLE wallet_movements (
	event_id     TEXT PRIMARY KEY,
	credit_id    TEXT NOT NULL,
	sale_id      TEXT NOT NULL,
	kind         TEXT NOT NULL,
	amount_cents BIGINT NOT NULL
);
CREATE INDEX wallet_movements_credit ON wallet_movements (credit_id);

-- Points ledger: one row per points or points_reversed event.
CREATE TABLE points_ledger (
	event_id TEXT PRIMARY KEY,
	sale_id  TEXT NOT NULL,
	holder   TEXT NOT NULL,
	program  TEXT NOT NULL,
	campaign TEXT NOT NULL,
	points   BIGINT NOT NULL,
	reverses TEXT NOT NULL
);
CREATE INDEX points_ledger_holder ON points_ledger (holder);

-- Committed sales. status: pending (inside the commit's transaction only),
-- committed, voided.
CREATE TABLE sales (
	id              TEXT PRIMARY KEY,
	content_sha256  TEXT NOT NULL,
	status          TEXT NOT NULL,
	ruleset_version BIGINT NOT NULL DEFAULT 0,
	store           TEXT NOT NULL DEFAULT '',
	customer        TEXT NOT NULL DEFAULT '',
	at_unix_nano    BIGINT NOT NULL DEFAULT 0,
	time            TEXT NOT NULL DEFAULT '',
	local_date      TEXT NOT NULL DEFAULT '',
	week_start      TEXT NOT NULL DEFAULT '',
	month_start     TEXT NOT NULL DEFAULT '',
	gross_cents     BIGINT NOT NULL DEFAULT 0,
	discount_cents  BIGINT NOT NULL DEFAULT 0,
	net_cents       BIGINT NOT NULL DEFAULT 0,
	lines           BIGINT NOT NULL DEFAULT 0,
	fingerprint     TEXT NOT NULL DEFAULT '',
	cart            TEXT NOT NULL DEFAULT '',
	result          TEXT NOT NULL DEFAULT '',
	response        TEXT NOT NULL DEFAULT '',
	committed_at    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sales_store ON sales (store, at_unix_nano);
CREATE INDEX sales_date ON sales (local_date);

CREATE TABLE sale_applications (
	sale_id      TEXT NOT NULL,
	seq          INTEGER NOT NULL,
	campaign     TEXT NOT NULL,
	name         TEXT NOT NULL,
	category     TEXT NOT NULL,
	type         TEXT NOT NULL,
	occurrences  BIGINT NOT NULL,
	amount_cents BIGINT NOT NULL,
	units        BIGINT NOT NULL,
	PRIMARY KEY (sale_id, seq)
);

CREATE TABLE sale_adjustments (
	sale_id      TEXT NOT NULL,
	line_seq     INTEGER NOT NULL,
	seq          INTEGER NOT NULL,
	line_id      TEXT NOT NULL,
	campaign     TEXT NOT NULL,
	kind         TEXT NOT NULL,
	amount_cents BIGINT NOT NULL,
	funded_by    TEXT NOT NULL,
	disc_key     TEXT NOT NULL,
	shared       INTEGER NOT NULL,
	PRIMARY KEY (sale_id, line_seq, seq)
);

CREATE TABLE sale_adjustment_shares (
	sale_id      TEXT NOT NULL,
	line_seq     INTEGER NOT NULL,
	seq          INTEGER NOT NULL,
	share_seq    INTEGER NOT NULL,
	funder       TEXT NOT NULL,
	amount_cents BIGINT NOT NULL,
	PRIMARY KEY (sale_id, line_seq, seq, share_seq)
);

CREATE TABLE sale_gifts (
	sale_id          TEXT NOT NULL,
	seq              INTEGER NOT NULL,
	campaign         TEXT NOT NULL,
	quantity         BIGINT NOT NULL,
	unit_price_cents BIGINT NOT NULL,
	PRIMARY KEY (sale_id, seq)
);

-- Every event written: the library's (origin sale or return) and the
-- host's reversals of a void (origin void).
CREATE TABLE events (
	id           TEXT PRIMARY KEY,
	sale_id      TEXT NOT NULL,
	origin       TEXT NOT NULL,
	origin_id    TEXT NOT NULL,
	seq          INTEGER NOT NULL,
	kind         TEXT NOT NULL,
	campaign     TEXT NOT NULL,
	customer     TEXT NOT NULL,
	amount_cents BIGINT NOT NULL,
	points       BIGINT NOT NULL,
	credit       TEXT NOT NULL,
	reverses     TEXT NOT NULL,
	code         TEXT NOT NULL,
	store        TEXT NOT NULL,
	at_unix_nano BIGINT NOT NULL,
	time         TEXT NOT NULL,
	body         TEXT NOT NULL
);
CREATE INDEX events_sale ON events (sale_id);

CREATE TABLE event_counters (
	event_id TEXT NOT NULL,
	key      TEXT NOT NULL,
	delta    BIGINT NOT NULL,
	PRIMARY KEY (event_id, key)
);

CREATE TABLE voids (
	sale_id  TEXT PRIMARY KEY,
	response TEXT NOT NULL
);

-- Returns (devolução) of committed sales. status: pending, done.
CREATE TABLE returns (
	id             TEXT PRIMARY KEY,
	sale_id        TEXT NOT NULL,
	content_sha256 TEXT NOT NULL,
	status         TEXT NOT NULL,
	store          TEXT NOT NULL DEFAULT '',
	time           TEXT NOT NULL DEFAULT '',
	at_unix_nano   BIGINT NOT NULL DEFAULT 0,
	local_date     TEXT NOT NULL DEFAULT '',
	lines          TEXT NOT NULL DEFAULT '',
	refund         TEXT NOT NULL DEFAULT '',
	response       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX returns_sale ON returns (sale_id);
