#!/usr/bin/env bash
# Fuzzes the native core for a bounded time: each target runs SECONDS
# (default 60). Not part of `npm test` (it needs nightly and minutes); run it
# by hand or in a nightly job:   bash tests/fuzz/run.sh 300
#
# New interesting inputs go to tests/fuzz/target/corpus-* (ignored); crashes
# to tests/fuzz/artifacts/. Copy a crash into tests/fuzz/corpus/json/ once it
# is fixed: `cargo test --test fuzz_corpus` replays that folder forever.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "fuzz: installing the nightly toolchain (cargo fuzz needs it)"
  rustup toolchain install nightly --profile minimal
fi
if ! command -v cargo-fuzz >/dev/null; then
  echo "fuzz: installing cargo-fuzz"
  cargo install cargo-fuzz
fi

for target in json structured; do
  work=tests/fuzz/target/corpus-$target
  mkdir -p "$work"
  seeds=()
  [ -d "tests/fuzz/corpus/$target" ] && seeds=("tests/fuzz/corpus/$target")
  echo "fuzz: $target for ${seconds}s"
  cargo +nightly fuzz run --fuzz-dir tests/fuzz "$target" "$work" "${seeds[@]}" -- \
    -max_total_time="$seconds" -max_len=4096 -timeout=5 -print_final_stats=1
done
