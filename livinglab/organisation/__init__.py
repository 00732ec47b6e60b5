"""The organisation around the rooms: members who sign in (an identity provider or
passkeys), their roles, their sessions, and the audit trail of who did what.

Participants never appear here: joining by QR stays account-free.
"""
