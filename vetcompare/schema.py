"""The schema: every column of every vetcompare table, defined once.

Other modules refer to columns and allowed values from here, never by
re-typing the lists. Each table is a tuple of :class:`Field`; the tables of
docs/reference.md and the data package's datapackage.json are generated from these definitions.
"""

from __future__ import annotations

from dataclasses import dataclass

# -- allowed values ---------------------------------------------------------

KINDS = ("target", "baseline", "standard")
"""target: a goal with a year; baseline: already reached; standard: a norm that applies continuously."""

TIERS = ("national", "provincial", "prefecture", "district", "none")
"""Recognition tier (认定级别), normalised across provinces (see :mod:`vetcompare.text.rules`)."""

COMPARATORS = ("eq", "ge", "gt", "le", "lt", "approx")
COMPARATOR_SYMBOLS = {"eq": "", "ge": "≥", "gt": ">", "le": "≤", "lt": "<", "approx": "≈"}

UNITS = (
    "percent", "count", "persons", "person_times", "multiple", "months",
    "years", "yuan", "times_per_year", "rank", "ratio",
)
@dataclass(frozen=True)
class Unit:
    """What a unit is, said once; every module that draws, prints, exports or checks a value reads it here
    (its words in each language are in :mod:`vetcompare.labels`).

    ``share``: a percentage, drawn on a 0–100 axis (further only for a value over 100, which needs a note)
    and printed with its sign glued on (60%); other units are drawn from zero. ``whole``: whole-number
    ticks. ``large``: printed in 万/亿 or
    thousand/million once it reaches 10,000. ``intensive``: compares across regions of different size, so a
    province-level value can be a reference line for a district's target. ``spread_log``: a dot chart whose
    largest value is many times its smallest may use a log axis. ``excel``: the number formats of a whole
    value and of a fraction (None: Excel's General), neither rounding anything. ``bare``: no word after
    the value in a phrase, none in a panel title.
    """

    name: str
    share: bool = False
    whole: bool = False
    large: bool = False
    intensive: bool = False
    spread_log: bool = False
    excel: tuple[str, str] | None = None
    bare: bool = False


_COUNTED = ("#,##0", "#,##0.0#########")
UNIT_RECORDS = {u.name: u for u in (
    Unit("percent", share=True, intensive=True, excel=('0"%"', '0.0#########"%"')),
    Unit("count", whole=True, spread_log=True, excel=_COUNTED, bare=True),
    Unit("persons", large=True, excel=_COUNTED),
    Unit("person_times", large=True, excel=_COUNTED),
    Unit("multiple", intensive=True),
    Unit("months"),
    Unit("years"),
    Unit("yuan", large=True, excel=_COUNTED),
    Unit("times_per_year"),
    Unit("rank", whole=True),
    Unit("ratio", bare=True),
)}
"""Every unit of :data:`UNITS`, as a :class:`Unit`."""


def unit(name: str) -> Unit:
    """The record of unit ``name``; a name that is no unit has the record of a plain number."""
    return UNIT_RECORDS.get(name) or Unit(name)


BASES = ("level", "increment")
"""level: a level to reach (达到, 建成); increment: an addition (新增, 增加)."""

YEAR_BASES = ("stated", "governing", "period", "deadline", "plan_end", "report", "none")
"""How a row's year was found: stated in its sentence; carried from a year that governs
several sentences; from a period name (十四五末 = 2025); from the appendix deadline
(完成时间); the plan's last year when nothing closer is said; the reference year of a
report (十三五 achievements = 2020, a 2021 work plan = 2021); none (standards)."""

THEMES = ("schools", "programmes", "teachers", "students", "training", "skills", "industry", "employment", "cooperation", "conditions", "governance")
"""Theme ids in display order (their words are in :mod:`vetcompare.labels`)."""

ADMIN_LEVELS = ("municipality", "province", "prefecture_city", "district", "county")

YEAR_RANGE = (1990, 2050)


@dataclass(frozen=True)
class Field:
    """One column: its name, type, meaning and the values it may take."""

    name: str
    dtype: str  # "str", "int", "float", "bool", "date"
    description: str
    required: bool = True
    allowed: tuple[str, ...] | None = None


# -- the document registry (data/documents.csv) ------------------------------

DOCUMENT_FIELDS = (
    Field("doc_id", "str", "Stable document id, e.g. jiulongpo-2022."),
    Field("file", "str", "File name under data/sources/."),
    Field("id_prefix", "str", "Prefix of the document's target ids (jlp-01)."),
    Field("region", "str", "Issuing region in Chinese (九龙坡区)."),
    Field("region_en", "str", "Issuing region in English."),
    Field("province", "str", "Province-level unit in Chinese (重庆市, 四川省)."),
    Field("province_en", "str", "Province-level unit in English."),
    Field("admin_level", "str", "Administrative level of the issuer.", allowed=ADMIN_LEVELS),
    Field("city_tier", "str", "What the document's 市级 means: provincial in Chongqing, prefecture in a "
          "prefecture-level city.", allowed=("provincial", "prefecture")),
    Field("issuer", "str", "Issuing body."),
    Field("title", "str", "Title of the document."),
    Field("doc_type", "str", "What kind of text it is."),
    Field("issued", "date", "Date issued (YYYY-MM-DD)."),
    Field("period_start", "int", "First year of the plan period."),
    Field("period_end", "int", "Last year of the plan period."),
    Field("text_form", "str", "How the text was captured: web (lines are paragraphs) or pdf "
          "(hard-wrapped lines, spaces around numbers).", allowed=("web", "pdf")),
    Field("sha256", "str", "SHA-256 of the file's bytes as received."),
    Field("damage", "str", "Known damage in the text."),
    Field("url", "str", "Where the text was published, if known.", required=False),
    Field("accessed", "date", "When the text was taken from there (YYYY-MM-DD), if known.", required=False),
    Field("licence", "str", "What allows the text to be kept and quoted here.", required=False),
)

# -- the codebook of metrics (data/codebook.csv) ------------------------------

CODEBOOK_FIELDS = (
    Field("metric_id", "str", "Hierarchical metric id, e.g. teachers.dual_qualified_share."),
    Field("theme", "str", "Theme the metric belongs to.", allowed=THEMES),
    Field("label_zh", "str", "Chinese label."),
    Field("label_en", "str", "English label."),
    Field("unit", "str", "Unit every value of the metric is expressed in.", allowed=UNITS),
    Field("definition", "str", "What is counted or measured."),
)

# -- text repairs (data/repairs.csv) ------------------------------------------

REPAIR_FIELDS = (
    Field("doc_id", "str", "Document the repair applies to."),
    Field("start", "int", "Character offset in the decoded source text where the damaged text starts."),
    Field("raw", "str", "The damaged text exactly as in the source (empty for an insertion).",
          required=False),
    Field("replacement", "str", "What the text should read (empty to delete page furniture).",
          required=False),
    Field("note", "str", "What was repaired and why; copied into the note of every row it touches."),
)

# -- statements: every column once; the curated files and load_targets() list names -----------

STATEMENT_COLUMNS = {f.name: f for f in (
    Field("target_id", "str", "Stable id: the document's id_prefix, a dash and a number (jlp-07)."),
    Field("doc_id", "str", "Source document (a curated file is named after it)."),
    Field("region", "str", "Region in Chinese, from the registry."),
    Field("region_en", "str", "Region in English, from the registry."),
    Field("province", "str", "Province-level unit in Chinese, from the registry."),
    Field("metric_id", "str", "Metric from the codebook."),
    Field("theme", "str", "Theme of the metric, from the codebook.", allowed=THEMES),
    Field("kind", "str", "target (a goal with a year), baseline (already reached) or standard (a norm).",
          allowed=KINDS),
    Field("tier", "str", "Recognition tier, normalised across provinces from tier_word.", allowed=TIERS),
    Field("tier_word", "str", "The document's own tier word (国家级, 市级, 省级及以上 ...), blank if none.",
          required=False),
    Field("comparator", "str", "eq, ge (以上, 不低于), gt (超过, 余), le, lt, approx (左右, 约, 近, 大体相当).",
          allowed=COMPARATORS),
    Field("value_low", "float", "Lower end of the value, in the metric's unit (blank only for a qualitative "
          "statement, with a note).", required=False),
    Field("value_high", "float", "Upper end (equal to value_low for a single value).", required=False),
    Field("unit", "str", "Unit, equal to the codebook unit of the metric.", allowed=UNITS),
    Field("year", "int", "Target or reference year; a curated file may write a period name (十四五 = its "
          "last year); blank for standards.", required=False),
    Field("year_basis", "str", "How the year was found.", allowed=YEAR_BASES),
    Field("hedged", "bool", "true where 力争/争创/争取 softens the promise."),
    Field("basis", "str", "level (达到, 建成) or increment (新增, 增加).", allowed=BASES),
    Field("responsible", "str", "责任单位 as the document gives them (a main row takes them from its "
          "task-list repeat).", required=False),
    Field("deadline", "str", "完成时间 as the document's task list gives it.", required=False),
    Field("repeats", "str", "target_id of the statement this row repeats (appendix task list, a restated "
          "goal); repeats are linked, not counted twice.", required=False),
    Field("source_start", "int", "Start offset of the statement in the decoded source text."),
    Field("source_end", "int", "End offset (exclusive)."),
    Field("quote", "str", "The statement's words, cleaned of line wraps, page furniture and repaired damage: "
          "equal to the cleaned text between the offsets."),
    Field("note", "str", "Judgement calls and repairs, said out loud.", required=False),
)}

CURATED_COLUMNS = (
    "target_id", "metric_id", "kind", "tier_word", "comparator", "value_low", "value_high", "unit", "year",
    "year_basis", "hedged", "basis", "responsible", "deadline", "repeats", "source_start", "source_end", "quote",
    "note",
)
"""The columns of a curated file (data/targets/<doc_id>.csv), in order."""

TARGET_COLUMNS = (
    "target_id", "doc_id", "region", "region_en", "province", "metric_id", "theme", "kind", "tier", "tier_word",
    "comparator", "value_low", "value_high", "unit", "year", "year_basis", "hedged", "basis", "responsible",
    "deadline", "repeats", "source_start", "source_end", "quote", "note",
)
"""The columns of ``load_targets()``, in order."""


def _table(columns: tuple[str, ...], **dtypes: str) -> tuple[Field, ...]:
    out = []
    for name in columns:
        f = STATEMENT_COLUMNS[name]
        out.append(Field(f.name, dtypes.get(name, f.dtype), f.description, f.required, f.allowed))
    return tuple(out)


CURATED_FIELDS = _table(CURATED_COLUMNS, year="str")  # a curated year may be a period name
TARGET_FIELDS = _table(TARGET_COLUMNS)


def names(fields: tuple[Field, ...]) -> list[str]:
    """Column names of a table, in order."""
    return [f.name for f in fields]


def field(fields: tuple[Field, ...], name: str) -> Field:
    """The field called ``name``."""
    for f in fields:
        if f.name == name:
            return f
    raise KeyError(name)


def to_frame(rows, fields: tuple[Field, ...], **dtypes: str):
    """A DataFrame of ``rows`` (records or a frame) with the table's column order and dtypes.

    The dtypes are the same on pandas 2.3 and 3: text is pandas' string dtype (python storage, a
    missing cell NaN), a column with allowed values an ordered categorical in the order the schema
    lists them (so ``groupby("theme")`` follows the codebook's themes, not the alphabet), a whole
    number that may be missing the nullable ``Int64``. ``dtypes`` overrides the type of some columns
    by name.
    """
    import pandas as pd

    df = pd.DataFrame(rows, columns=names(fields))
    for f in fields:
        col = df[f.name]
        dtype = dtypes.get(f.name, f.dtype)
        if dtype == "str" and f.allowed is not None:
            df[f.name] = pd.Categorical(col.astype(object).where(col.notna(), None), categories=list(f.allowed),
                                        ordered=True)
        elif dtype == "str":
            df[f.name] = col.astype(object).where(col.notna(), None).astype(text_dtype())
        elif dtype == "int":
            df[f.name] = col.astype("int64" if f.required else "Int64")
        elif dtype == "float":
            df[f.name] = col.astype("float64")
        elif dtype == "bool":
            df[f.name] = col.astype("bool")
        elif dtype == "date":
            df[f.name] = pd.to_datetime(col).astype("datetime64[ns]")
    return df


def text_dtype():
    """The dtype of every text column: pandas' string dtype with python storage and NaN for a missing
    cell (pandas 3's default ``str``, named so that pandas 2.3, or pyarrow being installed, changes nothing)."""
    import numpy as np
    import pandas as pd

    return pd.StringDtype("python", na_value=np.nan)


def schema_table(fields: tuple[Field, ...] = TARGET_FIELDS):
    """The fields of a table as a DataFrame (name, type, required, allowed values, description).

    Parameters
    ----------
    fields : tuple of Field, default TARGET_FIELDS
        The fields to list: the columns of the table of statements by default; ``DOCUMENT_FIELDS``,
        ``CODEBOOK_FIELDS`` and ``REPAIR_FIELDS`` (in :mod:`vetcompare.schema`) describe the other files.

    Returns
    -------
    DataFrame
        One row per field, with columns column, type, required, allowed (the allowed values, comma
        separated; blank if any value is allowed) and description.

    Examples
    --------
    >>> schema_table()["column"].tolist()[:3]
    ['target_id', 'doc_id', 'region']
    """
    import pandas as pd

    return pd.DataFrame(
        [(f.name, f.dtype, f.required, ", ".join(f.allowed) if f.allowed else "", f.description) for f in fields],
        columns=["column", "type", "required", "allowed", "description"],
    )
