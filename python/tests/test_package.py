"""The package itself: version, stubs, docstrings."""

import ast
import inspect
from pathlib import Path

import quotecheck
from conftest import ROOT

STUBS = Path(__file__).resolve().parents[1] / "quotecheck" / "__init__.pyi"


def test_version_is_the_crates():
    cargo = (ROOT / "python" / "Cargo.toml").read_text()
    assert f'version = "{quotecheck.__version__}"' in cargo


def test_every_public_name_has_a_stub_and_a_docstring():
    tree = ast.parse(STUBS.read_text(encoding="utf-8"))
    stubbed = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    public = set(quotecheck.__all__) - {"__version__"}
    assert public <= stubbed
    for name in public:
        assert inspect.getdoc(getattr(quotecheck, name)), name


def test_stub_signatures_name_the_real_keyword_arguments():
    tree = ast.parse(STUBS.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in ("extract", "extract_many", "diff", "verify"):
            stub = [a.arg for a in node.args.args + node.args.kwonlyargs]
            real = list(inspect.signature(getattr(quotecheck, node.name)).parameters)
            assert stub == real, node.name


def test_the_record_iterator_is_an_iterator():
    it = quotecheck.extract_many([])
    assert isinstance(it, quotecheck.RecordIterator)
    assert iter(it) is it
