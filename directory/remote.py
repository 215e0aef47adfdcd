"""A client for the live FindTreatment.gov locator (SAMHSA), which answers searches in JSON.

``GET {base_url}/locator/exportsAsJson/v2?sAddr=...&limitType=2&limitValue=<metres>&...`` returns
one page ``{"page", "totalPages", "recordCount", "rows"}``; each row is converted by
:func:`directory.importers.locator_json.programme_from_locator_row`. Network trouble, HTTP errors
that outlast the retries and bodies that are not the expected JSON all raise
:class:`RemoteSourceError` with a one-line message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import MaxRetryError, ReadTimeoutError
from urllib3.util.retry import Retry

from directory.importers.base import ImportCollector, ImportResult, where_with_id
from directory.importers.locator_json import SOURCE, programme_from_locator_row

LOCATOR_PATH = "/locator/exportsAsJson/v2"
USER_AGENT = "iop-finder/0.1 (open-source IOP search assistant; FindTreatment.gov locator client)"
METRES_PER_MILE = 1609.344
#: ``limitType`` 2 means "within ``limitValue`` metres of ``sAddr``"
LIMIT_BY_DISTANCE = 2
RETRY_STATUSES = (429, 500, 502, 503, 504)


class RemoteSourceError(RuntimeError):
    """The remote source could not be read; the message says why in one line."""


@dataclass(frozen=True)
class LocatorPage:
    page: int
    total_pages: int
    record_count: int
    rows: tuple[dict[str, Any], ...]


class FindTreatmentClient:
    """Reads the FindTreatment.gov locator, retrying GETs on connection errors and 429/5xx answers.

    A ``session`` passed in gets the retrying adapter and the User-Agent mounted on it.
    """

    def __init__(
        self,
        base_url: str = "https://findtreatment.gov",
        *,
        timeout: tuple[float, float] = (5.0, 30.0),
        retries: int = 3,
        backoff_factor: float = 0.5,
        session: requests.Session | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.retries = retries
        self.session = session or requests.Session()
        retry = Retry(
            total=retries,
            backoff_factor=backoff_factor,
            status_forcelist=RETRY_STATUSES,
            allowed_methods=frozenset({"GET"}),
            raise_on_status=False,  # the last answer comes back, so its status can be reported
        )
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers.update({"User-Agent": USER_AGENT, "Accept": "application/json"})

    @property
    def url(self) -> str:
        return self.base_url + LOCATOR_PATH

    def fetch_page(
        self,
        address: str,
        radius_miles: float,
        *,
        codes: Sequence[str] = (),
        page: int = 1,
        page_size: int = 100,
    ) -> LocatorPage:
        """One page of facilities within ``radius_miles`` of ``address``, nearest first."""
        if radius_miles <= 0:
            raise ValueError(f"radius must be positive, got {radius_miles:g} miles")
        if page < 1 or page_size < 1:
            raise ValueError(f"page ({page}) and page size ({page_size}) must be at least 1")
        params: dict[str, str | int] = {
            "sAddr": address,
            "limitType": LIMIT_BY_DISTANCE,
            "limitValue": round(radius_miles * METRES_PER_MILE),
        }
        if codes:
            params["sCodes"] = ",".join(codes)
        params.update(pageSize=page_size, page=page, sort=0)
        return _page_from_body(self._get_json(params))

    def fetch_programmes(
        self,
        address: str,
        radius_miles: float,
        *,
        codes: Sequence[str] = (),
        max_pages: int = 20,
        page_size: int = 100,
        verified_on: date | None = None,
    ) -> ImportResult:
        """Every facility of the search, page after page up to ``max_pages``, as programmes.

        Rows that make no valid programme (or repeat a frid) are refused with their page and row;
        unknown service texts become warnings, as in the file importer.
        """
        collector = ImportCollector(SOURCE)
        notes = []
        number, total_pages = 1, 1
        while number <= min(total_pages, max_pages):
            page = self.fetch_page(address, radius_miles, codes=codes, page=number, page_size=page_size)
            total_pages = page.total_pages
            for index, row in enumerate(page.rows, 1):
                collector.add(
                    where_with_id(f"page {number} row {index}", row, "frid"),
                    lambda row=row: programme_from_locator_row(row, verified_on=verified_on),
                )
            if not page.rows:
                break
            number += 1
        if total_pages > max_pages:
            notes.append(
                f"read only {max_pages} of {total_pages} pages: the search has more facilities "
                "than were fetched (narrow the radius or raise max_pages)"
            )
        return collector.result(notes=notes)

    def _get_json(self, params: dict[str, str | int]) -> Any:
        try:
            response = self.session.get(self.url, params=params, timeout=self.timeout)
        except requests.RequestException as error:
            raise RemoteSourceError(_network_message(error, self.url, self.timeout)) from error
        if response.status_code >= 400:
            after = f" after {self.retries} retries" if response.status_code in RETRY_STATUSES else ""
            raise RemoteSourceError(
                f"FindTreatment.gov answered HTTP {response.status_code} {response.reason}{after} ({self.url})"
            )
        try:
            return response.json()
        except ValueError:
            kind = response.headers.get("Content-Type", "no content type")
            start = response.text[:60].strip().replace("\n", " ")
            raise RemoteSourceError(
                f"FindTreatment.gov sent a body that is not JSON ({kind}, starting {start!r}) ({self.url})"
            ) from None


def _network_message(error: requests.RequestException, url: str, timeout: tuple[float, float]) -> str:
    if _is_timeout(error):
        return f"FindTreatment.gov did not answer in time (connect {timeout[0]:g}s, read {timeout[1]:g}s) ({url})"
    if isinstance(error, requests.ConnectionError):
        return f"could not connect to FindTreatment.gov ({url}): {_reason(error)}"
    return f"request to FindTreatment.gov failed ({url}): {_reason(error)}"


def _is_timeout(error: requests.RequestException) -> bool:
    """A timeout, also a read timeout wrapped in the MaxRetryError of exhausted retries."""
    if isinstance(error, requests.Timeout):
        return True
    wrapped = error.args[0] if error.args else None
    return isinstance(wrapped, MaxRetryError) and isinstance(wrapped.reason, ReadTimeoutError)


def _reason(error: requests.RequestException) -> str:
    wrapped = error.args[0] if error.args else error
    reason = getattr(wrapped, "reason", None) or wrapped
    return str(reason).splitlines()[0]


def _page_from_body(body: Any) -> LocatorPage:
    """The page envelope, checked; raises RemoteSourceError when it is not one."""
    if not isinstance(body, dict):
        raise RemoteSourceError(f"FindTreatment.gov answer is not a locator page: a JSON {type(body).__name__}")
    missing = [key for key in ("page", "totalPages", "recordCount", "rows") if key not in body]
    if missing:
        raise RemoteSourceError(f"FindTreatment.gov answer is not a locator page: no {', '.join(missing)}")
    numbers = [body[key] for key in ("page", "totalPages", "recordCount")]
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in numbers):
        raise RemoteSourceError(f"FindTreatment.gov answer is not a locator page: page counts {numbers}")
    if not isinstance(body["rows"], list):
        raise RemoteSourceError("FindTreatment.gov answer is not a locator page: 'rows' is not a list")
    return LocatorPage(body["page"], body["totalPages"], body["recordCount"], tuple(body["rows"]))
