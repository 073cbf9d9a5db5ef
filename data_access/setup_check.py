"""What a province's database holds and lacks, in the order a province loads it.

`fetch_setup_checklist` returns the checklist as data (the Administration page shows it);
`python -m data_access check` prints it and exits 0 only when nothing required is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import sqlalchemy as sa

from data_access import schema as s
from data_access.engine import read_snapshot
from data_access.frames import Bind
from data_access.importers.problems import message_text

# A step is done, not done, or not done but optional (boundaries: the map is optional).
PRESENT, MISSING, OPTIONAL = "present", "missing", "optional"
# Where the empty templates of every kind are kept (written by `python -m data_access templates`).
TEMPLATE_FOLDER = "templates"


@dataclass(frozen=True)
class ChecklistItem:
    """One step of setting a province up: what it is, whether it is done, how to do it."""

    key: str
    status: str  # present | missing | optional (an optional step not done)
    required: bool
    commands: tuple[str, ...]
    templates: tuple[str, ...]
    detail_key: str
    detail: dict[str, object] = field(default_factory=dict)

    def label(self, lang: str) -> str:
        """The step's name in `lang`."""
        return message_text(f"check.{self.key}", lang)

    def status_text(self, lang: str) -> str:
        """present / missing / not loaded (optional), in `lang`."""
        return message_text(f"check.{self.status}", lang)

    def detail_text(self, lang: str) -> str:
        """What was found, in `lang`."""
        return message_text(self.detail_key, lang, **self.detail)


def _count(connection: sa.Connection, table: sa.Table, *where: sa.ColumnElement[bool]) -> int:
    stmt = sa.select(sa.func.count()).select_from(table).where(*where)
    return int(connection.execute(stmt).scalar_one())


def _templates(*kinds: str) -> tuple[str, ...]:
    return tuple(f"{TEMPLATE_FOLDER}/{kind}.csv" for kind in kinds)


def _item(key: str, done: bool, detail_key: str, detail: dict, *, required: bool = True, **how):
    status = PRESENT if done else (MISSING if required else OPTIONAL)
    return ChecklistItem(key, status, required, detail_key=detail_key, detail=detail, **how)


def _population_gaps(connection: sa.Connection, communes: int, groups: int) -> int:
    pop, loc = s.populations, s.localities
    pairs = (
        sa.select(pop.c.locality_id, pop.c.target_group_id)
        .join(loc, loc.c.id == pop.c.locality_id)
        .where(loc.c.level == s.LEVEL_COMMUNE)
        .distinct()
        .subquery()
    )
    have = int(connection.execute(sa.select(sa.func.count()).select_from(pairs)).scalar_one())
    return communes * groups - have


@contextmanager
def _snapshot(bind: Bind) -> Iterator[sa.Connection]:
    """The reader's own snapshot connection, or a new snapshot of the engine."""
    if isinstance(bind, sa.Connection):
        yield bind
        return
    with read_snapshot(bind) as connection:
        yield connection


def fetch_setup_checklist(bind: Bind) -> list[ChecklistItem]:
    """Every setup step in loading order, with what the database holds for it (through an
    engine, or a page reader's connection so the page caches it by data version)."""
    loc, ind, tgt = s.localities, s.indicators, s.targets
    with _snapshot(bind) as connection:
        level = {n: _count(connection, loc, loc.c.level == n) for n in range(3)}
        communes = level[s.LEVEL_COMMUNE]
        shaped = _count(
            connection, loc, loc.c.level == s.LEVEL_COMMUNE, loc.c.boundary.is_not(None)
        )
        counts = {t.name: _count(connection, t) for t in (s.agencies, s.task_groups)}
        groups = _count(connection, s.target_groups)
        campaigns, stages = _count(connection, s.campaigns), _count(connection, s.stages)
        targeted = sa.select(tgt.c.stage_id).where(tgt.c.locality_id.is_(None)).distinct()
        stages_without = _count(connection, s.stages, s.stages.c.id.not_in(targeted))
        indicators = _count(connection, ind)
        gaps = _population_gaps(connection, communes, groups)
        reports = _count(connection, s.reports)
        latest = connection.execute(sa.select(sa.func.max(s.reports.c.as_of))).scalar_one()

    def how(command: str, *kinds: str) -> dict:
        return {"commands": (command,), "templates": _templates(*kinds)}

    return [
        _item(
            "localities",
            level[s.LEVEL_PROVINCE] > 0 and communes > 0,
            "check.detail_localities",
            {"provinces": level[0], "communes": communes, "villages": level[2]},
            **how("import-localities FILE", "localities"),
        ),
        _item(
            "boundaries",
            communes > 0 and shaped == communes,
            "check.detail_boundaries",
            {"with_shape": shaped, "communes": communes},
            required=False,
            commands=("import-boundaries PATH",),
            templates=(),
        ),
        *(
            _item(
                key,
                counts[key] > 0,
                "check.detail_count",
                {"count": counts[key]},
                **how(f"import-{key.replace('_', '-')} FILE", key),
            )
            for key in ("agencies", "task_groups")
        ),
        _item(
            "target_groups",
            groups > 0,
            "check.detail_count",
            {"count": groups},
            **how("import-target-groups FILE", "target_groups"),
        ),
        _item(
            "campaign",
            campaigns > 0 and stages > 0,
            "check.detail_campaign",
            {"campaigns": campaigns, "stages": stages},
            **how("import-campaign FILE", "campaign"),
        ),
        _item(
            "indicators",
            indicators > 0 and stages > 0 and stages_without == 0,
            "check.detail_indicators",
            {"indicators": indicators, "stages_without": stages_without},
            commands=("import-indicators FILE", "import-targets FILE"),
            templates=_templates("indicators", "targets"),
        ),
        _item(
            "populations",
            communes > 0 and groups > 0 and gaps == 0,
            "check.detail_populations",
            {"missing": gaps},
            **how("import-populations FILE", "populations"),
        ),
        _item(
            "reports",
            reports > 0,
            "check.detail_reports",
            {"reports": reports, "latest": str(latest)[:10] if latest is not None else "—"},
            **how("import-reports FILE", "reports"),
        ),
    ]


def is_complete(items: list[ChecklistItem]) -> bool:
    """True when no required step is missing."""
    return all(item.status != MISSING for item in items)
