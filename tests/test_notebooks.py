"""Every notebook runs through papermill with its defaults, on variants, and on 63 synthetic provinces.

The notebooks run in the render's warm kernel (see ``notebook_runner``), each notebook and parameter
set once per session; the plain papermill CLI test runs its own fresh kernel.
"""

import json
import os
import subprocess
import sys
import unicodedata

import pytest
from notebook_runner import execute, findings, problems, visible_text
from papermill.exceptions import PapermillExecutionError

from helpers.paths import NOTEBOOKS_DIR

NOTEBOOKS = sorted(p.name for p in NOTEBOOKS_DIR.glob("*.ipynb"))
CROSS_PROVINCE = [n for n in NOTEBOOKS if "profile" not in n]


def test_four_notebooks_with_sortable_prefixes():
    assert len(NOTEBOOKS) == 4
    assert all(name[:2].isdigit() and name[2] == "-" for name in NOTEBOOKS)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_structure(name):
    nb = json.loads((NOTEBOOKS_DIR / name).read_text(encoding="utf-8"))
    cells = nb["cells"]
    assert cells[0]["cell_type"] == "markdown" and "".join(cells[0]["source"]).startswith("# ")
    assert "Câu hỏi" in "".join(cells[0]["source"])
    tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1 and tagged[0] is cells[1]
    for line in "".join(cells[1]["source"]).splitlines():
        assert ":" in line.split("=")[0] and "#" in line, (
            f"untyped or uncommented parameter: {line}"
        )
        assert line.count("=") == 1, f"papermill cannot document a line with two '=': {line}"
    for cell in cells:
        if cell["cell_type"] == "code":
            assert not cell.get("outputs") and cell.get("execution_count") is None
    assert nb["metadata"]["kernelspec"]["name"] == "python3"


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory, notebook_kernel):
    return tmp_path_factory.mktemp("executed")


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_runs_with_defaults(name, out_dir):
    nb = execute(name, out_dir, report_date="2026-11-22")
    assert problems(nb) == []
    assert findings(nb), "no key findings"


def test_real_data_findings(out_dir):
    data = os.environ["TCCSD_TEST_FOUNDING_DATA"]  # the five founding articles (conftest)
    text = " ".join(
        findings(execute("30-recruitment.ipynb", out_dir, data_dir=data, report_date="2026-11-22"))
    )
    assert "1.395 đảng viên" in text and "trên 124,0%" in text and "901 đảng viên" in text
    text = " ".join(
        findings(
            execute("20-classification.ipynb", out_dir, data_dir=data, report_date="2026-11-22")
        )
    )
    assert "95% TCCSĐ hoàn thành tốt nhiệm vụ," in text and "5,0 điểm phần trăm" in text
    assert "trở lên" not in text  # the article writes "hoàn thành tốt nhiệm vụ", so do we
    assert "389 TCCSĐ" in text and "22.728 đảng viên" in text


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        ("Ninh Thuận", "Khánh Hòa"),
        ("Đắk Nông", "Lâm Đồng"),
        ("Quảng Trị", "Quảng Trị"),
        ("Dak Nong", "Lâm Đồng"),
        (unicodedata.normalize("NFD", "Đăk Nông"), "Lâm Đồng"),
    ],
)
def test_province_profile(spelling, expected, out_dir):
    nb = execute("40-province-profile.ipynb", out_dir, province=spelling, report_date="2026-11-22")
    assert problems(nb) == []
    assert f"thuộc đơn vị hành chính {expected}" in visible_text(nb)  # said once, in the answer


def test_province_without_figures_says_no_data(out_dir):
    nb = execute(
        "40-province-profile.ipynb",
        out_dir,
        data_dir=os.environ["TCCSD_TEST_FOUNDING_DATA"],  # curation may give it figures later
        province="Quảng Trị",
        report_date="2026-11-22",
    )
    assert "Không có số liệu nào về tỉnh Quảng Trị" in " ".join(findings(nb))
    assert "Không có dữ liệu" in visible_text(nb)


def test_unknown_province_stops_with_valid_values(out_dir):
    with pytest.raises(PapermillExecutionError) as info:
        execute(
            "40-province-profile.ipynb",
            out_dir,
            data_dir=os.environ["TCCSD_TEST_FOUNDING_DATA"],
            province="Đắk Nôn",
        )
    message = str(info.value)
    assert "ParameterError" in message and "unknown province 'Đắk Nôn'" in message
    assert (
        "closest matches: Đắk Nông" in message
        and "provinces with data: Ninh Thuận, Quảng Trị, Đắk Nông" in message
    )


def test_malformed_date_stops(out_dir):
    with pytest.raises(PapermillExecutionError, match="report_date '22/11/2026' is not a date"):
        execute("10-data-inventory.ipynb", out_dir, report_date="22/11/2026")


def test_plain_papermill_cli_with_p(out_dir):
    output = out_dir / "cli.ipynb"
    result = subprocess.run(
        [sys.executable, "-m", "papermill", str(NOTEBOOKS_DIR / "30-recruitment.ipynb"), str(output),
         "-p", "province", "Dak Nong", "-p", "report_date", "2026-11-22", "--cwd", str(NOTEBOOKS_DIR)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    import nbformat

    nb = nbformat.read(output, as_version=4)
    assert problems(nb) == []
    assert "1.395" in " ".join(findings(nb)) and "901" not in " ".join(findings(nb))


@pytest.mark.parametrize("name", CROSS_PROVINCE + ["40-province-profile.ipynb"])
def test_runs_on_63_synthetic_provinces(name, synthetic, out_dir):
    data, seeds = synthetic
    params = {"data_dir": str(data), "report_date": "2026-11-22"}
    if "profile" in name:
        params["province"] = "Ha Noi"
    nb = execute(name, out_dir, env={"TCCSD_SEEDS_DIR": str(seeds)}, **params)
    assert problems(nb) == []
    sentences = findings(nb)
    assert 1 <= len(sentences) <= 12, "findings must summarize, not list 63 provinces"
