#!/bin/bash
# Runs every input of the set alone through the real CLI with a 120 s limit.
# usage: builder/run_alone.sh [WORKDIR=/tmp/aw_alone] [ORDER_FILE]
# Builds the set into WORKDIR/full, moves each top-level entry (the control with its .json and the symlink to it,
# and the two halves of the symlink loop, go together) into WORKDIR/<group>/in, and runs
#   timeout 120 gongkai run --input in --warehouse wh --workers 2
# under /usr/bin/time -v. Results: WORKDIR/<group>/{out,err,time,rc}; a summary line per group in WORKDIR/summary.tsv.
set -u
SET=$(cd "$(dirname "$0")/.." && pwd)
W=${1:-/tmp/aw_alone}
PY=/work/main/.venv/bin/python
GK=/work/main/.venv/bin/gongkai
rm -rf "$W"; mkdir -p "$W"
$PY "$SET/builder/all.py" --out "$W/full" >/dev/null
cd "$W/full"
groups=()
for e in aw* -aw* ..aw*; do
  [ -e "$e" ] || [ -L "$e" ] || continue
  k=$(printf '%s' "$e" | sed -E 's/^[-.]*//' | cut -c1-4)
  case "$e" in aw01*|aw38*) k=aw01;; aw36*) k=aw36;; esac
  mkdir -p "$W/$k/in"; mv -- "$e" "$W/$k/in/"
done
ORDER=${2:-}
ls -d "$W"/aw* | xargs -n1 basename | sort > "$W/groups"
[ -n "$ORDER" ] && { cat "$ORDER"; grep -vxF -f "$ORDER" "$W/groups"; } > "$W/groups.ord" || cp "$W/groups" "$W/groups.ord"
printf 'group\trc\twall_s\tmaxrss_kb\tlast_line\n' > "$W/summary.tsv"
cd /work/rt
for g in $(cat "$W/groups.ord"); do
  d="$W/$g"
  /usr/bin/time -v -o "$d/time" timeout 120 $GK run --input "$d/in" --warehouse "$d/wh" --workers 2 >"$d/out" 2>"$d/err"
  echo $? > "$d/rc"
  wall=$(grep "Elapsed" "$d/time" | awk '{print $NF}')
  rss=$(grep "Maximum resident" "$d/time" | awk '{print $NF}')
  last=$(grep -v RapidOCR "$d/err" | tail -1 | cut -c1-200; tail -1 "$d/out" | cut -c1-120)
  printf '%s\t%s\t%s\t%s\t%s\n' "$g" "$(cat $d/rc)" "$wall" "$rss" "$(echo $last | tr '\t\n' '  ')" >> "$W/summary.tsv"
done
echo done > "$W/DONE"
