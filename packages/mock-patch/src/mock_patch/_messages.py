"""The texts of the errors the patchers raise.

Tests compare these messages word for word with the standard library's, so they are kept
in one place, each under the rule it reports.
"""

from __future__ import annotations

__all__ = [
    "ALREADY_STARTED",
    "AUTOSPEC_AND_NEW",
    "AUTOSPEC_AND_NEW_CALLABLE",
    "AUTOSPEC_WITH_CREATE",
    "KWARGS_WITHOUT_MOCK",
    "MULTIPLE_WITHOUT_KEYWORDS",
    "NEW_AND_NEW_CALLABLE",
    "SPEC_AND_AUTOSPEC",
    "SPEC_SET_WITH_SPEC",
    "SPEC_WITH_CREATE",
]

# Starting a patcher twice (the newest behaviour).
ALREADY_STARTED = "Patch is already started"
# Contradictory arguments.
SPEC_AND_AUTOSPEC = "Can't specify spec and autospec"
SPEC_SET_WITH_SPEC = "Can't provide explicit spec_set *and* spec or autospec"
NEW_AND_NEW_CALLABLE = "Cannot use 'new' and 'new_callable' together"
AUTOSPEC_AND_NEW_CALLABLE = "Cannot use 'autospec' and 'new_callable' together"
AUTOSPEC_AND_NEW = "autospec creates the mock for you. Can't specify autospec and new."
# Keyword arguments configure a created mock; there is none when new is given.
KWARGS_WITHOUT_MOCK = "Can't pass kwargs to a mock we aren't creating"
# create=True found nothing to take a spec from.
SPEC_WITH_CREATE = "Can't use 'spec' with create=True"
AUTOSPEC_WITH_CREATE = "Can't use 'autospec' with create=True"
MULTIPLE_WITHOUT_KEYWORDS = "Must supply at least one keyword argument with patch.multiple"
