"""Command-line entry point: ``budget-warehouse extract``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from budget_warehouse.errors import ExtractionError
from budget_warehouse.extract import extract_folder


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="budget-warehouse", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="extract every disclosure into seed CSVs")
    extract.add_argument("--input", type=Path, default=Path("disclosures"), help="folder of disclosure documents")
    extract.add_argument("--output", type=Path, default=Path("seeds/disclosure"), help="seed folder to replace")
    extract.add_argument("--no-progress", action="store_true", help="do not draw a progress bar")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "extract":
        try:
            summary = extract_folder(args.input, args.output, progress=not args.no_progress and sys.stderr.isatty())
        except ExtractionError as exc:
            print(f"error: {exc}", file=sys.stderr)
            print(f"nothing was written to {args.output}", file=sys.stderr)
            return 1
        print(summary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
