"""Small fine-tuned transformer heads run with onnxruntime (int8, CPU; no torch, no download).

A head is a folder in ``newsaudit/data/models/<name>/`` holding ``model.int8.onnx`` (a
sequence classifier with inputs ``input_ids``, ``attention_mask``, ``token_type_ids`` and
output ``logits``), ``tokenizer.json`` (Hugging Face ``tokenizers``) and ``MODEL_CARD.md``.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

# Batch workers are forked after the heads are loaded: keep the tokenizer single-threaded, which
# also keeps it from warning in every worker.
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

MAX_TOKENS = 64
# Dynamic int8 quantisation scales activations per run: one text per run keeps a text's score
# independent of the texts scored with it.
BATCH = 1


@dataclass(frozen=True)
class TokenStates:
    """One text's tokens (special tokens and padding left out): ``offsets`` (n, 2) character spans
    in the text, ``vectors`` (n, 384) their encoder states."""

    offsets: np.ndarray
    vectors: np.ndarray


@dataclass(frozen=True)
class OnnxHead:
    name: str
    session: Any
    tokenizer: Any

    def distributions(self, inputs: list[str] | list[tuple[str, str]], *, heads: int = 1) -> list[list[float]]:
        """Class probabilities for each text, or each (first, second) pair for cross-encoders. A model
        with several heads (``heads``) has its logits side by side; each head is normalised alone."""
        return self.run(inputs, heads=heads)[0]

    def run(
        self,
        inputs: list[str] | list[tuple[str, str]],
        *,
        heads: int = 1,
        pooled: bool = False,
        states: bool = False,
        threads: int = 1,
    ) -> tuple[list[list[float]], list[np.ndarray], list[TokenStates]]:
        """``distributions``; with ``pooled``, each input's pooled encoder vector (the model's
        ``pooled`` output, the vector its classifier reads); with ``states``, each input's
        ``TokenStates`` (the model's ``states`` output). Lists not asked for are empty. ``threads``
        above 1 runs that many inputs at once (onnxruntime releases the GIL); each input still runs
        alone on one thread, so the numbers do not change."""
        chunks = [inputs[start : start + BATCH] for start in range(0, len(inputs), BATCH)]
        if threads > 1 and len(chunks) > 1:
            parts = list(_pool(threads).map(lambda chunk: self._run_chunk(chunk, heads, pooled, states), chunks))
        else:
            parts = [self._run_chunk(chunk, heads, pooled, states) for chunk in chunks]
        out = [row for rows, _, _ in parts for row in rows]
        vectors = [vector for _, chunk_vectors, _ in parts for vector in chunk_vectors]
        token_states = [item for _, _, chunk_states in parts for item in chunk_states]
        return out, vectors, token_states

    def _run_chunk(
        self, chunk: list[str] | list[tuple[str, str]], heads: int, pooled: bool, states: bool
    ) -> tuple[list[list[float]], list[np.ndarray], list[TokenStates]]:
        names = ["logits", *(["pooled"] if pooled else []), *(["states"] if states else [])]
        encoded = self.tokenizer.encode_batch(chunk)
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        types = np.array([e.type_ids for e in encoded], dtype=np.int64)
        logits, *rest = self.session.run(names, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})
        logits = logits.reshape(len(encoded), heads, -1)
        shifted = np.exp(logits - logits.max(axis=2, keepdims=True))
        probs = (shifted / shifted.sum(axis=2, keepdims=True)).reshape(len(encoded), -1)
        vectors = list(rest.pop(0)) if pooled else []
        token_states = []
        if states:
            for e, matrix in zip(encoded, rest[0], strict=True):
                offsets = np.array(e.offsets, dtype=np.int32).reshape(-1, 2)
                real = offsets[:, 1] > offsets[:, 0]  # not [CLS], [SEP] or padding
                token_states.append(TokenStates(offsets[real], matrix[real]))
        return [[float(p) for p in row] for row in probs], vectors, token_states


_POOLS: dict[int, ThreadPoolExecutor] = {}
_POOLS_LOCK = threading.Lock()


def _pool(threads: int) -> ThreadPoolExecutor:
    """One shared pool per thread count, for the life of the process."""
    with _POOLS_LOCK:
        if threads not in _POOLS:
            _POOLS[threads] = ThreadPoolExecutor(threads, thread_name_prefix="newsaudit-onnx")
        return _POOLS[threads]


# The shipped sentence model: one MiniLM pass gives both scores, two logits per head in this order
# (``training/finetune_sentences.py``), and its pooled vector, which a logistic regression reads for
# ``subjective`` (``training/subjectivity_head.py``: its CheckThat! data is non-commercial, so it
# trains only that small head, never the shared encoder).
SENTENCE_HEAD = "sentence-minilm"
SENTENCE_SCORES = ("checkworthy", "biased")
SUBJECTIVE_HEAD = "subjective-minilm"


# The last texts each thread scored, and their scores: framing.v6 and claims.v5 read the same
# article's sentences one after the other in one thread, so each article is encoded once; the server
# audits in many threads at once, so one shared slot would be overwritten between the two.
_last = threading.local()


def sentence_scores(texts: list[str], *, threads: int = 1) -> list[dict[str, float]] | None:
    """``checkworthy``, ``biased`` and (when its head is installed) ``subjective`` for each text from
    the sentence transformer, or None when it is not installed. A thread asking again for the texts
    it asked for last gets the same scores without encoding them again (only the last list: a corpus
    that repeats articles is not served from a cache). ``threads``: see ``OnnxHead.run``."""
    if not _encode(texts, threads):
        return None
    return [dict(row) for row in _last.scores]


def sentence_states(texts: list[str], *, threads: int = 1) -> list[TokenStates] | None:
    """Each text's ``TokenStates`` from the same pass as ``sentence_scores`` (the state heads of
    ``newsaudit.stateheads`` read them), or None when the sentence transformer or its ``states``
    output is not installed."""
    if not _encode(texts, threads) or _last.states is None:
        return None
    return list(_last.states)


def _encode(texts: list[str], threads: int) -> bool:
    """Run the sentence transformer over ``texts`` unless this thread just did; False when it is
    not installed."""
    if not available(SENTENCE_HEAD):
        return False
    key = tuple(texts)
    if getattr(_last, "key", None) != key:
        subjective = subjective_head()
        head = load(SENTENCE_HEAD)
        with_states = has_output(SENTENCE_HEAD, "states")
        dists, pooled, states = head.run(
            texts, heads=len(SENTENCE_SCORES), pooled=subjective is not None, states=with_states, threads=threads
        )
        rows = [dict(zip(SENTENCE_SCORES, (round(p, 4) for p in dist[1::2]), strict=True)) for dist in dists]
        if subjective is not None:
            coef, intercept = subjective
            for row, vector in zip(rows, pooled, strict=True):
                row["subjective"] = round(float(1 / (1 + np.exp(-(vector @ coef + intercept)))), 4)
        _last.key, _last.scores, _last.states = key, rows, states if with_states else None
    return True


@cache
def has_output(name: str, output: str) -> bool:
    """Whether the installed head's graph has the named output (``states`` came later than the file)."""
    return any(o.name == output for o in load(name).session.get_outputs())


@cache
def subjective_head() -> tuple[np.ndarray, float] | None:
    """The subjectivity head's weights on the pooled vector (``data/models/subjective-minilm.npz``),
    or None when it is not installed."""
    folder = resources.files("newsaudit.data").joinpath("models")
    path = folder.joinpath(f"{SUBJECTIVE_HEAD}.npz")
    if not path.is_file():
        return None
    with path.open("rb") as handle, np.load(handle, allow_pickle=False) as arrays:
        return arrays["coef"].astype(np.float32), float(arrays["intercept"][0])


@cache
def available(name: str) -> bool:
    """Whether the head's files are installed (looked up once: the package does not change while it runs)."""
    folder = resources.files("newsaudit.data").joinpath("models").joinpath(name)
    return folder.joinpath("model.int8.onnx").is_file()


@cache
def load(name: str, max_tokens: int = MAX_TOKENS) -> OnnxHead:
    """The installed head ``name`` (loaded once per process)."""
    folder = resources.files("newsaudit.data").joinpath("models").joinpath(name)
    with folder.joinpath("model.int8.onnx").open("rb") as handle:
        model = handle.read()
    return build(name, model, folder.joinpath("tokenizer.json").read_text(encoding="utf-8"), max_tokens)


def build(name: str, model: bytes, tokenizer_json: str, max_tokens: int = MAX_TOKENS) -> OnnxHead:
    """A head from its ONNX bytes and tokenizer JSON, run on one thread (training scripts use it to
    score a model before it is installed)."""
    import onnxruntime
    from tokenizers import Tokenizer

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(model, options, providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_str(tokenizer_json)
    tokenizer.enable_truncation(max_tokens, strategy="only_second" if max_tokens > MAX_TOKENS else "longest_first")
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    return OnnxHead(name=name, session=session, tokenizer=tokenizer)
