#!/usr/bin/env bash
# Times `parindex score` (release build) end to end on 13, 200 and 3,300 units, on one thread and
# on every core, next to a bare calamine read of the same files with the same thread count
# (examples/bare_read.rs), and prints the ratio of the two. Two kinds of units: synthetic ones
# (examples/synth.rs: only the table) and copies of the bundled samples/2022 workbooks
# (examples/copies.rs: guide sheet, styles and all, each under its own unit code).
#
#   bash benches/scale.sh               # 13 200 3300
#   bash benches/scale.sh 200 1000      # other sizes
#   RUNS=9 bash benches/scale.sh        # timed runs per figure (default 5)
#
# Wall time is the median of RUNS runs after one warm-up run (files in the page cache); peak RSS is
# the largest "Maximum resident set size" GNU time reports over those runs. Data sets are written
# to target/synth/N (every 50th unit invalid, so `score` runs --keep-going and exits 4 when some
# are) and target/copies/N, and reused while they hold N workbooks.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-5}
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(13 200 3300)
cores=$(nproc)
criteria=criteria/commune-2022.toml

if [[ -x /usr/bin/time ]]; then
    gnu_time=/usr/bin/time
else
    gnu_time=
    echo "note: /usr/bin/time (GNU time) is missing, so peak memory is not measured;" >&2
    echo "      install it with: apt-get install time" >&2
fi

cargo build --quiet --release --bin parindex --example synth --example copies --example bare_read
score=(target/release/parindex score --criteria "$criteria" --keep-going --format csv)
bare=(target/release/examples/bare_read)

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# run_once THREADS COMMAND... → "wall-ns peak-rss-KiB" (RSS "-" without GNU time). Exit code 4
# is `score`'s "some units excluded", expected with the invalid synthetic files.
run_once() {
    local threads=$1 start end status=0
    shift
    start=$(date +%s%N)
    if [[ -n $gnu_time ]]; then
        RAYON_NUM_THREADS=$threads "$gnu_time" -v -o "$scratch/time" "$@" \
            >/dev/null 2>"$scratch/stderr" || status=$?
    else
        RAYON_NUM_THREADS=$threads "$@" >/dev/null 2>"$scratch/stderr" || status=$?
    fi
    end=$(date +%s%N)
    if [[ $status -ne 0 && $status -ne 4 ]]; then
        echo "error: '$*' exited with $status:" >&2
        cat "$scratch/stderr" >&2
        exit 1
    fi
    if [[ -n $gnu_time ]]; then
        echo "$((end - start)) $(awk -F': ' '/Maximum resident set size/ {print $2}' "$scratch/time")"
    else
        echo "$((end - start)) -"
    fi
}

# measure THREADS FOLDER → "score-wall-s score-rss-KiB bare-wall-s bare-rss-KiB": medians of
# `runs` runs after a warm-up, `score` and the bare read taking turns so that the machine's
# background noise falls on both alike.
measure() {
    local threads=$1 folder=$2 score_walls=() bare_walls=() score_peak=- bare_peak=- wall rss
    for ((i = 0; i <= runs; i++)); do
        read -r wall rss < <(run_once "$threads" "${score[@]}" "$folder")
        ((i > 0)) && score_walls+=("$wall") && score_peak=$(max "$score_peak" "$rss")
        read -r wall rss < <(run_once "$threads" "${bare[@]}" "$folder")
        ((i > 0)) && bare_walls+=("$wall") && bare_peak=$(max "$bare_peak" "$rss")
    done
    echo "$(median "${score_walls[@]}") $score_peak $(median "${bare_walls[@]}") $bare_peak"
}

# The larger of two RSS figures, where "-" is "not measured".
max() {
    if [[ $1 == - || $2 == - ]]; then
        echo "${1/#-/$2}"
    else
        echo $(($1 > $2 ? $1 : $2))
    fi
}
median() { printf '%s\n' "$@" | sort -n | awk '{w[NR] = $1} END {printf "%.3f", w[int((NR + 1) / 2)] / 1e9}'; }
mib() { [[ $1 == - ]] && echo - || awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }

echo "parindex scale benchmark: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) RAM, $(rustc --version | cut -d' ' -f1-2), median of $runs runs"
echo
printf '| %-9s | %6s | %7s | %9s | %8s | %13s | %9s | %13s | %18s |\n' \
    data units threads "wall (s)" "files/s" "peak RSS MiB" "bare (s)" "bare RSS MiB" "score / bare read"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' :---------- -------: --------: ----------: ---------: --------------: ----------: --------------: -------------------:
for n in "${sizes[@]}"; do
    for kind in synthetic samples; do
        if [[ $kind == synthetic ]]; then
            folder=target/synth/$n
            make=(target/release/examples/synth "$n" --criteria "$criteria" --out "$folder")
        else
            folder=target/copies/$n
            make=(target/release/examples/copies "$n" --criteria "$criteria" --out "$folder")
        fi
        if [[ $(find "$folder" -maxdepth 1 -name '*.xlsx' 2>/dev/null | wc -l) -ne $n ]]; then
            "${make[@]}" >&2
        fi
        thread_counts=(1)
        ((cores > 1)) && thread_counts+=("$cores")
        for threads in "${thread_counts[@]}"; do
            read -r wall rss bare_wall bare_rss < <(measure "$threads" "$folder")
            printf '| %-9s | %6s | %7s | %9s | %8s | %13s | %9s | %13s | %17sx |\n' \
                "$kind" "$n" "$threads" "$wall" \
                "$(awk -v n="$n" -v w="$wall" 'BEGIN {printf "%.0f", n / w}')" \
                "$(mib "$rss")" "$bare_wall" "$(mib "$bare_rss")" \
                "$(awk -v a="$wall" -v b="$bare_wall" 'BEGIN {printf "%.2f", a / b}')"
        done
    done
done
