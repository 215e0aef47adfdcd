"""The one place actions get the provider directory from (in process, read-only)."""

from __future__ import annotations

import functools

from directory.search import Directory, open_directory


@functools.lru_cache(maxsize=1)
def get_directory() -> Directory:
    """The directory at $IOP_DIRECTORY_DB (default var/directory.sqlite), opened once per process."""
    return open_directory()
