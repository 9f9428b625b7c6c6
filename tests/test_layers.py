"""The package's stages import one way, and no module of it imports itself round a circle.

Read from the source with ``ast``, so an import inside a function (kept lazy
for start-up speed) or under ``TYPE_CHECKING`` counts as much as one at the top.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "reviewgen"

# Top to bottom. A module may import from its own part or from any row below
# its own; parts on one row are independent of each other.
LAYERS = (
    ("reviewgen.plugin", "reviewgen.__main__"),  # the entry points MkDocs and `python -m` load
    ("reviewgen.commands",),  # the editors' commands
    ("reviewgen.site",),  # the site from the pages
    ("reviewgen.reading", "reviewgen.writing"),  # a source -> the model; the model -> pages
    ("reviewgen.document",),  # the document model and what every stage shares
)


def module_name(path: Path) -> str:
    parts = ("reviewgen",) + path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str, path: Path) -> set[str]:
    """The package's modules that one module imports, anywhere in it."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            # `from pkg import module` names a module; `from module import thing` names the module
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
        else:
            continue
        found |= {target for target in targets if target in MODULES and target != name}
    return found


GRAPH = {name: imported(name, path) for name, path in MODULES.items()}


def part_of(name: str) -> tuple[int, str] | None:
    """The row and part a module belongs to, or None for the package itself."""
    for row, parts in enumerate(LAYERS):
        for part in parts:
            if name == part or name.startswith(part + "."):
                return row, part
    return None


def test_the_contract_sees_imports_at_the_top_and_inside_functions():
    assert "reviewgen.reading.parser" in GRAPH["reviewgen.commands.convert"]  # at the top
    assert "reviewgen.commands.merge" in GRAPH["reviewgen.commands.convert"]  # inside a function
    assert "reviewgen.document.ids" in GRAPH["reviewgen.site.items"]  # `from ..document import ids as ...`


def test_every_module_is_in_a_layer():
    unplaced = [name for name in MODULES if name != "reviewgen" and part_of(name) is None]
    assert unplaced == [], f"add these to a layer in LAYERS: {unplaced}"


@pytest.mark.parametrize("name", sorted(name for name in MODULES if name != "reviewgen"))
def test_a_module_imports_only_its_own_part_and_the_layers_below(name):
    row, part = part_of(name)
    wrong = []
    for target in sorted(GRAPH[name]):
        placed = part_of(target)
        if placed is None or placed[1] == part:
            continue
        if placed[0] <= row:
            wrong.append(f"{target} ({'beside' if placed[0] == row else 'above'} {part})")
    assert wrong == [], f"{name} imports " + ", ".join(wrong)


def test_no_module_imports_itself_round_a_circle():
    cycles = []
    state: dict[str, str] = {}  # "open" while on the path, "done" once every import is seen

    def visit(name: str, path: list[str]) -> None:
        state[name] = "open"
        for target in sorted(GRAPH[name]):
            if state.get(target) == "open":
                cycles.append(" -> ".join(path[path.index(target):] + [target]))
            elif target not in state:
                visit(target, path + [target])
        state[name] = "done"

    for name in sorted(GRAPH):
        if name not in state:
            visit(name, [name])
    assert cycles == [], "import cycles: " + "; ".join(cycles)


def test_a_conversion_loads_none_of_the_sites_libraries(tmp_path):
    # Start-up is most of a conversion's time: Beautiful Soup alone took a tenth of a second to import.
    source = tmp_path / "small.txt"
    source.write_text("<h2>Part 1: A</h2>\t\n<p>1. One.</p>\t<p>A reply.</p>\t\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from reviewgen.commands.convert import convert\n"
        f"convert(Path({str(source)!r}), Path({str(tmp_path / 'out')!r}))\n"
        "print(' '.join(sorted({name.split('.')[0] for name in sys.modules})))\n"
    )
    loaded = set(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split())
    assert "reviewgen" in loaded and "nh3" in loaded  # it did convert
    assert loaded & {"bs4", "soupsieve", "markdown", "mkdocs", "jinja2", "material", "rapidfuzz"} == set()  # RapidFuzz: for many lines only
