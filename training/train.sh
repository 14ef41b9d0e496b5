#!/usr/bin/env bash
# Reproduce kroniek's shipped spaCy pipelines (src/kroniek/models/{nl,en}) from ../shared/data.
#
# Usage (from the repository root):  training/train.sh [DATA_DIR] [LANGS...]
#   DATA_DIR defaults to ../shared/data; LANGS to "nl en"; PYTHON to python.
#
# Steps:
#   1. training/convert.py: CoNLL-U / CoNLL files -> training/corpus/*.spacy
#   2. per language, in parallel (one thread each): the UD pipeline (configs/ud.cfg) and the NER
#      pipeline (the config CONFIG names, default configs/<part>.cfg), max_steps as PHASE1_STEPS says
#   3. runs listed in CONTINUE_STEPS are resumed from their model-best for that many more steps at a
#      lower learning rate (training/continue_config.py); this is how the shipped models were made
#      on a shared 2-core machine, where one long run did not fit the time available
#   4. training/assemble.py: UD pipeline + NER component -> src/kroniek/models/<lang>
# Logs: training/output/<lang>-<part>[-2].log. Total CPU time: about 90 CPU-minutes.
set -euo pipefail
DATA=${1:-../shared/data}
shift || true
LANGS=${*:-nl en}
PY=${PYTHON:-python}
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
# Steps of each run as the shipped models were made (phase 1 = configs/*.cfg from scratch; phase 2 =
# resumed from phase 1's model-best; 0 = no phase 2). CONTINUE_TRAIN names the phase-2 training corpus.
declare -A PHASE1_STEPS=( [nl-ud]=2000 [en-ud]=3000 [nl-ner]=3000 [en-ner]=3000 )
declare -A CONTINUE_STEPS=( [nl-ud]=1500 [en-ud]=0 [nl-ner]=0 [en-ner]=0 )
declare -A CONTINUE_TRAIN=( [nl-ud]=train-news )
# Config of each run (training/configs/NAME.cfg), where it is not the part's own: the NER of nl and en is
# the narrow one (own tok2vec width 64, depth 2: half the CPU of ner.cfg's 96 x 4; round 8, docs/performance.md).
declare -A CONFIG=( [nl-ner]=ner-narrow [en-ner]=ner-narrow )
OUT=training/output
mkdir -p "$OUT"
"$PY" training/convert.py --data "$DATA" --out training/corpus --langs $LANGS

train() {  # train CONFIG RUN LANG PART STEPS TRAIN_SPLIT
  "$PY" -m spacy train "$1" --code training/callbacks.py --output "$OUT/$2" --nlp.lang "$3" --training.max_steps "$5" \
    --paths.train "training/corpus/$3-$4-$6.spacy" --paths.dev "training/corpus/$3-$4-dev.spacy" \
    > "$OUT/$2.log" 2>&1
}

run_part() {  # run_part LANG PART: phase 1, then the continuation if one is listed
  local lang=$1 part=$2 steps=${CONTINUE_STEPS[$1-$2]:-0}
  local config="training/configs/${CONFIG[$1-$2]:-$2}.cfg"
  train "$config" "$lang-$part" "$lang" "$part" "${PHASE1_STEPS[$lang-$part]}" train
  if [ "$steps" -gt 0 ]; then
    "$PY" training/continue_config.py "$config" "$OUT/$lang-$part/model-best" \
      --steps "$steps" --out "$OUT/$lang-$part-continue.cfg"
    train "$OUT/$lang-$part-continue.cfg" "$lang-$part-2" "$lang" "$part" "$steps" \
      "${CONTINUE_TRAIN[$lang-$part]:-train}"
  fi
}

final_model() {  # final_model LANG PART
  if [ "${CONTINUE_STEPS[$1-$2]:-0}" -gt 0 ]; then echo "$OUT/$1-$2-2/model-best"; else echo "$OUT/$1-$2/model-best"; fi
}

pids=()
for lang in $LANGS; do
  for part in ud ner; do
    run_part "$lang" "$part" &
    pids+=($!)
  done
done
for pid in "${pids[@]}"; do wait "$pid"; done
for lang in $LANGS; do
  "$PY" training/assemble.py --lang "$lang" --ud "$(final_model "$lang" ud)" --ner "$(final_model "$lang" ner)" \
    --out "src/kroniek/models/$lang"
done
