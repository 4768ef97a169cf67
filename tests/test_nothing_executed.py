"""Nothing openness reads from a writable place is run: no pickle, no eval, no unsafe YAML.

A grep over the source, with Python's own parser so that comments and strings do not count.
(The policy cache, the one file openness writes and reads back, has its tampering tests in
``tests/dsl/test_cache.py``.)
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "openness"

#: Modules that turn bytes into objects by running what the bytes say.
UNSAFE_MODULES = {"pickle", "cPickle", "dill", "marshal", "shelve", "joblib", "cloudpickle"}
#: Built-ins that run text as code (``re.compile`` is an attribute call, not one of these).
UNSAFE_BUILTINS = {"eval", "exec", "compile", "__import__"}
#: YAML functions that build arbitrary objects.
UNSAFE_YAML = {"unsafe_load", "full_load", "load_all", "unsafe_load_all", "full_load_all"}
#: The only YAML loaders ``yaml.load`` may be given.
SAFE_LOADERS = {"_Loader", "SafeLoader", "CSafeLoader"}


def offences(tree: ast.AST) -> list[str]:
    # A module's own ``compile`` (the rule compiler, imported by name) is not the built-in.
    own = {alias.asname or alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
           for alias in node.names}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] in UNSAFE_MODULES]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in UNSAFE_MODULES:
            found.append(f"from {node.module}")
        elif isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if isinstance(node.func, ast.Name) and name in UNSAFE_BUILTINS - own or name in UNSAFE_YAML:
                found.append(f"{name}() at line {node.lineno}")
            if name == "load" and isinstance(node.func, ast.Attribute) and getattr(node.func.value, "id", "") == "yaml":
                loader = next((k.value for k in node.keywords if k.arg == "Loader"), None)
                if getattr(loader, "id", getattr(loader, "attr", None)) not in SAFE_LOADERS:
                    found.append(f"yaml.load() without a safe loader at line {node.lineno}")
    return found


def test_the_checker_sees_what_it_looks_for():
    source = "import pickle\nfrom marshal import loads\neval('1')\nyaml.load(t, Loader=yaml.Loader)\nyaml.full_load(t)\n"
    assert len(offences(ast.parse(source))) == 5
    assert offences(ast.parse("yaml.load(t, Loader=_Loader)\nyaml.safe_load(t)\nre.compile('x')\n")) == []
    assert offences(ast.parse("from openness.engine.compiler import compile\ncompile(policy)\n")) == []


def test_no_source_file_runs_what_it_reads():
    found = {str(path.relative_to(SRC)): offences(ast.parse(path.read_text("utf-8")))
             for path in SRC.rglob("*.py")}
    assert {path: what for path, what in found.items() if what} == {}
