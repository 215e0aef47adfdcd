"""What every importer returns: the programmes it accepted and the rows it refused, with why."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from directory.model import Programme

#: resolves a 5-digit ZIP code to (latitude, longitude), or None when unknown
ZipLocator = Callable[[str], "tuple[float, float] | None"]


class MalformedFileError(ValueError):
    """The file as a whole cannot be read (wrong format, missing columns); nothing is imported."""


@dataclass(frozen=True)
class RefusedRow:
    #: where the row is: "line 12", "row 3 (frid 811a...)"
    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class ImportResult:
    source: str
    programmes: list[Programme] = field(default_factory=list)
    refused: list[RefusedRow] = field(default_factory=list)
    #: repairs and ignored values that did not refuse a row, e.g. "line 9: ZIP 4401 padded to 04401"
    warnings: list[str] = field(default_factory=list)

    @property
    def rows_read(self) -> int:
        return len(self.programmes) + len(self.refused)
