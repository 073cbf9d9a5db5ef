"""What the maps show for a Scope: the communes' shapes and each commune's figures."""

from __future__ import annotations

import pandas as pd

from data_access.geo_queries import fetch_child_boundaries
from figures.boards import commune_board
from figures.reader import Reader, figure
from figures.scope import Scope


def commune_shapes(reader: Reader, scope: Scope) -> pd.DataFrame:
    """Every commune of the province with its shape (None where none is stored): code, name,
    kind, boundary (GeoJSON text)."""
    return reader.read(fetch_child_boundaries, parent_code=scope.province_code)


def village_shapes(reader: Reader, scope: Scope, commune_code: str) -> pd.DataFrame:
    """The villages of one of the scope's communes, with their shapes where stored."""
    if not scope.is_province and commune_code not in scope.commune_codes:
        raise PermissionError(commune_code)
    return reader.read(fetch_child_boundaries, parent_code=commune_code)


@figure
def indicator_map_board(reader: Reader, scope: Scope, indicator_code: str) -> pd.DataFrame:
    """Every commune's board row for one indicator (the map colours the whole province and
    outlines the scope's communes)."""
    board = commune_board(reader, scope)
    return board[board["indicator_code"] == indicator_code].reset_index(drop=True)
