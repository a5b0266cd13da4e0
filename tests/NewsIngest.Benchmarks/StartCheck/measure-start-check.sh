#!/bin/bash
# Start cost of the output check (every line of the last record file read at start): `newsingest once` over one
# unchanged page with a one-record last file and with a 64 MiB one (Output:MaxFileBytes, the most a last file
# holds), run alternately, CPU (user + sys) and wall time from /usr/bin/time -v.
#   usage: measure-start-check.sh [newsingest.dll] [runs]    (run from the repository root, after a Release build)
# The dll defaults to src/NewsIngest.Cli/bin/Release/net10.0/newsingest.dll; runs to 3. The 64 MiB file is filled
# with copies of the first record (new ids and URLs, a 3.9 KB preview each); the page cache is warm.
set -euo pipefail
dll=$(realpath "${1:-src/NewsIngest.Cli/bin/Release/net10.0/newsingest.dll}")
runs=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for case in small large; do
  mkdir -p "$work/$case/pages"
  cat > "$work/$case/pages/p1.html" <<'PAGE'
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour works</title></head>
<body><article><h1>Harbour works</h1><p>The port authority finished the first stage of the new quay ahead of time, officials said.</p>
<p>Officials said the decision would be reviewed next month, and residents were invited to comment.</p></article></body></html>
PAGE
  cat > "$work/$case/newsingest.json" <<'CONFIG'
{ "NewsIngest": { "Sources": [ { "Name": "local", "Urls": [ "pages" ] } ],
  "Output": { "Directory": "data/records" }, "State": { "Path": "data/state/newsingest.db" } } }
CONFIG
  (cd "$work/$case" && dotnet "$dll" once --config newsingest.json > /dev/null 2>&1)
done
python3 - "$work/large/data/records" <<'FILL'
import json, os, sys
folder = sys.argv[1]
path = os.path.join(folder, sorted(os.listdir(folder))[-1])
first = json.loads(open(path, encoding="utf-8").readline())
words = "The council voted on the budget before the session closed and residents were invited to comment on the plan. "
size, i = os.path.getsize(path), 0
with open(path, "a", encoding="utf-8") as out:
    while True:
        i += 1
        record = dict(first, id="%032x" % i, url="file:///bench/p%d.html" % i, canonicalUrl="file:///bench/p%d.html" % i)
        record["preview"] = dict(first["preview"], text=(words * 36)[:3900] + str(i))
        line = (json.dumps(record, separators=(",", ":"), ensure_ascii=False) + "\n").encode()
        if size + len(line) > 64 * 1024 * 1024:
            break
        out.write(line.decode())
        size += len(line)
FILL
for case in small large; do
  file=$(ls "$work/$case/data/records"/*.jsonl | tail -1)
  echo "$case: last file $(stat -c %s "$file") bytes, $(wc -l < "$file") lines"
done
for run in $(seq "$runs"); do
  for case in small large; do
    (cd "$work/$case" && /usr/bin/time -v dotnet "$dll" once --config newsingest.json > /dev/null 2> "$work/time.txt")
    awk -v c="$case" -v r="$run" -F': ' '/User time/ {u=$2} /System time/ {s=$2} /Elapsed/ {w=$2} /Maximum resident/ {m=$2}
      END {printf "%s run %d: cpu %.2f s (user %s + sys %s), wall %s, max rss %d MB\n", c, r, u + s, u, s, w, m / 1024}' "$work/time.txt"
  done
done
