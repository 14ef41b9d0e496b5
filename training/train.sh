#!/usr/bin/env bash
# Reproduce kroniek's shipped spaCy pipelines (src/kroniek/models/{nl,en}) from ../shared/data.
# Usage (from the repository root):  training/train.sh [DATA_DIR] [LANGS...]
# DATA_DIR defaults to ../shared/data. Steps: convert -> train UD + NER per language (in parallel,
# one thread each) -> assemble into src/kroniek/models/<lang>. Logs: training/output/<lang>-<part>.log
set -euo pipefail
DATA=${1:-../shared/data}
shift || true
LANGS=${*:-nl en}
PY=${PYTHON:-python}
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
mkdir -p training/output
"$PY" training/convert.py --data "$DATA" --out training/corpus --langs $LANGS
pids=()
for lang in $LANGS; do
  for part in ud ner; do
    "$PY" -m spacy train "training/configs/$part.cfg" --output "training/output/$lang-$part" \
      --nlp.lang "$lang" \
      --paths.train "training/corpus/$lang-$part-train.spacy" \
      --paths.dev "training/corpus/$lang-$part-dev.spacy" \
      > "training/output/$lang-$part.log" 2>&1 &
    pids+=($!)
  done
done
for pid in "${pids[@]}"; do wait "$pid"; done
for lang in $LANGS; do
  "$PY" training/assemble.py --lang "$lang" \
    --ud "training/output/$lang-ud/model-best" --ner "training/output/$lang-ner/model-best" \
    --out "src/kroniek/models/$lang"
done
