"""The report and export formats, apart from the code that writes them (the CLI lists them)."""

from typing import Literal

ReportFormat = Literal["md", "html", "json"]
ExportFormat = Literal["csv", "jsonl", "claimreview", "events"]
