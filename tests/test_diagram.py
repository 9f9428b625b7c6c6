"""A diagram exported as a grid, read as groups each holding its boxes: the shapes such exports take."""

from __future__ import annotations

from reviewgen.writing.diagram import Group, Shared, diagram_parts
from reviewgen.document.model import Table


def grid(*rows: str) -> Table:
    """Rows as an export writes them, cells between TABs (every row as wide as the widest)."""
    cells = [tuple(row.split("\t")) for row in rows]
    width = max(len(row) for row in cells)
    padded = [row + ("",) * (width - len(row)) for row in cells]
    return Table(padded[0], tuple(padded[1:]), line=1, diagram=True)


def test_a_header_of_groups_side_by_side_holds_the_boxes_in_its_columns():
    table = grid("Prevent\tProtect\tPursue", "Schools teach\tCourts act\tPolice arrest", "Parents learn\t\tBorders check")
    assert diagram_parts(table) == (
        Group("Prevent", ("Schools teach", "Parents learn")),
        Group("Protect", ("Courts act",)),
        Group("Pursue", ("Police arrest", "Borders check")),
    )


def test_merged_group_titles_take_the_boxes_under_their_columns():
    # Each title is a merged cell two columns wide; its boxes start in either column.
    table = grid("Safety\t\tJustice\t", "Homes safe\tSchools safe\tCourts fair\t", "Streets safe\t\tPrisons reform\tProbation works")
    assert diagram_parts(table) == (
        Group("Safety", ("Homes safe", "Schools safe", "Streets safe")),
        Group("Justice", ("Courts fair", "Prisons reform", "Probation works")),
    )


def test_a_later_row_of_merged_cells_above_boxes_starts_new_groups():
    table = grid(
        "Safety\t\tJustice\t",
        "Homes safe\tSchools safe\tCourts fair\t",
        "Support\t\tRecovery\t",  # merged cells directly above boxes: two new groups
        "Helplines open\tCounsellors trained\tClinics open\t",
        "Carers paid\t\tHousing found\t",  # merged too, but the last row: a group needs boxes below it
    )
    assert diagram_parts(table) == (
        Group("Safety", ("Homes safe", "Schools safe")),
        Group("Justice", ("Courts fair",)),
        Group("Support", ("Helplines open", "Counsellors trained", "Carers paid")),
        Group("Recovery", ("Clinics open", "Housing found")),
    )


def test_in_a_run_of_merged_rows_the_one_just_above_the_boxes_names_the_groups():
    table = grid(
        "Safety\t\tJustice\t",
        "Homes safe\tSchools safe\tCourts fair\t",
        "Streets lit\t\tJudges trained\t",  # merged, but directly above another merged row: boxes
        "Support\t\tRecovery\t",
        "Helplines open\tCounsellors trained\tClinics open\t",
    )
    assert [part.title for part in diagram_parts(table)] == ["Safety", "Justice", "Support", "Recovery"]
    assert diagram_parts(table)[:2] == (
        Group("Safety", ("Homes safe", "Schools safe", "Streets lit")), Group("Justice", ("Courts fair", "Judges trained")),
    )


def test_a_box_reaching_under_several_groups_is_theirs_together_and_the_last_row_is_a_box():
    table = grid(
        "Safety\t\tJustice\t",
        "Homes safe\t\tCourts fair\tPrisons reform",
        "Everyone shares what they know\t\t\t",  # one box across both groups
        "Abroad\t\t\t",                          # a title across the grid, above its boxes
        "Standards rise\tAid flows\tBorders check\t",
        "The last box, across the grid\t\t\t",
    )
    assert diagram_parts(table) == (
        Group("Safety", ("Homes safe",)),
        Group("Justice", ("Courts fair", "Prisons reform")),
        Shared("Everyone shares what they know"),
        Group("Abroad", ("Standards rise", "Aid flows", "Borders check", "The last box, across the grid")),
    )


def test_every_cell_is_kept_once_as_a_title_or_a_box():
    rows = ("A\t\tB\t", "a1\ta2\tb1\t", "C\t\t\t", "c1\t\tc2\t", "D\t\t\t", "d1\t\t\t")
    parts = diagram_parts(grid(*rows))
    words = [w for part in parts for w in ((part.title, *part.boxes) if isinstance(part, Group) else (part.text,))]
    assert sorted(words) == sorted(cell for row in rows for cell in row.split("\t") if cell)
    assert [part.title for part in parts] == ["A", "B", "C", "D"]
