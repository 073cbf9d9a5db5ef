"""Accounts, sign-in, roles and scopes, presentation links and the audit log (no Streamlit).

- roles, link_scope: pure — roles, ACTIONS, `Limits` from grants, a link's Limits.
- passwords: Argon2id hashes, random tokens and their SHA-256.
- users, grants: accounts and their roles; sessions: cookie sessions; signin: password
  sign-in with throttling; links: presentation links; oidc: single sign-on identities.
- audit: `record_audit(connection, ...)` for every writer, and the log's listing.
- demo: one account per role for the seeded demo province; cli: `python -m data_access users`.

Writes go through data_access.engine.immediate_transaction and are audited in the same
transaction.
"""
