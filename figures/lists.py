"""How long each list of communes is, everywhere it appears, and the default meeting gap."""

from __future__ import annotations

# The overview's weakest and strongest, and the ranking page's most improved and laggards:
# five fit beside the tiles on one 1080-pixel screen.
SHORT_LIST = 5
# The committee's agenda asks for the ten weakest communes: enough to act on in one meeting.
# The ranking page, the map and weakest slides and the brief all list these ten.
WEAKEST_LIST = 10
# Communes that fell behind, one line each, before "and N more": fits a slide and a page.
FALLEN_LIST = 10
# Committees meet about every two weeks: with no meeting date given, "since the last meeting"
# means this many days before the as-of date.
DEFAULT_MEETING_GAP_DAYS = 14
