"""Command line: migrate, export a workshop's record, verify a record, purge expired data,
back up and restore the database, make the sample workshops, print a setup link."""

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path

from livinglab import backup, bootstrap, db, settings
from livinglab.codes import format_code
from livinglab.demo import create_demo
from livinglab.errors import DemoRefused, WorkshopNotFound
from livinglab.export.opendata import record_csv, record_json
from livinglab.export.pdf import render_pdf
from livinglab.i18n import translate
from livinglab.joinurl import public_url
from livinglab.models import as_utc, utcnow
from livinglab.organisation import members
from livinglab.realtime.bus import announcer_for_commands
from livinglab.records.access import BecameMember, links_to_members
from livinglab.records.library import current_record
from livinglab.records.versions import chain, find_version, is_chain, seal_unsealed, verify_chain
from livinglab.retention import PurgeReport, expired_workshops, personal_data, purge_workshop
from livinglab.web.routes import WELCOME, demo_links
from livinglab.workshops import find_workshop


def export(code: str, file_format: str, out: Path) -> int:
    """Write the record of workshop `code` as pdf, json or csv (a folder of CSV files), or
    every version of it (chain): the newest sealed version once it closed."""
    try:
        with db.session_scope() as session:
            workshop = find_workshop(session=session, code=code)
            record = (
                chain(session, workshop)
                if file_format == "chain"
                else current_record(session, workshop)
            )
    except WorkshopNotFound:
        print(f"{translate('error_code_unknown', 'en')} ({code})", file=sys.stderr)
        return 2
    if file_format == "pdf":
        out.write_bytes(render_pdf(record))
    elif file_format in ("json", "chain"):
        out.write_text(record_json(record))
    else:
        out.mkdir(parents=True, exist_ok=True)
        for name, text in record_csv(record).items():
            (out / name).write_text(text)
    if file_format == "chain":
        print(f"{out} ({len(record['versions'])} versions)")
    else:
        print(f"{out} (digest {record['digest']})")
    return 0


def _described_version(record: dict) -> str:
    seal = record.get("seal")
    if not seal:
        return "the record (not sealed: exported while the workshop ran)"
    made = f"made {seal['made_at'][:10]}, {seal['change']}"
    return f"version {seal['version']} of the record ({made})"


def check(path: Path, printed_digest: str | None) -> int:
    """Exit 0 when the JSON export at `path` (one version, or the chain of every version)
    is the record whose digest was printed; without a digest, whether the chain is unbroken."""
    document = json.loads(path.read_text())
    if printed_digest is None:
        if not is_chain(document):
            print(
                "NOT OK: give --digest, or a chain file (export --format chain).", file=sys.stderr
            )
            return 2
        result = verify_chain(document)
        print("\n".join(result.lines))
        if result.unbroken:
            print("OK: the chain is unbroken: every version names the one before it.")
            return 0
        print("NOT OK: the chain is broken (see above).", file=sys.stderr)
        return 1
    found = find_version(document, printed_digest)
    if found is not None:
        print(f"OK: this is {_described_version(found)}, the one the digest belongs to.")
        return 0
    print("NOT OK: this record differs from the one that was printed.", file=sys.stderr)
    return 1


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _described(report: PurgeReport, dry_run: bool) -> str:
    removed = ", ".join(
        [
            _plural(report.names, "name", "names"),
            _plural(report.tokens, "phone token", "phone tokens"),
            _plural(report.insight_texts, "story text", "story texts"),
            _plural(report.reasons, "consent reason", "consent reasons"),
            _plural(
                report.proposal_texts, "proposal text from a phone", "proposal texts from phones"
            ),
            _plural(report.owners, "action owner", "action owners"),
        ]
    )
    closed = report.closed_at.date().isoformat() if report.closed_at else "?"
    kept = _plural(report.retention_months, "month", "months")
    workshop = f'{format_code(report.code)} "{report.title}" (closed {closed}, kept {kept})'
    return f"{workshop}: {'would remove' if dry_run else 'removed'} {removed}."


def purge(now: datetime, dry_run: bool) -> int:
    """Remove the personal data of every workshop whose retention period is over."""
    with db.session_scope() as session:
        expired = expired_workshops(session=session, now=now)
        planned = [personal_data(session=session, workshop=w) for w in expired]
    done = 0
    for plan in planned:
        if dry_run:
            report = plan
        else:
            with db.session_scope() as session:  # one transaction per workshop
                report = purge_workshop(session=session, code=plan.code, now=now)
        if report is not None:
            print(_described(report, dry_run))
            done += 1
    if not done:
        print("No workshop has reached the end of its retention period: nothing to remove.")
    elif dry_run:
        print(f"Dry run: nothing was changed. {_plural(done, 'workshop', 'workshops')} to purge.")
    else:
        print(f"{_plural(done, 'workshop', 'workshops')} purged: only counts are kept.")
    return 0


def restore(backup_file: Path) -> int:
    """Restore `backup_file` into the empty database at DATABASE_URL."""
    try:
        made_at = backup.restore(database_url=settings.DATABASE_URL, backup_file=backup_file)
    except backup.BackupRefused as refusal:
        print(f"Not restored: {refusal}", file=sys.stderr)
        return 1
    newest = db.schema_revisions()[-1]
    migrated = f", then migrated to {newest}" if made_at != newest else ""
    print(f"Restored {backup_file} (schema version {made_at}{migrated}).")
    return 0


def demo(force: bool) -> int:
    """Make the sample workshops (once) and print the addresses of their pages."""
    try:
        with db.session_scope() as session:
            finished, running = create_demo(session=session, force=force)
    except DemoRefused:
        print(
            f"{translate('error_demo_refused', 'en')} Add them anyway with --force.",
            file=sys.stderr,
        )
        return 1
    for key, address in demo_links(public_url(), finished, running):
        print(f"{translate(key, 'en')}:\n  {address}")
    if not settings.RECORDS_KEY:
        print("The decision logs open with LIVINGLAB_RECORDS_KEY; it is not set.")
    print(f"PDF: python -m livinglab export {finished.code} --out demo.pdf")
    return 0


def setup_address(token: str) -> str:
    """The welcome page of a setup token: on LIVINGLAB_PUBLIC_URL, else on localhost (a
    passkey cannot be made on an IP address such as 127.0.0.1)."""
    origin = settings.PUBLIC_URL or f"http://localhost:{settings.PORT}"
    return f"{origin}{WELCOME}?token={token}"


def setup_link(*, only_when_needed: bool = False) -> int:
    """Print a new one-time link that makes its opener the first admin (earlier unused ones
    stop working); with `only_when_needed`, only while the organisation has no admin."""
    with db.session_scope() as session:
        if only_when_needed and not members.needs_setup(session):
            return 0
        token = members.setup_link(session)
    if only_when_needed:
        print("No admin yet: open this link to become the first admin (valid for 24 hours).")
    print(f"Setup link: {setup_address(token)}")
    return 0


def print_upgrade(became: list[BecameMember]) -> None:
    """What the upgrade to members changed, and what an admin should do next."""
    if became:
        names = ", ".join(
            f"{person.name} ({'removed' if person.removed else person.role})" for person in became
        )
        print(
            f"{_plural(len(became), 'records reader', 'records readers')} "
            f"became {'a member' if len(became) == 1 else 'members'}: {names}; "
            "their links keep working."
        )
    if settings.RECORDS_KEY:
        print(
            "LIVINGLAB_RECORDS_KEY is set: it still opens the records library as the "
            "organisation. An admin should now invite people as members (with the role "
            "records_reader or records_updater) and then remove the key."
        )


def _moment(text: str) -> datetime:
    """An ISO 8601 time from the command line; without a time zone it is UTC."""
    try:
        return as_utc(datetime.fromisoformat(text))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a time like 2027-01-31T12:00: {text!r}") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m livinglab")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "migrate", help="bring the database to the newest schema; index closed workshops"
    )
    export_parser = commands.add_parser("export", help="write a workshop's decision record")
    export_parser.add_argument("code")
    export_parser.add_argument(
        "--format",
        choices=("pdf", "json", "csv", "chain"),
        default="pdf",
        help="chain: every version of a closed record in one JSON file",
    )
    export_parser.add_argument("--out", type=Path, required=True)
    verify_parser = commands.add_parser(
        "verify",
        help="check a JSON record (or a chain) against a digest; a chain alone: is it unbroken",
    )
    verify_parser.add_argument("record", type=Path)
    verify_parser.add_argument("--digest", default=None)
    purge_parser = commands.add_parser(
        "purge", help="remove personal data of workshops whose retention period is over"
    )
    purge_parser.add_argument(
        "--dry-run", action="store_true", help="only say what would be removed"
    )
    purge_parser.add_argument(
        "--now", type=_moment, default=None, help="pretend it is this ISO time (for testing)"
    )
    backup_parser = commands.add_parser(
        "backup", help="write a consistent copy of the database, also while the app runs"
    )
    backup_parser.add_argument("--out", type=Path, required=True)
    restore_parser = commands.add_parser(
        "restore", help="bring a backup back into an empty database (DATABASE_URL)"
    )
    restore_parser.add_argument("backup_file", type=Path)
    demo_parser = commands.add_parser(
        "demo", help="make a finished and an open sample workshop; print their links"
    )
    demo_parser.add_argument(
        "--force", action="store_true", help="also when the database holds real workshops"
    )
    commands.add_parser(
        "setup-link",
        help="print a one-time link that makes its opener an admin (earlier ones stop)",
    )
    args = parser.parse_args(argv)
    bootstrap.wire()
    if settings.REDIS_URL:
        # Workers share Redis: screens open on a purged workshop read it again. With one
        # worker and no Redis they see the change on their next reload or reconnect.
        db.announce_with(announcer_for_commands(settings.REDIS_URL))
    if args.command == "migrate":
        db.migrate()
        with db.session_scope() as session:
            sealed = seal_unsealed(session)  # closed before records were sealed
        if sealed:
            print(f"Sealed the records of {sealed} closed workshops as version 1.")
        with db.session_scope() as session:
            became = links_to_members(session)  # records links from before members
        print_upgrade(became)
        return setup_link(only_when_needed=True)
    if args.command == "setup-link":
        return setup_link()
    if args.command == "export":
        return export(args.code, args.format, args.out)
    if args.command == "backup":
        backup.backup(database_url=settings.DATABASE_URL, out=args.out)
        print(f"Backed up to {args.out}.")
        return 0
    if args.command == "restore":
        return restore(args.backup_file)
    if args.command == "purge":
        return purge(args.now or utcnow(), args.dry_run)
    if args.command == "demo":
        return demo(args.force)
    return check(args.record, args.digest)


if __name__ == "__main__":
    raise SystemExit(main())
