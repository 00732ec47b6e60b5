"""Command line: migrate, export a workshop's record, verify a record against its digest."""

import argparse
import json
import sys
from pathlib import Path

from livinglab import db
from livinglab.errors import WorkshopNotFound
from livinglab.export.opendata import record_csv, record_json
from livinglab.export.pdf import render_pdf
from livinglab.i18n import translate
from livinglab.record import build_record, verify
from livinglab.workshops import find_workshop


def export(code: str, file_format: str, out: Path) -> int:
    """Write the record of workshop `code` as pdf, json or csv (a folder of CSV files)."""
    try:
        with db.session_scope() as session:
            record = build_record(
                session=session, workshop=find_workshop(session=session, code=code)
            )
    except WorkshopNotFound:
        print(f"{translate('error_code_unknown', 'en')} ({code})", file=sys.stderr)
        return 2
    if file_format == "pdf":
        out.write_bytes(render_pdf(record))
    elif file_format == "json":
        out.write_text(record_json(record))
    else:
        out.mkdir(parents=True, exist_ok=True)
        for name, text in record_csv(record).items():
            (out / name).write_text(text)
    print(f"{out} (digest {record['digest']})")
    return 0


def check(path: Path, printed_digest: str) -> int:
    """Exit 0 when the JSON export at `path` is the record whose digest was printed."""
    if verify(json.loads(path.read_text()), printed_digest):
        print("OK: this is the record the digest belongs to.")
        return 0
    print("NOT OK: this record differs from the one that was printed.", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m livinglab")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="bring the database to the newest schema")
    export_parser = commands.add_parser("export", help="write a workshop's decision record")
    export_parser.add_argument("code")
    export_parser.add_argument("--format", choices=("pdf", "json", "csv"), default="pdf")
    export_parser.add_argument("--out", type=Path, required=True)
    verify_parser = commands.add_parser("verify", help="check a JSON record against a digest")
    verify_parser.add_argument("record", type=Path)
    verify_parser.add_argument("--digest", required=True)
    args = parser.parse_args(argv)
    if args.command == "migrate":
        db.migrate()
        return 0
    if args.command == "export":
        return export(args.code, args.format, args.out)
    return check(args.record, args.digest)


if __name__ == "__main__":
    raise SystemExit(main())
