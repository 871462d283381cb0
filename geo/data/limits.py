"""What one data file may hold, counted on what is read (issue 21), so that no file can use up a server.

Each limit is checked while the file is read, before what it would refuse is kept: rows as the csv
reader ends its records (a bare CR ends one too), columns per record, places as they are parsed, JSON
values before parsing, and problems capped at the first `MAX_LISTED` (the rest are counted).
docs/your-data.md states them with what `benchmarks/uploads.py` measured at each.
"""

from __future__ import annotations

MAX_FILE_BYTES = 20 * 1024 * 1024  # the largest file the app reads
MAX_ROWS = 50_000  # an upload's records after the header, as the csv module ends them: what
# a 1 GiB pod holds beside its images (docs/your-data.md)
MAX_COLUMNS = 1_000  # fields in one record (this project's schema has 21, an ACLED export about 31)
MAX_FEATURES = 20_000  # places in one GeoJSON file
# Values in one JSON file (objects, arrays, numbers, strings): parsing makes one Python object of each,
# up to 64 bytes for an empty list written in 3 bytes. A million keep a parse under about 100 MB; a
# place is about 20 values, so 20,000 places fit in a twentieth of it.
MAX_JSON_VALUES = 1_000_000
MAX_LISTED = 1_000  # problems kept (and shown) per file; the rest are counted
