"""Command line: `python -m livinglab migrate`."""

import argparse

from livinglab import db


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m livinglab")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="bring the database to the newest schema")
    args = parser.parse_args(argv)
    if args.command == "migrate":
        db.migrate()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
