"""What a reader meets first: the review's landing page and the site's home page.

Both are written from the landing page's front matter (the review's
configuration as the converter saw it), so the home page can present every
review already on the site. With one review the home page is that review's
introduction; with several, a card for each.
"""

from __future__ import annotations

from .markdown import escape


def link(text: str, url: str) -> str:
    """``[text](url)``; the configuration only accepts web addresses with no space or angle bracket."""
    return f"[{text}]({url.replace('(', '%28').replace(')', '%29')})" if url else text


def original_line(fields: dict) -> str:
    original = fields.get("original") or {}
    name = f"*{link(escape(str(original.get('title') or fields.get('title') or '')), str(original.get('url') or ''))}*"
    if original.get("publisher"):
        name += f", published by {escape(str(original['publisher']))}"
    if original.get("date"):
        name += f" ({escape(str(original['date']))}),"
    return name


def reviewer_name(fields: dict, sentence_start: bool = True) -> str:
    """The reviewer as named, or "the reviewer" when the configuration names none."""
    unnamed = "The reviewer" if sentence_start else "the reviewer"
    return link(escape(str(fields.get("reviewer") or unnamed)), str(fields.get("reviewer_url") or ""))


def introduction(fields: dict) -> list[str]:
    """Who reviews what, and when: the lines both the landing page and the home page open with."""
    lines = [escape(str(fields["description"])), ""] if fields.get("description") else []
    lines.append(
        f"This site sets out {original_line(fields)} paragraph by paragraph, "
        f"with {reviewer_name(fields, sentence_start=False)}'s rebuttal of each point beside it."
    )
    if fields.get("review_date"):
        lines[-1] += f" The review was published in {escape(str(fields['review_date']))}."
    return lines + [""]


def start_list(pages, prefix: str = "") -> list[str]:
    """Where to start: each page of the review, the pages a part holds nested under it."""
    lines = []
    for page in pages:
        name = page.path.split("/", 1)[1]
        held = "/" in name and not name.endswith("/index.md")  # a page inside its part's folder
        lines.append(f"{'    ' if held else ''}- [{escape(page.title)}]({prefix}{name})")
    return lines


def home_markdown(reviews: list[dict], pages_of_one=None) -> tuple[str, str]:
    """(title, Markdown) of the home page, from each review's landing front matter."""
    if len(reviews) == 1:
        fields = reviews[0]
        slug = fields["review"]
        lines = [f"# {escape(str(fields['title']))}", "", *introduction(fields)]
        pages = list(pages_of_one or [])
        if pages:
            first = pages[0].path.split("/", 1)[1]
            lines += [f"Start reading at [{escape(pages[0].title)}]({slug}/{first}), or choose a part:", ""]
        lines += start_list(pages, f"{slug}/")
        lines += ["", f"How the review is laid out, and how to cite it: [about this review]({slug}/index.md)."]
        return str(fields["title"]), "\n".join(lines) + "\n"
    lines = ["# Reviews", "", '<div class="grid cards" markdown="1">', ""]
    for fields in sorted(reviews, key=lambda f: str(f["review"])):
        lines += [
            f"-   **[{escape(str(fields['title']))}]({fields['review']}/index.md)**",
            "",
            "    ---",
            "",
            f"    {reviewer_name(fields)} on {original_line(fields)}",
            "",
        ]
    lines += ["</div>"]
    return "Reviews", "\n".join(lines) + "\n"
