"""Rank communes by a composite score. Pure pandas: no Streamlit, no database.

- Composite score: campaign.metrics.compute_composite_score over the indicators a commune has
  data for: the mean of progress-to-target, each capped to [0, 100%], so one indicator far
  over target cannot hide another far behind. Progress is against the commune's own target
  (campaign.targets: its own row, else the province rate, else its population share of a
  province count). No indicator with data: no score.
- Rank: 1 is the best score. Scores equal to SCORE_DECIMALS share the better rank and the next
  rank is skipped ("1, 2, 2, 4"). Communes without a score have no rank and are listed apart.
- Rank change since a meeting: rank then minus rank now (positive = moved up); none when the
  commune had no rank then.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from campaign.metrics import STATUSES

# Scores are shown as percent with one decimal: scores equal at that precision rank equal, so
# two communes the screen shows as 87.5% never get different ranks.
SCORE_DECIMALS = 3
COMMUNE_COLUMNS = ("commune_code", "commune_name", "commune_kind")


def compute_judged(board: pd.DataFrame) -> pd.DataFrame:
    """A copy of a commune board with `judged`: True where the commune has a target to be judged
    against (its own, the province rate or its population share: campaign.targets); progress
    and status are blanked elsewhere.
    """
    judged = (pd.to_numeric(board["target"], errors="coerce") > 0).to_numpy()
    out = board.copy()
    out["judged"] = judged
    out["progress"] = out["progress"].where(judged)
    out["status"] = out["status"].where(judged)
    return out


def compute_commune_scores(board: pd.DataFrame) -> pd.DataFrame:
    """One row per commune: its composite score and how many indicators are in each status.

    `board` comes from compute_commune_board. Columns: commune_code, commune_name,
    commune_kind, score (fraction 0-1, NaN without data), indicators_scored, and one count
    column per status.
    """
    communes = (
        board[list(COMMUNE_COLUMNS)].drop_duplicates("commune_code").set_index("commune_code")
    )
    # compute_composite_score, vectorised over communes: one Python call per commune would
    # take seconds for a whole country; tests check both agree.
    clipped = pd.to_numeric(board["progress"], errors="coerce").clip(lower=0.0, upper=1.0)
    scores = clipped.groupby(board["commune_code"]).mean()
    scored = board.groupby("commune_code")["progress"].count()
    counts = pd.crosstab(board["commune_code"], board["status"])
    out = communes.assign(
        score=scores.reindex(communes.index),
        indicators_scored=scored.reindex(communes.index, fill_value=0).astype(int),
    )
    for status in STATUSES:
        column = counts[status] if status in counts else pd.Series(dtype=int)
        out[status] = column.reindex(communes.index, fill_value=0).astype(int)
    return out.reset_index()


def compute_ranks(scores: pd.Series) -> pd.Series:
    """Competition ranks (1 = best; equal scores share the better rank); <NA> without a score."""
    rounded = pd.to_numeric(scores, errors="coerce").round(SCORE_DECIMALS)
    return rounded.rank(method="min", ascending=False).astype("Int64")


def compute_ranking(now: pd.DataFrame, then: pd.DataFrame | None = None) -> pd.DataFrame:
    """Ranked communes from two compute_commune_scores frames (now, and at the meeting date).

    Adds rank, score_then, rank_then, score_change and rank_change (rank_then - rank: positive
    means the commune moved up). Sorted by rank, communes without a score last by name.
    """
    out = now.copy()
    out["rank"] = compute_ranks(out["score"])
    if then is None:
        then = now.iloc[0:0]
    earlier = then[["commune_code", "score"]].assign(rank=compute_ranks(then["score"]))
    earlier = earlier.rename(columns={"score": "score_then", "rank": "rank_then"})
    out = out.merge(earlier, on="commune_code", how="left")
    out["rank_then"] = out["rank_then"].astype("Int64")
    out["score_change"] = out["score"] - out["score_then"]
    out["rank_change"] = (out["rank_then"] - out["rank"]).astype("Int64")
    out["_no_rank"] = out["rank"].isna()
    out = out.sort_values(["_no_rank", "rank", "commune_name", "commune_code"], kind="stable")
    return out.drop(columns="_no_rank").reset_index(drop=True)


def split_ranked(ranking: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(communes with a rank, communes without data to score), each in ranking order."""
    has_rank = ranking["rank"].notna().to_numpy()
    return ranking[has_rank].reset_index(drop=True), ranking[~has_rank].reset_index(drop=True)


def laggards(ranking: pd.DataFrame, count: int) -> pd.DataFrame:
    """The `count` lowest-ranked communes, worst first."""
    ranked, _ = split_ranked(ranking)
    return ranked.tail(count).iloc[::-1].reset_index(drop=True)


def weakest_and_strongest(ranking: pd.DataFrame, count: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The `count` lowest-ranked communes (worst first) and the `count` best (best first).

    With fewer than 2·count ranked communes the two lists share none: the better half is the
    strongest list and the rest the weakest.
    """
    ranked, _ = split_ranked(ranking)
    strong_count = min(count, int(np.ceil(len(ranked) / 2)))
    weak_count = min(count, len(ranked) - strong_count)
    return laggards(ranked, weak_count), ranked.head(strong_count).reset_index(drop=True)


def most_improved(ranking: pd.DataFrame, count: int) -> pd.DataFrame:
    """The communes whose score rose most since the meeting (only rises), biggest first."""
    rose = ranking[ranking["score_change"] > 0]
    return rose.sort_values(["score_change", "rank"], ascending=[False, True]).head(count)
