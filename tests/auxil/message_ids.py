"""Finds every Fluent message id the code can pass to a translator, following variables.

A regular expression over ``t("...")`` sees only literal ids; ids built in dicts or constants, chosen
in a conditional, formatted from a list (``f"weekday-{WEEKDAYS[d]}"``) or handed through a helper's
parameter slip through. This walks the syntax trees of the package instead:

- a *translator call* is a call of something bound to a translator: a name or attribute called ``t``,
  anything annotated ``Translator``, assigned from ``catalog.translator(...)`` or from a function that
  returns a ``Translator`` (``staff_t()``), or such a call itself (``catalog.translator(lang)("id")``);
  and ``catalog.format(lang, "id", args)``;
- its id argument is resolved to the finite set of strings it can be, following local and module
  assignments, imports, loop and comprehension variables, tuple/list/dict constants, subscripts,
  ``dict.get``, conditionals, ``or``, f-strings and ``+``, returns of helper functions, attributes
  (every assignment of that attribute name in the package) and a helper's parameters (every call of
  that helper in the package, and the parameter's default).

Anything it cannot follow is reported as *unresolved* with file and line, never skipped: the test then
fails until the code is made checkable or the id's source is declared (ids built from data, such as
the booking topics of contact-point.yml). So a miss shows up as a failure, not as silence.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path

TRANSLATOR_TYPE = "Translator"
TRANSLATOR_FACTORIES = {"translator"}  # catalog.translator(lang); functions returning a Translator join
FUNCTION = (ast.FunctionDef, ast.AsyncFunctionDef)
COMPREHENSION = (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)


class Unresolved(Exception):
    def __init__(self, node: ast.AST, why: str) -> None:
        super().__init__(why)
        self.node = node
        self.why = why
        self.shape = ""  # the innermost f-string it was building, "booking-topic-{}"


@dataclass(frozen=True)
class Use:
    """One translator call: where, and the ids it can pass (or why they could not be followed)."""

    path: Path
    line: int
    ids: frozenset[str]
    arguments: frozenset[str] | None  # the variables it passes; None when they cannot be seen (**args)
    unresolved: str = ""  # why the id could not be followed; "" when ids is complete
    pattern: str = ""  # for an unresolved f-string: its shape, "booking-topic-{}"


@dataclass
class Module:
    path: Path
    name: str  # dotted: bot.booking.texts
    tree: ast.Module
    parents: dict[ast.AST, ast.AST] = field(default_factory=dict)


class Package:
    def __init__(self, root: Path, package: str = "bot") -> None:
        self.modules: list[Module] = []
        self.by_name: dict[str, Module] = {}
        self.module_of: dict[ast.AST, Module] = {}
        base = root / package
        for path in sorted(base.rglob("*.py")):
            dotted = ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
            module = Module(path, dotted, ast.parse(path.read_text(encoding="utf-8"), str(path)))
            for parent in ast.walk(module.tree):
                for child in ast.iter_child_nodes(parent):
                    module.parents[child] = parent
                    self.module_of[child] = module
            self.module_of[module.tree] = module
            self.modules.append(module)
            self.by_name[dotted] = module
        self.nodes = [(module, node) for module in self.modules for node in ast.walk(module.tree)]
        self.functions: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
        for _, node in self.nodes:
            if isinstance(node, FUNCTION):
                self.functions.setdefault(node.name, []).append(node)
        self.translator_names = self._translator_names()
        self._active: set[tuple[int, str]] = set()

    # ---- which calls are translator calls

    def _translator_names(self) -> set[str]:
        factories = set(TRANSLATOR_FACTORIES)
        for name, defs in self.functions.items():
            if any(_annotation_name(d.returns) == TRANSLATOR_TYPE for d in defs):
                factories.add(name)
        self.factories = factories
        names = {"t"}
        for _, node in self.nodes:
            if isinstance(node, ast.arg) and _annotation_name(node.annotation) == TRANSLATOR_TYPE:
                names.add(node.arg)
            elif isinstance(node, ast.AnnAssign) and _annotation_name(node.annotation) == TRANSLATOR_TYPE:
                names.update(_target_names(node.target))
            elif isinstance(node, ast.Assign) and self._is_factory_call(node.value):
                for target in node.targets:
                    names.update(_target_names(target))
        return names

    def _is_factory_call(self, node: ast.AST) -> bool:
        return isinstance(node, ast.Call) and _callee_name(node.func) in self.factories

    def is_translator(self, func: ast.AST) -> bool:
        return _callee_name(func) in self.translator_names or self._is_factory_call(func)

    def uses(self) -> Iterator[Use]:
        for module, node in self.nodes:
            if not isinstance(node, ast.Call):
                continue
            arguments: frozenset[str] | None
            if self.is_translator(node.func) and node.args:
                argument: ast.AST = node.args[0]
                names = [k.arg for k in node.keywords]
                arguments = None if None in names else frozenset(n for n in names if n is not None)
            elif _is_catalog_format(node):
                argument = node.args[1]
                given = node.args[2]
                keys = (
                    [k.value for k in given.keys if isinstance(k, ast.Constant)]
                    if isinstance(given, ast.Dict)
                    else []
                )
                literal = isinstance(given, ast.Dict) and len(keys) == len(given.keys)
                arguments = frozenset(str(k) for k in keys) if literal else None
            else:
                continue
            if module.name == "bot.i18n.catalog" and not isinstance(argument, ast.Constant):
                continue  # the catalog's plumbing forwards ids its callers gave; those calls are checked
            try:
                yield Use(module.path, node.lineno, frozenset(self.strings(argument)), arguments)
            except Unresolved as exc:
                where = f"{self.where(exc.node)}: {exc.why}"
                yield Use(module.path, node.lineno, frozenset(), arguments, where, exc.shape)

    def where(self, node: ast.AST) -> str:
        module = self.module_of.get(node)
        line = getattr(node, "lineno", 0)
        return f"{module.path.name if module else '?'}:{line}"

    # ---- what a string expression can be

    def strings(self, node: ast.AST) -> set[str]:
        if isinstance(node, ast.Constant):
            if isinstance(node.value, str):
                return {node.value}
            raise Unresolved(node, f"not a string: {node.value!r}")
        if isinstance(node, ast.JoinedStr):
            try:
                return self._formatted(node)
            except Unresolved as exc:
                exc.shape = exc.shape or _shape(node)
                raise
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return {a + b for a, b in product(self.strings(node.left), self.strings(node.right))}
        if isinstance(node, ast.IfExp):
            return self.strings(node.body) | self.strings(node.orelse)
        if isinstance(node, ast.BoolOp):
            return set().union(*(self.strings(v) for v in node.values))
        if isinstance(node, ast.Name):
            key = (id(node), "name")
            if key in self._active:  # a value that depends on itself adds nothing new
                return set()
            self._active.add(key)
            try:
                return set().union(*(self._bound_strings(expr) for expr in self.bindings(node)))
            finally:
                self._active.discard(key)
        if isinstance(node, ast.Subscript):
            return self.elements(node.value, want="values")
        if isinstance(node, ast.Attribute):
            return set().union(*(self._bound_strings(expr) for expr in self.attribute_values(node)))
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr == "get" and node.args:
                found = self.elements(func.value, want="values")
                if len(node.args) > 1:
                    found |= self.strings(node.args[1])
                return found
            name = _callee_name(func)
            if name and name in self.functions:
                return set().union(*(self._returns(d) for d in self.functions[name]))
        raise Unresolved(node, f"cannot follow {ast.unparse(node)!r}")

    def _formatted(self, node: ast.JoinedStr) -> set[str]:
        parts: list[set[str]] = []
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append({str(value.value)})
            elif (
                isinstance(value, ast.FormattedValue) and value.format_spec is None and value.conversion == -1
            ):
                parts.append(self.strings(value.value))
            else:
                raise Unresolved(node, "a formatted value with a conversion or format")
        return {"".join(p) for p in product(*parts)}

    def _bound_strings(self, expr: ast.AST | Binding) -> set[str]:
        if isinstance(expr, Binding):
            return self.elements(expr.iterable, want=expr.want)
        return self.strings(expr)

    def _returns(self, function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
        key = (id(function), "returns")
        if key in self._active:  # recursion: the other branches say what it returns
            return set()
        self._active.add(key)
        try:
            returns = [
                n.value for n in _own_nodes(function) if isinstance(n, ast.Return) and n.value is not None
            ]
            if not returns:
                raise Unresolved(function, f"{function.name}() returns nothing to follow")
            return set().union(*(self.strings(r) for r in returns))
        finally:
            self._active.discard(key)

    def elements(self, node: ast.AST, want: str) -> set[str]:
        """The strings inside a collection: its items (tuples, lists, sets), or a dict's keys or values.

        ``want`` is "values" for ``x[i]``, "keys"/"values" for ``.keys()``/``.values()`` and "iter"
        for a loop (a dict's keys).
        """
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            found: set[str] = set()
            for item in node.elts:
                found |= (
                    self.elements(item.value, "iter") if isinstance(item, ast.Starred) else self.strings(item)
                )
            return found
        if isinstance(node, ast.Dict):
            chosen = node.keys if want in ("keys", "iter") else node.values  # iterating a dict gives its keys
            if any(item is None for item in chosen):
                raise Unresolved(node, "a dict with ** inside")
            return set().union(*(self.strings(item) for item in chosen if item is not None))
        if isinstance(node, COMPREHENSION) and not isinstance(node, ast.DictComp):
            return self.strings(node.elt)
        if isinstance(node, ast.Name):
            return set().union(*(self._bound_elements(expr, want) for expr in self.bindings(node)))
        if isinstance(node, ast.Attribute):
            return set().union(*(self._bound_elements(expr, want) for expr in self.attribute_values(node)))
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in ("keys", "values"):
                return self.elements(func.value, func.attr)
            if (
                _callee_name(func) in ("sorted", "list", "tuple", "set", "frozenset", "reversed")
                and node.args
            ):
                return self.elements(node.args[0], want)
        raise Unresolved(node, f"cannot list the items of {ast.unparse(node)!r}")

    def _bound_elements(self, expr: ast.AST | Binding, want: str) -> set[str]:
        if isinstance(expr, Binding):
            raise Unresolved(expr.iterable, "a loop variable used as a collection")
        return self.elements(expr, want)

    # ---- where a name gets its value

    def bindings(self, name: ast.Name) -> list[ast.AST | Binding]:
        """The expressions a name can hold at this point (all its assignments in its scope)."""
        module = self.module_of[name]
        scope: ast.AST | None = module.parents.get(name)
        while scope is not None:
            if isinstance(scope, COMPREHENSION):
                for generator in scope.generators:
                    if name.id in _target_names(generator.target):
                        return [_loop_binding(generator.target, name.id, generator.iter, name)]
            if isinstance(scope, FUNCTION):
                found = self._function_bindings(scope, name)
                if found is not None:
                    return found
            if isinstance(scope, ast.Lambda) and name.id in _parameter_names(scope.args):
                raise Unresolved(name, f"{name.id!r} is a lambda's parameter")
            scope = module.parents.get(scope)
        return self._module_bindings(module, name)

    def _function_bindings(
        self, function: ast.FunctionDef | ast.AsyncFunctionDef, name: ast.Name
    ) -> list[ast.AST | Binding] | None:
        found: list[ast.AST | Binding] = []
        for node in _own_nodes(function):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id == name.id:
                        found.append(node.value)
                    elif name.id in _target_names(target):
                        raise Unresolved(node, f"{name.id!r} is unpacked from {ast.unparse(node.value)!r}")
            elif isinstance(node, ast.AnnAssign | ast.NamedExpr) and name.id in _target_names(node.target):
                if node.value is None:
                    continue
                found.append(node.value)
            elif isinstance(node, ast.AugAssign) and name.id in _target_names(node.target):
                raise Unresolved(node, f"{name.id!r} is changed in place")
            elif isinstance(node, ast.For | ast.AsyncFor) and name.id in _target_names(node.target):
                found.append(_loop_binding(node.target, name.id, node.iter, name))
            elif isinstance(node, ast.With | ast.AsyncWith):
                for item in node.items:
                    if item.optional_vars is not None and name.id in _target_names(item.optional_vars):
                        raise Unresolved(node, f"{name.id!r} comes from a with statement")
        if name.id in _parameter_names(function.args):
            found.extend(self._parameter_values(function, name))
        return found or None

    def _parameter_values(
        self, function: ast.FunctionDef | ast.AsyncFunctionDef, name: ast.Name
    ) -> list[ast.AST]:
        """What the helper's callers pass for this parameter (and its default)."""
        args = function.args
        positional = [a.arg for a in [*args.posonlyargs, *args.args]]
        if name.id in (args.vararg.arg if args.vararg else None, args.kwarg.arg if args.kwarg else None):
            raise Unresolved(name, f"{name.id!r} is *args or **kwargs")
        values: list[ast.AST] = []
        defaults = dict(zip(positional[len(positional) - len(args.defaults) :], args.defaults, strict=True))
        defaults.update(
            {a.arg: d for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True) if d is not None}
        )
        if name.id in defaults:
            values.append(defaults[name.id])
        is_method = bool(positional) and positional[0] in ("self", "cls")
        calls = 0
        for module, node in self.nodes:
            if isinstance(node, ast.Name | ast.Attribute) and _callee_name(node) == function.name:
                parent = module.parents.get(node)
                if not (isinstance(parent, ast.Call) and parent.func is node) and not isinstance(
                    node.ctx, ast.Store
                ):
                    raise Unresolved(node, f"{function.name} is passed around, so its callers are unknown")
            if not (isinstance(node, ast.Call) and _callee_name(node.func) == function.name):
                continue
            calls += 1
            keyword = next((k for k in node.keywords if k.arg == name.id), None)
            if keyword is not None:
                values.append(keyword.value)
                continue
            if any(k.arg is None for k in node.keywords) or any(
                isinstance(a, ast.Starred) for a in node.args
            ):
                raise Unresolved(node, f"{function.name} is called with * or **")
            if name.id in positional:
                index = positional.index(name.id)
                if is_method and isinstance(node.func, ast.Attribute):
                    index -= 1
                if 0 <= index < len(node.args):
                    values.append(node.args[index])
        if not calls:
            raise Unresolved(function, f"{function.name} is never called by name, so {name.id!r} is unknown")
        return values

    def _module_bindings(self, module: Module, name: ast.Name) -> list[ast.AST | Binding]:
        found: list[ast.AST | Binding] = []
        for node in _own_nodes(module.tree):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id == name.id:
                        found.append(node.value)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                if node.target.id == name.id and node.value is not None:
                    found.append(node.value)
            elif isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    if (alias.asname or alias.name) == name.id and node.module in self.by_name:
                        source = self.by_name[node.module]
                        found.extend(self._module_bindings(source, ast.Name(alias.name, lineno=name.lineno)))
        if not found:
            raise Unresolved(name, f"cannot find where {name.id!r} is set")
        return found

    def attribute_values(self, node: ast.Attribute) -> list[ast.AST]:
        """Every value assigned to an attribute of this name anywhere (class bodies, ``self.x = ...``)."""
        found: list[ast.AST] = []
        for module, other in self.nodes:
            if isinstance(other, ast.Assign):
                targets = other.targets
                value: ast.AST | None = other.value
            elif isinstance(other, ast.AnnAssign):
                targets, value = [other.target], other.value
            else:
                continue
            for target in targets:
                in_class = isinstance(module.parents.get(other), ast.ClassDef)
                named = (isinstance(target, ast.Name) and in_class and target.id == node.attr) or (
                    isinstance(target, ast.Attribute) and target.attr == node.attr
                )
                if named:
                    if value is None:
                        raise Unresolved(other, f"the field {node.attr!r} has no value in the code")
                    found.append(value)
        if not found:
            raise Unresolved(node, f"cannot find where .{node.attr} is set")
        return found


@dataclass(frozen=True)
class Binding:
    """A loop variable: the items of ``iterable`` (the keys or values of a dict)."""

    iterable: ast.AST
    want: str


def _loop_binding(target: ast.AST, name: str, iterable: ast.AST, at: ast.AST) -> Binding:
    if isinstance(target, ast.Name):
        return Binding(iterable, "iter")
    # for key, value in mapping.items()
    if (
        isinstance(target, ast.Tuple)
        and len(target.elts) == 2
        and isinstance(iterable, ast.Call)
        and isinstance(iterable.func, ast.Attribute)
        and iterable.func.attr == "items"
    ):
        position = [e.id if isinstance(e, ast.Name) else "" for e in target.elts].index(name)
        return Binding(iterable.func.value, "keys" if position == 0 else "values")
    raise Unresolved(at, f"{name!r} is unpacked in a loop over {ast.unparse(iterable)!r}")


def _own_nodes(scope: ast.AST) -> Iterator[ast.AST]:
    """The nodes of a function or module body, not those of functions and classes nested in it."""
    stack = list(ast.iter_child_nodes(scope))
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, (*FUNCTION, ast.ClassDef, ast.Lambda)):
            stack.extend(ast.iter_child_nodes(node))


def _target_names(target: ast.AST) -> set[str]:
    if isinstance(target, ast.Name):
        return {target.id}
    if isinstance(target, ast.Tuple | ast.List):
        return set().union(*(_target_names(e) for e in target.elts))
    if isinstance(target, ast.Starred):
        return _target_names(target.value)
    return set()


def _parameter_names(args: ast.arguments) -> set[str]:
    names = {a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]}
    names |= {a.arg for a in (args.vararg, args.kwarg) if a is not None}
    return names


def _callee_name(func: ast.AST) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _annotation_name(annotation: ast.AST | None) -> str:
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        return annotation.value.split("[")[0].split(".")[-1]
    return _callee_name(annotation) if annotation is not None else ""


def _is_catalog_format(node: ast.Call) -> bool:
    """``catalog.format(lang, msg_id, args)`` (and the catalog's own ``self.format`` in name_of)."""
    func = node.func
    if not (isinstance(func, ast.Attribute) and func.attr == "format" and len(node.args) == 3):
        return False
    return "catalog" in ast.unparse(func.value).lower() or ast.unparse(func.value) == "self"


def _shape(node: ast.JoinedStr) -> str:
    return "".join(str(v.value) if isinstance(v, ast.Constant) else "{}" for v in node.values)
