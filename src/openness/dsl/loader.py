"""Loading a policy: the file, the files it imports, and the checks over all of them.

Imports are resolved relative to the importing file and must stay inside a rule root: the
folder of the file the user named, or the built-in ``rules/``. A plain file name that is not
found next to the importing file is looked up among the built-in packs, so a company policy
anywhere can ``import "osd.rules"``.
"""

from __future__ import annotations

from pathlib import Path

from openness.dsl import ast, cache
from openness.dsl.checker import check_policy
from openness.dsl.errors import Diagnostic, RuleErrors
from openness.dsl.resources import builtin_packs, builtin_rules_root
from openness.errors import OpennessError

#: The largest rule file read, in bytes. The built-in packs are under 6 KB; the bound keeps a
#: runaway or hostile file (hundreds of thousands of rules) from holding a run for minutes.
MAX_RULE_FILE_BYTES = 1024 * 1024


class _Loader:
    def __init__(self, roots: tuple[Path, ...]) -> None:
        self.roots = roots
        self.done: dict[Path, ast.Policy | None] = {}
        self.problems: list[Diagnostic] = []

    def load_text(self, text: str, path: str, real: Path | None, stack: tuple[Path, ...]) -> ast.Policy | None:
        from openness.dsl.parser import parse  # Lark: not imported when the cache has every policy

        lines = text.splitlines()
        try:
            rule_file = parse(text, path)
        except RuleErrors as exc:
            self.problems.extend(exc.diagnostics)
            return None
        imports: dict[str, ast.Policy] = {}
        broken = False
        for imp in rule_file.imports:
            target = self.resolve(imp, real, stack, lines)
            if target is None:
                broken = True
                continue
            policy = self.load_file(target, (*stack, target))
            if policy is None:
                broken = True
            elif policy.name in imports and imports[policy.name].path != policy.path:
                self.problem(imp.loc, lines, f"two imported files define the policy `{policy.name}`",
                             f"the other is {imports[policy.name].path}")
            else:
                imports[policy.name] = policy
        if len(rule_file.policies) != 1:
            if not rule_file.policies:
                self.problem(rule_file.loc, lines, "the file defines no policy",
                             'a rule file holds one `policy NAME "Title" { ... }` block')
            else:
                extra = rule_file.policies[1]
                self.problem(extra.loc, lines, "a rule file holds one policy; this is a second one",
                             "put each policy in a file of its own and import it")
            if not rule_file.policies:
                return None
        policy = rule_file.policies[0]
        problems = check_policy(policy, imports, text, broken_imports=broken)
        if policy.name in imports:
            problems.append(_diagnostic(policy.loc, lines, f"the policy `{policy.name}` is also imported",
                                        "give this policy a name of its own"))
        self.problems.extend(problems)
        if problems:
            return None
        return ast.Policy(**{**_fields(policy), "imports": imports})

    def load_file(self, path: Path, stack: tuple[Path, ...]) -> ast.Policy | None:
        if path in self.done:
            return self.done[path]
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_RULE_FILE_BYTES + 1)
            if len(data) > MAX_RULE_FILE_BYTES:
                raise OpennessError(f"{path}: the rule file is over the size limit of "
                                    f"{MAX_RULE_FILE_BYTES // 1024} KB; split it into files that import each other")
            text = data.decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise OpennessError(f"{path}: cannot read the rule file ({exc.__class__.__name__}: {exc})") from None
        policy = self.load_text(text, str(path), path, stack)
        self.done[path] = policy
        return policy

    def resolve(self, imp: ast.Import, importer: Path | None, stack: tuple[Path, ...],
                lines: list[str]) -> Path | None:
        base = importer.parent if importer is not None else Path.cwd()
        candidate = (base / imp.target).resolve()
        if not candidate.is_file() and "/" not in imp.target and "\\" not in imp.target:
            builtin = builtin_rules_root() / imp.target
            if builtin.is_file():
                candidate = builtin.resolve()
        if not any(candidate.is_relative_to(root) for root in self.roots):
            self.problem(imp.loc, lines, f'`import "{imp.target}"` reaches outside the rule folders',
                         "imports may name files in " + " or ".join(str(r) for r in self.roots))
            return None
        if not candidate.is_file():
            self.problem(imp.loc, lines, f'cannot find the imported file "{imp.target}"',
                         f"looked for {candidate} and among the built-in packs")
            return None
        if candidate in stack:
            cycle = " -> ".join(p.name for p in (*stack[stack.index(candidate):], candidate))
            self.problem(imp.loc, lines, f"import cycle: {cycle}",
                         "files may not import each other in a circle; move the shared rules into a third file")
            return None
        return candidate

    def problem(self, loc: ast.Location, lines: list[str], message: str, hint: str | None = None) -> None:
        self.problems.append(_diagnostic(loc, lines, message, hint))


def _diagnostic(loc: ast.Location, lines: list[str], message: str, hint: str | None) -> Diagnostic:
    width = loc.end_column - loc.column if loc.end_line == loc.line else 1
    return Diagnostic(
        path=loc.path, line=loc.line, column=loc.column, message=message,
        source_line=lines[loc.line - 1] if 0 < loc.line <= len(lines) else "",
        width=max(width, 1), hint=hint,
    )


def _fields(policy: ast.Policy) -> dict[str, object]:
    return {name: getattr(policy, name) for name in policy.__dataclass_fields__}


def _finish(loader: _Loader, policy: ast.Policy | None) -> ast.Policy:
    if loader.problems:
        # Keep the order of the files as read, then by position inside each file.
        order = {p: i for i, p in enumerate(dict.fromkeys(d.path for d in loader.problems))}
        raise RuleErrors(sorted(loader.problems, key=lambda d: (order[d.path], d.line, d.column)))
    assert policy is not None
    return policy


def resolve_name(path_or_name: str | Path) -> Path:
    """A rule file's path, or the built-in pack named ``osd``, ``osaid-1.0``, ``osaid``, ..."""
    path = Path(path_or_name)
    if path.is_file():
        return path
    name = str(path_or_name)
    for pack in builtin_packs():
        if name in (pack.stem, pack.name):
            return pack
    for pack in builtin_packs():
        head = pack.read_text("utf-8")
        if f"\npolicy {name} " in f"\n{head}":
            return pack
    known = ", ".join(p.stem for p in builtin_packs())
    raise OpennessError(f"{name}: no such rule file, and no built-in policy of that name (built-in: {known})")


def load(path_or_name: str | Path) -> ast.Policy:
    """The validated policy of a rule file, or of a built-in pack named like ``osd``.

    A policy loaded before from unchanged files is read back from the cache
    (:mod:`openness.dsl.cache`). Raises :class:`~openness.dsl.errors.RuleErrors` with every problem of the file and of the
    files it imports.
    """
    path = resolve_name(path_or_name).resolve()
    kept = cache.read(path)
    if kept is not None:
        return kept
    loader = _Loader(_roots(path.parent))
    policy = _finish(loader, loader.load_file(path, (path,)))
    cache.write(path, policy, loader.done)
    return policy


def loads(text: str, path: str = "<string>") -> ast.Policy:
    """The validated policy of ``text``; imports resolve against ``path``'s folder (or the
    current directory when ``path`` names no file)."""
    real = Path(path).resolve() if not path.startswith("<") else None
    base = real.parent if real is not None else Path.cwd().resolve()
    loader = _Loader(_roots(base))
    policy = loader.load_text(text, path, real, (real,) if real is not None else ())
    return _finish(loader, policy)


def _roots(top: Path) -> tuple[Path, ...]:
    builtin = builtin_rules_root()
    return (top,) if top == builtin else (top, builtin)


def source_files(policy: ast.Policy) -> list[str]:
    """The files ``policy`` was read from: its own and its imports', at any depth."""
    found: dict[str, None] = {}
    todo = [policy]
    while todo:
        current = todo.pop()
        if current.path not in found:
            found[current.path] = None
            todo.extend(current.imports.values())
    return list(found)
