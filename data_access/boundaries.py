"""Import commune boundaries: `python -m data_access import-boundaries PATH [--code-property NAME]`.

Reads GeoJSON (a file or a folder), matches features to the commune register by code,
simplifies each province's communes as one coverage (shared borders stay shared), rewinds rings
for Vega and stores them in localities.boundary — all in one transaction, or nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import shapely
import sqlalchemy as sa
from shapely.geometry import shape

from data_access import schema as s
from data_access.accounts.actors import Actor, NoSuchAccount
from data_access.cli_actor import add_as_option, cli_actor
from data_access.engine import write_transaction
from data_access.geo.shapes import count_vertices, shape_json, simplify_province
from data_access.geo.sources import (
    BoundaryFileError,
    detect_code_property,
    feature_code,
    parse_features,
    read_path,
    sources_sha256,
)
from data_access.importers.rollback import encode_row
from data_access.meta import bump_data_version
from data_access.permissions import IMPORTED, audit_write, may_write

BATCH_KIND = "boundaries"
# How many unmatched codes or shapeless communes a message lists before "…".
LISTED_AT_MOST = 20


@dataclass
class BoundaryImportResult:
    """What an import did; `changed` is False when every shape was already stored as is."""

    file_name: str
    sha256: str
    code_property: str | None
    features: int
    matched: list[str] = field(default_factory=list)
    replaced: int = 0
    unmatched: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    without_shape: list[str] = field(default_factory=list)
    vertices_in: int = 0
    vertices_out: int = 0
    changed: bool = False
    batch_id: int | None = None
    shapes: dict[str, str] = field(default_factory=dict, repr=False)  # code → GeoJSON text


def _listed(items: list[str]) -> str:
    shown = ", ".join(items[:LISTED_AT_MOST])
    return shown + (" …" if len(items) > LISTED_AT_MOST else "")


def _read_communes(connection: sa.Connection) -> dict[str, dict]:
    loc = s.localities
    rows = connection.execute(
        sa.select(loc.c.id, loc.c.code, loc.c.parent_id, loc.c.boundary).where(
            loc.c.level == s.LEVEL_COMMUNE
        )
    ).mappings()
    return {row["code"]: dict(row) for row in rows}


def import_boundary_sources(
    engine: sa.Engine,
    sources: list[tuple[str, bytes]],
    *,
    file_name: str,
    actor: Actor,
    code_property: str | None = None,
    dry_run: bool = False,
) -> BoundaryImportResult:
    """Import (name, bytes) GeoJSON sources as `actor`; raises BoundaryFileError, changing
    nothing (also when the actor may not edit boundaries). With `dry_run` everything is
    checked and counted (`changed`: whether an import would change a shape), nothing written."""
    if not may_write(actor, "boundaries"):
        raise BoundaryFileError(
            f"Tài khoản «{actor.name}» không có quyền nhập ranh giới. / "
            f"Account «{actor.name}» may not import boundaries."
        )
    features = parse_features(sources)
    with engine.connect() as connection:
        communes = _read_communes(connection)
    prop = detect_code_property(features, set(communes), code_property)
    result = BoundaryImportResult(file_name, sources_sha256(sources), prop, len(features))
    parts: dict[str, list[shapely.Geometry]] = defaultdict(list)
    for item in features:
        code = feature_code(item.feature, prop)
        where = f"{item.file_name}#{item.index + 1}"
        if code not in communes:
            result.unmatched.append(f"{code or '∅'} ({where})")
            continue
        try:
            geom = shape(item.feature["geometry"])
        except (KeyError, TypeError, ValueError, AttributeError, shapely.errors.GEOSException):
            geom = None
        if geom is None or geom.is_empty or geom.geom_type not in ("Polygon", "MultiPolygon"):
            result.skipped.append(f"{code} ({where})")
            continue
        parts[code].append(geom)
    if not parts:
        found = sorted({u.split(" ")[0] for u in result.unmatched})
        raise BoundaryFileError(
            f"Không đối tượng nào trong «{file_name}» khớp với xã/phường trong danh mục "
            f"(thuộc tính mã: {prop or 'id'}; mã đọc được: {_listed(found) or '—'}). / "
            f"No feature in «{file_name}» matches a commune of the register "
            f"(code property: {prop or 'id'}; codes read: {_listed(found) or '—'})."
        )
    _simplify(parts, communes, result)
    return _store(engine, result, communes, actor, dry_run=dry_run)


def _simplify(
    parts: dict[str, list[shapely.Geometry]],
    communes: dict[str, dict],
    result: BoundaryImportResult,
) -> None:
    by_province: dict[int, list[str]] = defaultdict(list)
    for code in sorted(parts):
        by_province[communes[code]["parent_id"]].append(code)
    for codes in by_province.values():
        merged = [shapely.union_all(parts[code]) for code in codes]
        result.vertices_in += count_vertices(merged)
        simplified, _tolerance = simplify_province(merged)
        result.vertices_out += count_vertices(simplified)
        result.shapes.update(zip(codes, map(shape_json, simplified), strict=True))
    result.matched = sorted(result.shapes)


def _store(
    engine: sa.Engine,
    result: BoundaryImportResult,
    communes: dict[str, dict],
    actor: Actor,
    *,
    dry_run: bool = False,
) -> BoundaryImportResult:
    shapes = result.shapes
    provinces = {communes[code]["parent_id"] for code in shapes}
    after = {code: shapes.get(code, row["boundary"]) for code, row in communes.items()}
    result.without_shape = sorted(
        code for code, row in communes.items() if row["parent_id"] in provinces and not after[code]
    )
    result.replaced = sum(1 for code in shapes if communes[code]["boundary"])
    changes = [
        {"b_id": communes[code]["id"], "b_boundary": text}
        for code, text in shapes.items()
        if communes[code]["boundary"] != text
    ]
    if not changes or dry_run:
        result.changed = bool(changes)
        return result
    loc = s.localities
    with write_transaction(engine) as connection:
        result.batch_id = connection.execute(
            s.import_batches.insert().returning(s.import_batches.c.id),
            {
                "kind": BATCH_KIND,
                "user_name": actor.name[:100],
                "created_at": datetime.now(),
                "file_name": result.file_name[:300],
                "sha256": result.sha256,
                "rows_added": len(shapes) - result.replaced,
                "rows_replaced": result.replaced,
                "rows_rejected": len(result.unmatched) + len(result.skipped),
            },
        ).scalar_one()
        # The old shapes are logged like every import's old values, so rollback restores them.
        by_id = {row["id"]: row["boundary"] for row in communes.values()}
        connection.execute(
            s.import_changes.insert(),
            [
                {
                    "batch_id": result.batch_id,
                    "table_name": loc.name,
                    "row_id": c["b_id"],
                    "old_values": encode_row({"boundary": by_id[c["b_id"]]}),
                }
                for c in changes
            ],
        )
        connection.execute(
            loc.update().where(loc.c.id == sa.bindparam("b_id")),
            [{"b_id": c["b_id"], "boundary": c["b_boundary"]} for c in changes],
        )
        bump_data_version(connection)
        details = {"kind": BATCH_KIND, "batch": result.batch_id, "file": result.file_name}
        audit_write(connection, actor, IMPORTED, details)
    result.changed = True
    return result


def import_boundaries(
    engine: sa.Engine, path: Path, *, actor: Actor, code_property: str | None = None
) -> BoundaryImportResult:
    """Import the GeoJSON file or folder at `path` (see import_boundary_sources)."""
    return import_boundary_sources(
        engine,
        read_path(path),
        file_name=path.name or str(path),
        code_property=code_property,
        actor=actor,
    )


def describe_result(result: BoundaryImportResult) -> list[str]:
    """Lines (vi / en) saying what an import did, for the command line and the admin page."""
    lines = [
        f"Đã đọc {result.features} đối tượng, mã lấy từ «{result.code_property or 'id'}». / "
        f"Read {result.features} features, codes from «{result.code_property or 'id'}».",
        f"Khớp {len(result.matched)} xã/phường ({result.replaced} thay hình cũ); "
        f"{result.vertices_in:,} → {result.vertices_out:,} đỉnh. / "
        f"Matched {len(result.matched)} communes ({result.replaced} replacing a shape); "
        f"{result.vertices_in:,} → {result.vertices_out:,} vertices.",
    ]
    if not result.changed:
        lines.append(
            "Các hình đã có sẵn y hệt; không thay đổi gì. / "
            "Every shape was already stored as is; nothing changed."
        )
    if result.unmatched:
        lines.append(
            f"{len(result.unmatched)} đối tượng không khớp xã nào: {_listed(result.unmatched)} / "
            f"{len(result.unmatched)} features match no commune: {_listed(result.unmatched)}"
        )
    if result.skipped:
        lines.append(
            f"{len(result.skipped)} đối tượng không có hình vùng (Polygon/MultiPolygon): "
            f"{_listed(result.skipped)} / {len(result.skipped)} features have no polygon "
            f"geometry: {_listed(result.skipped)}"
        )
    if result.without_shape:
        lines.append(
            f"{len(result.without_shape)} xã/phường vẫn chưa có ranh giới: "
            f"{_listed(result.without_shape)} / {len(result.without_shape)} communes still "
            f"have no boundary: {_listed(result.without_shape)}"
        )
    return lines


def _command(engine: sa.Engine, args: argparse.Namespace) -> int:
    try:
        actor = cli_actor(engine, args)
        result = import_boundaries(
            engine, Path(args.path), code_property=args.code_property, actor=actor
        )
    except NoSuchAccount as error:
        print(error, file=sys.stderr)
        return 2
    except BoundaryFileError as error:
        print(f"{error} Không có gì thay đổi. / Nothing was changed.", file=sys.stderr)
        return 2
    print("\n".join(describe_result(result)))
    return 0


def register(subparsers: argparse._SubParsersAction) -> dict[str, object]:
    """Add the `import-boundaries` command."""
    command = subparsers.add_parser(
        "import-boundaries",
        help="import commune boundaries from a GeoJSON file or a folder of them",
    )
    command.add_argument("path", help="a .geojson/.json file or a folder of them")
    command.add_argument(
        "--code-property",
        default=None,
        help="property holding the commune code (default: detected; e.g. code, ma_xa, id)",
    )
    add_as_option(command)
    return {"import-boundaries": _command}
