"""Database schema: SQLAlchemy Core tables shared by queries, importers and migrations.

Numbers are stored as double precision: people counts fit exactly up to 2**53, and imported
files may carry decimals for count indicators (e.g. billions of dong).
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)

# Locality levels: 0 province, 1 commune-level unit (xã / phường / đặc khu), 2 village or
# residential group (thôn / buôn / làng / tổ dân phố).
LEVEL_PROVINCE, LEVEL_COMMUNE, LEVEL_VILLAGE = 0, 1, 2

localities = sa.Table(
    "localities",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(16), nullable=False, unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    # Diacritic- and case-folded name, kept for search (see campaign.text.fold_text).
    sa.Column("name_folded", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("level", sa.SmallInteger, nullable=False),
    sa.Column("parent_id", sa.Integer, sa.ForeignKey("localities.id"), nullable=True),
    # GeoJSON geometry (Polygon / MultiPolygon), rings already in the order Vega draws.
    sa.Column("boundary", sa.Text, nullable=True),
    # The commune's focal point for reporting (optional register columns), for reminders.
    sa.Column("focal_name", sa.String(200), nullable=True),
    sa.Column("focal_phone", sa.String(32), nullable=True),
    sa.Column("focal_email", sa.String(254), nullable=True),
    sa.Index(None, "parent_id", "level"),
    sa.Index(None, "level"),
)

agencies = sa.Table(
    "agencies",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(32), nullable=False, unique=True),
    sa.Column("name_vi", sa.String(200), nullable=False),
    sa.Column("name_en", sa.String(200), nullable=False),
)

task_groups = sa.Table(
    "task_groups",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(32), nullable=False, unique=True),
    sa.Column("name_vi", sa.String(200), nullable=False),
    sa.Column("name_en", sa.String(200), nullable=False),
)

target_groups = sa.Table(
    "target_groups",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(32), nullable=False, unique=True),
    sa.Column("name_vi", sa.String(200), nullable=False),
    sa.Column("name_en", sa.String(200), nullable=False),
    # Goal as a percentage of the group's population (100 for most, 90 for VNeID).
    sa.Column("goal_pct", sa.Float, nullable=False),
    sa.Column("sort_order", sa.Integer, nullable=False, server_default="0"),
)

populations = sa.Table(
    "populations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("locality_id", sa.Integer, sa.ForeignKey("localities.id"), nullable=False),
    sa.Column("target_group_id", sa.Integer, sa.ForeignKey("target_groups.id"), nullable=False),
    sa.Column("as_of", sa.Date, nullable=False),
    sa.Column("population", sa.Float, nullable=False),
    sa.UniqueConstraint("locality_id", "target_group_id", "as_of"),
)

campaigns = sa.Table(
    "campaigns",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(32), nullable=False, unique=True),
    sa.Column("province_id", sa.Integer, sa.ForeignKey("localities.id"), nullable=False),
    sa.Column("name_vi", sa.String(300), nullable=False),
    sa.Column("name_en", sa.String(300), nullable=False),
)

stages = sa.Table(
    "stages",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("campaign_id", sa.Integer, sa.ForeignKey("campaigns.id"), nullable=False),
    sa.Column("code", sa.String(32), nullable=False, unique=True),
    sa.Column("name_vi", sa.String(300), nullable=False),
    sa.Column("name_en", sa.String(300), nullable=False),
    sa.Column("start_date", sa.Date, nullable=False),
    sa.Column("deadline", sa.Date, nullable=False),
    # Reporting period in days (weekly by default); drives completeness and "stale".
    sa.Column("period_days", sa.Integer, nullable=False, server_default="7"),
)

indicators = sa.Table(
    "indicators",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(32), nullable=False, unique=True),
    sa.Column("name_vi", sa.String(300), nullable=False),
    sa.Column("name_en", sa.String(300), nullable=False),
    # "percent" (a ratio of numerator to denominator) or "count" (numerators sum).
    sa.Column("unit", sa.String(16), nullable=False),
    # "higher" or "lower": which way is better.
    sa.Column("direction", sa.String(8), nullable=False, server_default="higher"),
    sa.Column("agency_id", sa.Integer, sa.ForeignKey("agencies.id"), nullable=False),
    sa.Column("task_group_id", sa.Integer, sa.ForeignKey("task_groups.id"), nullable=False),
    sa.Column("target_group_id", sa.Integer, sa.ForeignKey("target_groups.id"), nullable=True),
    sa.Column("numerator_vi", sa.String(300), nullable=False, server_default=""),
    sa.Column("numerator_en", sa.String(300), nullable=False, server_default=""),
    sa.Column("denominator_vi", sa.String(300), nullable=False, server_default=""),
    sa.Column("denominator_en", sa.String(300), nullable=False, server_default=""),
    sa.Column("sort_order", sa.Integer, nullable=False, server_default="0"),
    # Decimal places a report may carry: 0 for counts of people (the usual case), more for an
    # indicator counted in e.g. billions of dong or hectares.
    sa.Column("decimals", sa.SmallInteger, nullable=False, server_default="0"),
)

targets = sa.Table(
    "targets",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("indicator_id", sa.Integer, sa.ForeignKey("indicators.id"), nullable=False),
    sa.Column("stage_id", sa.Integer, sa.ForeignKey("stages.id"), nullable=False),
    # NULL: the province-wide target of the stage's campaign; else a commune's own target.
    sa.Column("locality_id", sa.Integer, sa.ForeignKey("localities.id"), nullable=True),
    # Percent (0-100) for percent indicators, a count for count indicators.
    sa.Column("baseline", sa.Float, nullable=False),
    sa.Column("target", sa.Float, nullable=False),
    sa.UniqueConstraint("indicator_id", "stage_id", "locality_id"),
)

import_batches = sa.Table(
    "import_batches",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # What was imported: "seed", "reports", "localities", "populations", "indicators", ...
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("user_name", sa.String(100), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("file_name", sa.String(300), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("rows_added", sa.Integer, nullable=False, server_default="0"),
    sa.Column("rows_replaced", sa.Integer, nullable=False, server_default="0"),
    sa.Column("rows_rejected", sa.Integer, nullable=False, server_default="0"),
    # "committed" or "rolled_back".
    sa.Column("status", sa.String(16), nullable=False, server_default="committed"),
    sa.Index(None, "sha256"),
)

reports = sa.Table(
    "reports",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("locality_id", sa.Integer, sa.ForeignKey("localities.id"), nullable=False),
    sa.Column("indicator_id", sa.Integer, sa.ForeignKey("indicators.id"), nullable=False),
    sa.Column("as_of", sa.Date, nullable=False),
    sa.Column("numerator", sa.Float, nullable=False),
    # NULL for count indicators.
    sa.Column("denominator", sa.Float, nullable=True),
    sa.Column("note", sa.Text, nullable=True),
    sa.Column("batch_id", sa.Integer, sa.ForeignKey("import_batches.id"), nullable=False),
    # One value per locality, indicator and date; this unique index also serves the
    # "latest report on or before" lookups, which scan it per (indicator, locality).
    sa.UniqueConstraint("indicator_id", "locality_id", "as_of"),
    sa.Index(None, "as_of"),
    sa.Index(None, "batch_id"),
)

# What each import batch changed, so `rollback` can undo it: old_values is the JSON of a row as
# it was before the batch replaced it, NULL when the batch added the row. Report rows the batch
# added are not listed (reports.batch_id already names them); previous_batch_id is the batch
# that had written a replaced report, so a later batch on top of it blocks its rollback.
import_changes = sa.Table(
    "import_changes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("batch_id", sa.Integer, sa.ForeignKey("import_batches.id"), nullable=False),
    sa.Column("table_name", sa.String(32), nullable=False),
    sa.Column("row_id", sa.Integer, nullable=False),
    sa.Column("previous_batch_id", sa.Integer, sa.ForeignKey("import_batches.id"), nullable=True),
    sa.Column("old_values", sa.Text, nullable=True),
    sa.Index(None, "batch_id"),
    sa.Index(None, "previous_batch_id"),
    sa.Index(None, "table_name", "row_id"),
)

# One row per key: flags of the database as a whole (e.g. "demo": it holds the seeded demo).
app_meta = sa.Table(
    "app_meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.String(200), nullable=False),
)

# Counters bumped atomically in SQL (`value = value + 1`). "data_version" is bumped by every
# write of data, so cached figures key on it; no command ever resets it (seed --force included).
app_counters = sa.Table(
    "app_counters",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("value", sa.BigInteger, nullable=False),
)

# --- Accounts and sign-in (data_access.accounts) ---------------------------------------------
# Times here are naive UTC (data_access.accounts.clock.utc_now), the same on both databases.

# A person who signs in: with a built-in password (Argon2id), through the province's single
# sign-on (OIDC issuer + subject), or both. Accounts are disabled, never deleted, so the audit
# log keeps naming who did what.
users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # Stored folded to lower case: "NguyenVanA" and "nguyenvana" are one account.
    sa.Column("login", sa.String(100), nullable=False, unique=True),
    sa.Column("display_name", sa.String(200), nullable=False),
    # Lower case; unique so that a first single sign-on by e-mail links one account only.
    sa.Column("email", sa.String(254), nullable=True, unique=True),
    sa.Column("password_hash", sa.String(255), nullable=True),
    sa.Column("oidc_issuer", sa.String(300), nullable=True),
    sa.Column("oidc_subject", sa.String(255), nullable=True),
    sa.Column("disabled", sa.Boolean, nullable=False, server_default=sa.false()),
    # Made by `seed` with a published password: it signs in only while the demo flag is set.
    sa.Column("is_demo", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.UniqueConstraint("oidc_issuer", "oidc_subject"),
)

# What a user may do, one row per role and scope: NULL province = every province, a commune
# officer's row names one commune, a department head's row names one agency.
grants = sa.Table(
    "grants",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
    sa.Column("role", sa.String(32), nullable=False),
    sa.Column("province_code", sa.String(16), nullable=True),
    sa.Column("commune_code", sa.String(16), nullable=True),
    sa.Column("agency_code", sa.String(32), nullable=True),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Index(None, "user_id"),
)

# A signed-in browser. Only the SHA-256 of the cookie's random token is stored, so a copy of
# the database cannot be replayed as anyone's session.
sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("token_sha256", sa.String(64), nullable=False, unique=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("last_seen_at", sa.DateTime, nullable=False),
    # The absolute end; the idle end is last_seen_at + DASHBOARD_SESSION_IDLE_MINUTES.
    sa.Column("expires_at", sa.DateTime, nullable=False),
    sa.Column("revoked_at", sa.DateTime, nullable=True),
    sa.Column("address", sa.String(64), nullable=False, server_default=""),
    sa.Column("user_agent", sa.String(300), nullable=False, server_default=""),
    sa.Index(None, "user_id"),
)

# Every password sign-in attempt, for throttling per login typed (known or not, so throttling
# reveals nothing) and per address. Rows older than the throttle window are purged.
signin_attempts = sa.Table(
    "signin_attempts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Column("login", sa.String(100), nullable=False),
    sa.Column("address", sa.String(64), nullable=False),
    sa.Column("succeeded", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Index(None, "login", "at"),
    sa.Index(None, "address", "at"),
    sa.Index(None, "at"),
)

# Who did what, when and from where: sign-ins, account changes, links, imports, rollbacks.
audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=True),
    # The login as it was (or as typed, for a failed sign-in); "cli:<os user>" for commands.
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("address", sa.String(64), nullable=False, server_default=""),
    sa.Column("action", sa.String(64), nullable=False),
    # JSON object of what the action changed (never a password or a token).
    sa.Column("details", sa.Text, nullable=False, server_default="{}"),
    sa.Index(None, "at"),
    sa.Index(None, "user_id", "at"),
    sa.Index(None, "action", "at"),
)

# A read-only, expiring link for the meeting-room computer: it may only present, within its
# scope (JSON: province, communes, agency, stage) and optionally frozen at an as-of date.
presentation_links = sa.Table(
    "presentation_links",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("token_sha256", sa.String(64), nullable=False, unique=True),
    sa.Column("created_by", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("label", sa.String(200), nullable=False, server_default=""),
    sa.Column("scope", sa.Text, nullable=False),
    sa.Column("as_of", sa.Date, nullable=True),
    sa.Column("expires_at", sa.DateTime, nullable=False),
    sa.Column("revoked_at", sa.DateTime, nullable=True),
)

# Tables `seed --force` keeps: accounts and the audit log are not campaign data.
ACCOUNT_TABLES = (users, grants, sessions, signin_attempts, audit_log, presentation_links)

# --- Meetings and their decisions (data_access.meetings) --------------------------------------

# A committee meeting: its date, the stage it reviewed and the as-of date its figures were
# frozen at, which "since the last meeting" compares with.
meetings = sa.Table(
    "meetings",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("province_code", sa.String(16), nullable=False),
    sa.Column("meeting_date", sa.Date, nullable=False),
    sa.Column("stage_id", sa.Integer, sa.ForeignKey("stages.id"), nullable=False),
    sa.Column("as_of", sa.Date, nullable=False),
    sa.Column("title", sa.String(300), nullable=False),
    sa.Column("notes", sa.Text, nullable=False, server_default=""),
    sa.Column("created_by", sa.String(100), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Index(None, "province_code", "meeting_date"),
)

# What a meeting decided, about a commune, a cluster (commune_codes: comma-separated, sorted),
# an indicator or the province; indicator_code names the figure it was about. "Overdue" is an
# open decision past its due date: computed when read, never stored.
decisions = sa.Table(
    "decisions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meetings.id"), nullable=False),
    # "commune", "cluster", "indicator" or "province".
    sa.Column("subject_kind", sa.String(16), nullable=False),
    sa.Column("commune_codes", sa.Text, nullable=False, server_default=""),
    sa.Column("indicator_code", sa.String(32), nullable=True),
    sa.Column("text", sa.Text, nullable=False),
    # The responsible side: an agency (its department head) or a commune (its officer).
    sa.Column("agency_code", sa.String(32), nullable=True),
    sa.Column("responsible_commune_code", sa.String(16), nullable=True),
    sa.Column("due_date", sa.Date, nullable=False),
    # "open" or "done".
    sa.Column("status", sa.String(8), nullable=False, server_default="open"),
    sa.Column("status_note", sa.Text, nullable=False, server_default=""),
    sa.Column("status_updated_by", sa.String(100), nullable=True),
    sa.Column("status_updated_at", sa.DateTime, nullable=True),
    sa.Column("created_by", sa.String(100), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Index(None, "meeting_id"),
)

# Every status change of a decision, oldest first: who, when, the status set and its note.
decision_updates = sa.Table(
    "decision_updates",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("decision_id", sa.Integer, sa.ForeignKey("decisions.id"), nullable=False),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("status", sa.String(8), nullable=False),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
    sa.Index(None, "decision_id"),
)

MEETING_TABLES = (meetings, decisions, decision_updates)
# --- Report entry and approval (data_access.entry) -------------------------------------------
# A commune officer enters a period's figures in a form; a data officer approves them, which
# writes them into `reports` as one batch (the same path as a file import). Times are naive UTC.

# One commune's period of one stage: "draft" → "submitted" → "returned" (with a comment) or
# "approved" (locked; `batch_id` names the batch that wrote its values); "reopened" unlocks
# an approved period for a change, with the reason kept in entry_history.
entry_periods = sa.Table(
    "entry_periods",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("locality_id", sa.Integer, sa.ForeignKey("localities.id"), nullable=False),
    sa.Column("stage_id", sa.Integer, sa.ForeignKey("stages.id"), nullable=False),
    sa.Column("as_of", sa.Date, nullable=False),
    sa.Column("status", sa.String(16), nullable=False, server_default="draft"),
    # The data officer's comment when returning the period, shown to the officer.
    sa.Column("comment", sa.Text, nullable=True),
    sa.Column("batch_id", sa.Integer, sa.ForeignKey("import_batches.id"), nullable=True),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    sa.Column("updated_by", sa.String(100), nullable=False),
    sa.UniqueConstraint("locality_id", "stage_id", "as_of"),
    sa.Index(None, "status"),
)

# The figures as the officer typed them (text, so a draft may hold a value still to fix; the
# import's checks run on them before submitting and again before approving).
entry_values = sa.Table(
    "entry_values",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("period_id", sa.Integer, sa.ForeignKey("entry_periods.id"), nullable=False),
    sa.Column("indicator_id", sa.Integer, sa.ForeignKey("indicators.id"), nullable=False),
    sa.Column("numerator", sa.String(64), nullable=False, server_default=""),
    sa.Column("denominator", sa.String(64), nullable=False, server_default=""),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
    sa.UniqueConstraint("period_id", "indicator_id"),
)

# Every step of a period and every change of a value: action is "entered", "submitted",
# "returned", "approved" or "reopened"; old_value/new_value are JSON of a value's figures
# (NULL for a step of the whole period); reason holds a return comment or a reopen reason.
entry_history = sa.Table(
    "entry_history",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("period_id", sa.Integer, sa.ForeignKey("entry_periods.id"), nullable=False),
    sa.Column("indicator_id", sa.Integer, sa.ForeignKey("indicators.id"), nullable=True),
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=True),
    sa.Column("user_name", sa.String(100), nullable=False),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Column("old_value", sa.Text, nullable=True),
    sa.Column("new_value", sa.Text, nullable=True),
    sa.Column("reason", sa.Text, nullable=True),
    sa.Index(None, "period_id"),
    sa.Index(None, "indicator_id", "at"),
)
