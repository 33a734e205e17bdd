"""The public API is pinned: changing it must be a deliberate act that updates this test."""

from __future__ import annotations

import inspect
from pathlib import Path

import newsaudit

ROOT = Path(__file__).resolve().parents[1]


def test_public_names_are_pinned() -> None:
    assert sorted(newsaudit.__all__) == sorted(
        [
            "Attribution",
            "Document",
            "FetchError",
            "Finding",
            "InputError",
            "InternalError",
            "NewsauditError",
            "Options",
            "Removal",
            "Report",
            "Source",
            "Span",
            "__version__",
            "audit",
            "schema",
            "score_sentences",
        ]
    )
    for name in newsaudit.__all__:
        assert hasattr(newsaudit, name), name


def test_audit_signature_is_pinned() -> None:
    sig = inspect.signature(newsaudit.audit)
    params = list(sig.parameters.values())
    assert [p.name for p in params] == ["source", "url", "options"]
    assert params[0].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params[1:])
    assert sig.return_annotation in ("Report", newsaudit.Report)


def test_score_sentences_signature_is_pinned() -> None:
    params = list(inspect.signature(newsaudit.score_sentences).parameters.values())
    assert [p.name for p in params] == ["sentences", "options"]
    assert params[1].kind is inspect.Parameter.KEYWORD_ONLY and params[1].default is None


def test_report_serialisers_exist_and_agree(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    path = tmp_path / "a.txt"
    path.write_text("A headline about the council budget\n\n" + "The council approved the budget on Monday. " * 12)
    report = newsaudit.audit(path)
    assert json.loads(report.to_json()) == report.to_dict()


def test_records_are_frozen() -> None:
    import dataclasses

    import pytest

    span = newsaudit.Span(1, 3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 2  # type: ignore[misc]
    with pytest.raises(ValueError):
        newsaudit.Span(5, 2)


def test_the_package_type_checks() -> None:
    """mypy --strict over the whole package (configured in pyproject.toml) finds nothing."""
    from mypy import api

    stdout, stderr, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), str(ROOT / "src" / "newsaudit")])
    assert status == 0, stdout + stderr
