"""config.toml into frozen dataclasses; an unknown or mistyped key is an error naming it."""

from __future__ import annotations

import math
import string
import tomllib
import unicodedata
from dataclasses import dataclass, field, fields
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from . import schema
from .errors import ConfigError

# Defaults, each with its legal basis; config.toml repeats them for the secretary to see.
LDTT_BASIS = "Luật Thi đua, khen thưởng số 06/2022/QH15"
CSTDCS_QUOTA_PERCENT = 15  # of those reaching Lao động tiên tiến; sector and provincial rules
CSTDCS_QUOTA_BASIS = "quy định của tỉnh, ngành (ví dụ Thông tư 08/2019/TT-BLĐTBXH)"
EXCELLENT_QUOTA_PERCENT = 20  # of those rated (exactly) Hoàn thành tốt nhiệm vụ
EXCELLENT_QUOTA_BASIS = ("Nghị định 90/2020/NĐ-CP, sửa đổi bởi Nghị định 48/2023/NĐ-CP; với công "
                         "chức từ năm 2026, Nghị định 335/2025/NĐ-CP")
# What the HTXSNV quota counts against: "không vượt quá 20% tổng số … được xếp loại Hoàn thành
# tốt nhiệm vụ" (Nghị định 335/2025, as 90/2020): those rated exactly "tốt" by default.
QUOTA_BASES = {"tot": "được xếp loại Hoàn thành tốt nhiệm vụ",
               "tot_tro_len": "hoàn thành tốt nhiệm vụ trở lên"}
TTLDTT_MIN_LDTT_PERCENT = 50  # strictly over: Luật Thi đua, khen thưởng 2022
TTLDXS_MIN_LDTT_PERCENT = 70  # at least: Luật Thi đua, khen thưởng 2022


@dataclass(frozen=True)
class Paths:
    input: Path = Path("input")
    output: Path = Path("output")
    templates: Path = Path("input_templates")
    report_template: Path = Path("input_templates/mau_bao_cao.docx")


@dataclass(frozen=True)
class Files:
    report: str = "bao_cao_thi_dua_{year}.docx"
    summary: str = "tong_hop_{year}.xlsx"
    checks: str = "kiem_tra_du_lieu_{year}.xlsx"
    record: str = "nhat_ky_chay_{year}.json"
    result: str = "ket_qua_{year}.json"  # machine-readable, for the khối and next year

    def names(self, year: int) -> dict[str, str]:
        """Each output's file name for `year` (two that would be one file are an error)."""
        return _names(self, "files", year)


@dataclass(frozen=True)
class KhoiFiles:
    """[khoi.files]: the khối run's output names, checked as [files] is."""

    report: str = "bao_cao_khoi_{year}.docx"
    summary: str = "tong_hop_khoi_{year}.xlsx"
    checks: str = "kiem_tra_khoi_{year}.xlsx"
    result: str = "ket_qua_khoi_{year}.json"  # for next year's comparison

    def names(self, year: int) -> dict[str, str]:
        """Each output's file name for `year`."""
        return _names(self, "khoi.files", year)


def _names(files: Files | KhoiFiles, section: str, year: int) -> dict[str, str]:
    return _distinct(section, {f.name: getattr(files, f.name).format(year=year)
                               for f in fields(files)})


def _distinct(section: str, names: dict[str, str]) -> dict[str, str]:
    """The names, when no two are one file (as Windows and macOS compare them): the second
    would silently take the first's place in the run's set of files."""
    seen: dict[str, str] = {}
    for key, name in names.items():
        folded = unicodedata.normalize("NFC", name).casefold()
        if folded in seen:
            raise ConfigError(f"{section}.{seen[folded]} và {section}.{key} cùng là tệp "
                              f"\"{name}\" (không phân biệt chữ hoa, chữ thường): đặt hai tên "
                              "khác nhau.")
        seen[folded] = key
    return names


def undated(pattern: str) -> str:
    """An output name when no year can be told: "kiem_tra_{year}.xlsx" -> "kiem_tra.xlsx"."""
    return pattern.format(year="").replace("_.", ".")


SUFFIXES = {"report": ".docx", "summary": ".xlsx", "checks": ".xlsx", "record": ".json",
            "result": ".json"}  # Word and Excel open a file by its suffix
SAMPLE_YEAR = 2023  # [files] names are checked once formatted, as a run formats them
NOT_IN_NAMES = set('/\\:*?"<>|')  # folder separators, and what Windows refuses in a name


@dataclass(frozen=True)
class Rules:
    ldtt_basis: str = LDTT_BASIS
    cstdcs_basis: str = LDTT_BASIS
    cstdcs_quota_percent: float = CSTDCS_QUOTA_PERCENT
    cstdcs_quota_basis: str = CSTDCS_QUOTA_BASIS
    excellent_quota_percent: float = EXCELLENT_QUOTA_PERCENT
    excellent_quota_basis: str = EXCELLENT_QUOTA_BASIS
    excellent_quota_base: str = "tot"  # one of QUOTA_BASES
    ttldtt_min_ldtt_percent: float = TTLDTT_MIN_LDTT_PERCENT
    ttldxs_min_ldtt_percent: float = TTLDXS_MIN_LDTT_PERCENT
    collective_basis: str = LDTT_BASIS

    def share(self, name: str) -> Fraction:
        """A percent setting as an exact fraction (15 -> 3/20)."""
        return Fraction(str(getattr(self, name))) / 100


@dataclass(frozen=True)
class Report:
    pdf: bool = False  # also write the PDF through LibreOffice (or: python run.py --pdf)


# The khối's scoring: criteria drawn from the metrics (schema.METRICS) and the pledges.
P_REACHED = "Tỷ lệ chỉ tiêu giao ước đạt và vượt"
P_EXCEEDED = "Tỷ lệ chỉ tiêu giao ước vượt"
SCORED = (*schema.METRICS, P_REACHED, P_EXCEEDED)
METHODS = {
    "ty_le": "điểm tối đa nhân với tỷ lệ đạt được",
    "nguong": "đủ điểm khi đạt ngưỡng, không đạt thì 0 điểm",
    "cao_nhat": "cơ quan cao nhất được đủ điểm, các cơ quan khác theo tỷ lệ so với cao nhất",
}


@dataclass(frozen=True)
class Criterion:
    chi_so: str = ""  # one of SCORED (required)
    diem: float = 0.0  # the most points it gives (required)
    cach_tinh: str = "ty_le"  # one of METHODS
    nguong: float = 0.0  # for "nguong": percent for a rate, a number for a count


DEFAULT_CRITERIA = (
    Criterion(P_REACHED, 30), Criterion(P_EXCEEDED, 10),
    Criterion(schema.M_GOOD, 10), Criterion(schema.M_LDTT, 15),
    Criterion(schema.M_CSTDCS, 10, "nguong", 10),
    Criterion(schema.M_TASKS, 15), Criterion(schema.M_INITIATIVES, 10, "cao_nhat"),
)


@dataclass(frozen=True)
class Khoi:
    input: Path = Path("input_khoi")
    output: Path = Path("output/khoi")
    report_template: Path = Path("input_templates/mau_bao_cao_khoi.docx")
    co_thi_dua: int = 1  # the leading members proposed for the Cờ thi đua
    bang_khen: int = 2  # the next ones, for the Bằng khen
    ten_co_thi_dua: str = "Cờ thi đua của Ủy ban nhân dân tỉnh"
    ten_bang_khen: str = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
    chi_de_nghi_khi_dat_het: bool = True  # only members with no pledge Không đạt are proposed
    bang_diem: tuple[str, ...] = (P_REACHED, schema.M_CSTDCS, schema.M_LDTT)  # tie-breakers
    tieu_chi: tuple[Criterion, ...] = DEFAULT_CRITERIA
    files: KhoiFiles = field(default_factory=KhoiFiles)


# The year-end dossier ([ho_so]): the legal texts a decision cites and the bonus it pays, each
# chosen by the decision's date. Defaults checked 2026-11 (FIELD-NOTES "The law"); config.toml
# repeats them for the secretary to check against the texts in force.
LAW_2003 = ("Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003",
            "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 "
            "năm 2005",
            "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 16 tháng 11 "
            "năm 2013")
LAW_2022 = "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"  # số 06/2022/QH15, from 2024


@dataclass(frozen=True)
class Basis:
    """[[ho_so.can_cu]]: the law and decree a decision dated from `tu_ngay` cites."""

    tu_ngay: date = date(1900, 1, 1)
    van_ban: tuple[str, ...] = ()


@dataclass(frozen=True)
class Salary:
    """[[ho_so.luong_co_so]]: the mức lương cơ sở from `tu_ngay`, and the decree setting it."""

    tu_ngay: date = date(1900, 1, 1)
    muc: int = 0
    can_cu: str = ""


DEFAULT_BASES = (
    Basis(date(2017, 9, 15), (*LAW_2003, "Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 "
          "của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng")),
    Basis(date(2024, 1, 1), (LAW_2022, "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 "
          "của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng")),
    Basis(date(2025, 7, 1), (LAW_2022, "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 "
          "của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; "
          "quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng")),
)
DEFAULT_SALARIES = (
    Salary(date(2019, 7, 1), 1_490_000, "Nghị định số 38/2019/NĐ-CP"),
    Salary(date(2023, 7, 1), 1_800_000, "Nghị định số 24/2023/NĐ-CP ngày 14/5/2023"),
    Salary(date(2024, 7, 1), 2_340_000, "Nghị định số 73/2024/NĐ-CP ngày 30/6/2024"),
)
# Bonus = coefficient x mức lương cơ sở, rounded up to the next 10.000 đồng: Nghị định
# 91/2017 (Điều 68, 69), 98/2023 (Điều 54), 152/2025; a collective's Giấy khen twice a person's.
BONUS_BASIS = ("Nghị định số 91/2017/NĐ-CP (Điều 69), Nghị định số 98/2023/NĐ-CP (Điều 54) và "
               "Nghị định số 152/2025/NĐ-CP; Giấy khen: tập thể gấp hai lần cá nhân")
ROUNDING_BASIS = ("tiền thưởng sau khi nhân với hệ số mức lương cơ sở được làm tròn số lên hàng "
                  "chục nghìn đồng (khoản 2 Điều 68 Nghị định số 91/2017/NĐ-CP)")
# Titles reached at the same time for the same work: only the highest bonus (CSTĐCS, not also
# LĐTT): điểm c khoản 2 Điều 66 Nghị định 91/2017.
HIGHEST_BASIS = ("cùng một thời điểm, cùng một thành tích, một đối tượng đạt nhiều danh hiệu thi "
                 "đua thì được nhận mức tiền thưởng cao nhất (điểm c khoản 2 Điều 66 Nghị định "
                 "số 91/2017/NĐ-CP)")

# Who the head's year-end Giấy khen may go to: rated Hoàn thành tốt nhiệm vụ or better, not
# disciplined that year (the agency's quy chế sets the rest). A setting: check it.
GIAY_KHEN_BASIS = ("Luật Thi đua, khen thưởng số 06/2022/QH15 và quy chế thi đua, khen thưởng của "
                   "cơ quan")


# The council's bình xét (issue 14). The law fixes no vote threshold for an agency's own council:
# its quy chế does (FIELD-NOTES "The law"). These are DEFAULTS, to be set from the agency's quy
# chế: a quorum of 2/3 of the members, as higher councils and many quy chế require; over half of
# those present for the titles and Giấy khen the agency's head confers; at least 70% of all the
# members for Chiến sĩ thi đua cơ sở and for what the agency proposes to the level above, as
# many quy chế say ("đạt từ 70% trở lên số phiếu đồng ý của tổng số thành viên Hội đồng").
QUORUM = "2/3"
COMPARISONS = {"tu": "từ {share} {base} trở lên", "tren": "trên {share} {base}"}
VOTE_BASES = {"co_mat": "số thành viên có mặt", "tong_so": "tổng số thành viên Hội đồng"}
OTHER_AWARDS = "Các hình thức khác"  # a threshold for every title or award not named


def share_of(text: str) -> Fraction | None:
    """"2/3", "70%", "50,5%" as an exact fraction; None when it is none of these."""
    said = text.strip().replace(" ", "").replace(",", ".")
    try:
        if said.endswith("%"):
            return Fraction(said[:-1]) / 100
        if "/" in said:
            return Fraction(said)
    except (ValueError, ZeroDivisionError):
        return None
    return None


@dataclass(frozen=True)
class Threshold:
    """[[ho_so.nguong_phieu]]: the votes a title or award needs (`danh_hieu` names it, or the
    start of its name: "Giấy khen", "Bằng khen"; OTHER_AWARDS for the rest)."""

    danh_hieu: str = ""
    ty_le: str = "50%"  # "70%", "2/3"
    so_sanh: str = "tren"  # one of COMPARISONS: "tren" more than, "tu" at least
    tinh_tren: str = "co_mat"  # one of VOTE_BASES: members present, or all members

    @property
    def share(self) -> Fraction:
        return share_of(self.ty_le) or Fraction(0)

    @property
    def rule(self) -> str:
        """"trên 50% số thành viên có mặt", "từ 70% tổng số thành viên Hội đồng trở lên"."""
        return COMPARISONS[self.so_sanh].format(share=self.ty_le.strip(),
                                                base=VOTE_BASES[self.tinh_tren])


DEFAULT_THRESHOLDS = (
    Threshold(schema.LDTT, "50%", "tren", "co_mat"),
    Threshold(schema.TTLDTT, "50%", "tren", "co_mat"),
    Threshold("Giấy khen", "50%", "tren", "co_mat"),
    Threshold(schema.CSTDCS, "70%", "tu", "tong_so"),
    Threshold(schema.TTLDXS, "70%", "tu", "tong_so"),
    Threshold(OTHER_AWARDS, "70%", "tu", "tong_so"),  # Chiến sĩ thi đua cấp tỉnh, Bằng khen…
)


@dataclass(frozen=True)
class HoSo:
    lap: bool = True  # write the dossier (python run.py --khong-ho-so: not this run)
    thu_muc: str = "ho_so"  # output/<năm>/ho_so/
    mau_quyet_dinh: Path = Path("input_templates/mau_quyet_dinh.docx")
    gop_danh_hieu: bool = False  # one decision for LĐTT, CSTĐCS and TTLĐTT, three lists
    tep_lao_dong_tien_tien: str = "quyet_dinh_lao_dong_tien_tien_{year}.docx"
    tep_chien_si_thi_dua_co_so: str = "quyet_dinh_chien_si_thi_dua_co_so_{year}.docx"
    tep_tap_the_lao_dong_tien_tien: str = "quyet_dinh_tap_the_lao_dong_tien_tien_{year}.docx"
    tep_danh_hieu_thi_dua: str = "quyet_dinh_danh_hieu_thi_dua_{year}.docx"  # gop_danh_hieu
    tep_giay_khen: str = "quyet_dinh_giay_khen_{year}.docx"
    tep_tien_thuong: str = "tien_thuong_{year}.xlsx"
    tep_bien_ban: str = "bien_ban_hop_hoi_dong_{year}.docx"
    tep_to_trinh: str = "to_trinh_de_nghi_khen_thuong_{year}.docx"
    tep_bao_cao_thanh_tich: str = "bao_cao_thanh_tich_{year}.docx"
    mau_bien_ban: Path = Path("input_templates/mau_bien_ban.docx")
    mau_to_trinh: Path = Path("input_templates/mau_to_trinh.docx")
    mau_bao_cao_thanh_tich: Path = Path("input_templates/mau_bao_cao_thanh_tich.docx")
    hoi_dong_dinh_so: str = QUORUM  # at least this share of the members present
    nguong_phieu: tuple[Threshold, ...] = DEFAULT_THRESHOLDS
    he_so_lao_dong_tien_tien: float = 0.3
    he_so_chien_si_thi_dua_co_so: float = 1.0
    he_so_tap_the_lao_dong_tien_tien: float = 0.8
    he_so_tap_the_lao_dong_xuat_sac: float = 1.5  # conferred by the level above, on proposal
    he_so_giay_khen_ca_nhan: float = 0.3
    he_so_giay_khen_tap_the: float = 0.6
    he_so_can_cu: str = BONUS_BASIS
    lam_tron: int = 10_000  # đồng
    lam_tron_can_cu: str = ROUNDING_BASIS
    muc_cao_nhat_can_cu: str = HIGHEST_BASIS
    giay_khen_can_cu: str = GIAY_KHEN_BASIS
    can_cu: tuple[Basis, ...] = DEFAULT_BASES
    luong_co_so: tuple[Salary, ...] = DEFAULT_SALARIES

    def coefficient(self, name: str) -> Fraction:
        """A coefficient as an exact fraction (0.3 -> 3/10)."""
        return Fraction(str(getattr(self, f"he_so_{name}")))

    def names(self, year: int) -> dict[str, str]:
        """Each dossier file's name for `year` (key without "tep_")."""
        names = _distinct("ho_so", {f.name: getattr(self, f.name).format(year=year)
                                    for f in fields(self) if f.name.startswith("tep_")})
        return {key.removeprefix("tep_"): name for key, name in names.items()}


@dataclass(frozen=True)
class Config:
    paths: Paths = field(default_factory=Paths)
    files: Files = field(default_factory=Files)
    rules: Rules = field(default_factory=Rules)
    report: Report = field(default_factory=Report)
    khoi: Khoi = field(default_factory=Khoi)
    ho_so: HoSo = field(default_factory=HoSo)
    source: Path | None = None


def _value(name: str, default: Any, v: Any, root: Path, typ: str = "") -> Any:
    """A setting checked against its default's type; paths relative to the config's folder."""
    if name == "rules.excellent_quota_base" and v not in QUOTA_BASES:
        raise ConfigError(f"{name} phải là một trong: "
                          + "; ".join(f'"{k}" ({t})' for k, t in QUOTA_BASES.items()) + ".")
    if name == "khoi.tieu_chi":
        return v if v is default else _criteria(v)
    if name in ("ho_so.can_cu", "ho_so.luong_co_so"):
        return v if v is default else _steps(name, v)
    if name == "ho_so.nguong_phieu":
        return v if v is default else _thresholds(v)
    if name == "ho_so.hoi_dong_dinh_so" and not (isinstance(v, str) and _whole_share(v)):
        raise ConfigError(f"{name} phải là tỷ lệ trong dấu nháy, từ 0 đến 100%, ví dụ \"2/3\" "
                          f"hoặc \"70%\"; đang là {v!r}.")
    if isinstance(default, date):
        if type(v) is not date:  # a TOML date, bare: 2024-01-01 (a datetime is not a date here)
            raise ConfigError(f"{name} phải là một ngày, viết không có dấu nháy, ví dụ "
                              f"2024-07-01; đang là {v!r}.")
        return v
    if name == "khoi.bang_diem":
        if v is default:
            return v
        if not isinstance(v, list):
            raise ConfigError(f"{name} phải là danh sách chỉ số trong ngoặc vuông.")
        return tuple(_scored(x, name) for x in v)
    if isinstance(default, KhoiFiles):
        return v if v is default else _section(KhoiFiles, v, name, root)
    if isinstance(default, tuple):  # a list of texts
        if not isinstance(v, list) or not v or not all(isinstance(x, str) and x.strip()
                                                       for x in v):
            raise ConfigError(f"{name} phải là danh sách văn bản trong ngoặc vuông, mỗi văn bản "
                              "trong dấu nháy, ít nhất một văn bản.")
        return tuple(v)
    if isinstance(default, Path):
        return _path(name, v, root)
    if isinstance(default, bool):
        if not isinstance(v, bool):
            raise ConfigError(f"{name} phải là true hoặc false, đang là {v!r}.")
    elif typ == "int":
        if isinstance(v, bool) or not isinstance(v, int) or v < 0:
            raise ConfigError(f"{name} phải là một số nguyên không âm, đang là {v!r}.")
    elif isinstance(default, (int, float)):
        # TOML has nan and inf: they pass a type check and break every comparison after it
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            raise ConfigError(f"{name} phải là một số, đang là {v!r}.")
        if name.endswith("_percent") and not 0 <= v <= 100:
            raise ConfigError(f"{name} là tỷ lệ phần trăm, phải từ 0 đến 100, đang là {v!r}.")
    elif not isinstance(v, str):
        raise ConfigError(f"{name} phải là chuỗi trong dấu nháy, đang là {v!r}.")
    return v


def _path(name: str, v: Any, root: Path) -> Path:
    if isinstance(v, str) and v.strip() and "\0" not in v:
        v = Path(v)
    if not isinstance(v, Path):
        raise ConfigError(f"{name} phải là một đường dẫn trong dấu nháy (ví dụ \"output\"), "
                          f"đang là {v!r}.")
    return v if v.is_absolute() else root / v


def _file_name(name: str, v: str, suffix: str, default: str | None = None) -> None:
    """A [files] name: a bare file name (the folder is [paths] output), {year} its only
    placeholder, the suffix its program opens."""
    if default is None:
        default = getattr(Files(), name.partition(".")[2])
    example = f"ví dụ \"{default}\""
    try:
        placeholders = [(f, conv, spec) for _, f, spec, conv in string.Formatter().parse(v)
                        if f is not None]
    except ValueError:  # a lone "{" or "}"
        raise ConfigError(f"{name} = \"{v}\": dấu ngoặc nhọn {{ }} không khớp; chỉ dùng {{year}} "
                          f"để chèn năm, {example}.") from None
    for f, conv, spec in placeholders:
        if (f, conv, spec) != ("year", None, ""):
            raise ConfigError(f"{name} = \"{v}\": chỉ được dùng {{year}} (năm báo cáo) trong tên "
                              f"tệp, {example}.")
    formatted = v.format(year=SAMPLE_YEAR)
    if (not formatted.strip() or formatted.startswith(".") or NOT_IN_NAMES & set(formatted)
            or any(ord(c) < 32 for c in formatted)):
        raise ConfigError(f"{name} = \"{v}\" phải là tên một tệp, không kèm thư mục: không chứa "
                          "/ \\ : * ? \" < > |, không bắt đầu bằng dấu chấm. Thư mục kết quả đặt "
                          "ở [paths] output.")
    if not formatted.lower().endswith(suffix):
        raise ConfigError(f"{name} = \"{v}\" phải có đuôi {suffix}, {example}.")


def _check_files(files: Files | KhoiFiles, section: str) -> None:
    defaults = type(files)()
    for f in fields(files):
        _file_name(f"{section}.{f.name}", getattr(files, f.name), SUFFIXES[f.name],
                   getattr(defaults, f.name))
    files.names(SAMPLE_YEAR)


def _steps(name: str, v: Any) -> tuple[Any, ...]:
    """[[ho_so.can_cu]] or [[ho_so.luong_co_so]] tables, each from its date, in date order."""
    cls: type = Basis if name == "ho_so.can_cu" else Salary
    if not isinstance(v, list) or not v:
        raise ConfigError(f"{name} phải là các bảng [[{name}]], ít nhất một bảng.")
    steps = []
    for i, t in enumerate(v, start=1):
        if not isinstance(t, dict):
            raise ConfigError(f"{name} thứ {i} phải là một bảng [[{name}]].")
        keys = tuple(f.name for f in fields(cls))
        step = _section(cls, t, f"{name} thứ {i}", Path(), required=keys)
        if isinstance(step, Salary) and step.muc <= 0:
            raise ConfigError(f"{name} thứ {i}: muc phải là số tiền lớn hơn 0 (đồng).")
        steps.append(step)
    dates = [s.tu_ngay for s in steps]
    if len(set(dates)) < len(dates):
        raise ConfigError(f"{name}: hai bảng cùng tu_ngay; mỗi ngày chỉ một bảng.")
    return tuple(sorted(steps, key=lambda s: s.tu_ngay))


def _whole_share(text: str) -> bool:
    found = share_of(text)
    return found is not None and 0 <= found <= 1


def _thresholds(v: Any) -> tuple[Threshold, ...]:
    """[[ho_so.nguong_phieu]] tables: each a title or award, its share, how compared, of whom;
    one for OTHER_AWARDS, so that every vote has a rule."""
    name = "ho_so.nguong_phieu"
    if not isinstance(v, list) or not v or not all(isinstance(t, dict) for t in v):
        raise ConfigError(f"{name} phải là các bảng [[{name}]], ít nhất một bảng.")
    out = []
    for i, t in enumerate(v, start=1):
        where = f"{name} thứ {i}"
        th = _section(Threshold, t, where, Path(), required=("danh_hieu", "ty_le"))
        if not th.danh_hieu.strip() or not _whole_share(th.ty_le):
            raise ConfigError(f"{where}: cần danh_hieu, và ty_le dạng \"70%\" hoặc \"2/3\" từ "
                              "0 đến 100%.")
        for key_, allowed in (("so_sanh", COMPARISONS), ("tinh_tren", VOTE_BASES)):
            if getattr(th, key_) not in allowed:
                raise ConfigError(f"{where}: {key_} phải là một trong: "
                                  + ", ".join(f'"{k}"' for k in allowed) + ".")
        out.append(th)
    if not any(t.danh_hieu.strip().casefold() == OTHER_AWARDS.casefold() for t in out):
        raise ConfigError(f"{name}: thiếu bảng danh_hieu = \"{OTHER_AWARDS}\" (ngưỡng cho mọi "
                          "danh hiệu, hình thức khác).")
    return tuple(out)


def _check_ho_so(h: HoSo) -> None:
    suffixes = {f.name: ".xlsx" if f.name == "tep_tien_thuong" else ".docx"
                for f in fields(h) if f.name.startswith("tep_")}
    for key, suffix in suffixes.items():
        _file_name(f"ho_so.{key}", getattr(h, key), suffix, getattr(HoSo(), key))
    folder = h.thu_muc
    if (not folder.strip() or folder.startswith(".") or NOT_IN_NAMES & set(folder) or "{" in folder
            or any(ord(c) < 32 for c in folder)):
        raise ConfigError(f"ho_so.thu_muc = \"{folder}\" phải là tên một thư mục (đặt trong "
                          "output/<năm>/), ví dụ \"ho_so\": không chứa / \\ : * ? \" < > | { }, "
                          "không bắt đầu bằng dấu chấm.")
    h.names(SAMPLE_YEAR)
    if h.lam_tron <= 0:
        raise ConfigError("ho_so.lam_tron phải lớn hơn 0 (đồng), ví dụ 10000.")
    for f in fields(h):
        if f.name.startswith("he_so_") and f.name != "he_so_can_cu" and getattr(h, f.name) < 0:
            raise ConfigError(f"ho_so.{f.name} là hệ số nhân với mức lương cơ sở, không được âm.")


def _scored(v: Any, name: str) -> str:
    if v not in SCORED:
        raise ConfigError(f"{name}: \"{v}\" không phải chỉ số chấm điểm. Các chỉ số: "
                          + "; ".join(SCORED) + ".")
    return str(v)


def _criteria(v: Any) -> tuple[Criterion, ...]:
    """[[khoi.tieu_chi]] tables: each a metric, its points and the way it is scored."""
    if not isinstance(v, list) or not v:
        raise ConfigError("khoi.tieu_chi phải là các bảng [[khoi.tieu_chi]], ít nhất một bảng.")
    out = []
    for i, t in enumerate(v, start=1):
        where = f"khoi.tieu_chi thứ {i}"
        if not isinstance(t, dict):
            raise ConfigError(f"{where} phải là một bảng [[khoi.tieu_chi]].")
        c = _section(Criterion, t, where, Path(),
                     required=("chi_so", "diem"))
        _scored(c.chi_so, where)
        if c.cach_tinh not in METHODS:
            raise ConfigError(f"{where}: cach_tinh \"{c.cach_tinh}\" không hợp lệ; chọn một "
                              f"trong: {', '.join(METHODS)}.")
        if c.cach_tinh == "ty_le" and c.chi_so in schema.COUNT_METRICS:
            raise ConfigError(f"{where}: \"{c.chi_so}\" là số lượng, không tính theo tỷ lệ; "
                              "dùng cach_tinh = \"cao_nhat\" hoặc \"nguong\".")
        if c.diem <= 0:
            raise ConfigError(f"{where}: diem phải lớn hơn 0.")
        if c.nguong < 0 or (c.nguong > 100 and c.chi_so not in schema.COUNT_METRICS):
            raise ConfigError(f"{where}: nguong là phần trăm (10 nghĩa là 10%), phải từ 0 đến "
                              "100.")
        out.append(c)
    return tuple(out)


def _section(cls: type, data: Any, name: str, root: Path, required: tuple[str, ...] = ()
             ) -> Any:
    if not isinstance(data, dict):
        raise ConfigError(f"Mục [{name}] phải là một bảng.")
    known = [f.name for f in fields(cls)]
    for k in data:
        if k not in known:
            raise ConfigError(f"Khóa không hợp lệ: {name}.{k}. "
                              f"Các khóa hợp lệ: {', '.join(known)}.")
    for k in required:
        if k not in data:
            raise ConfigError(f"{name} thiếu khóa {k}.")
    defaults = cls()
    return cls(**{f.name: _value(f"{name}.{f.name}", getattr(defaults, f.name),
                                 data.get(f.name, getattr(defaults, f.name)), root, str(f.type))
                  for f in fields(cls)})


def load(path: Path) -> Config:
    """Read and check config.toml, all of it, before any input is read; paths in it are
    relative to the file's folder."""
    data = _toml(path)
    sections = {"paths": Paths, "files": Files, "rules": Rules, "report": Report, "khoi": Khoi,
                "ho_so": HoSo}
    root = path.resolve().parent
    try:
        for k in data:
            if k not in sections:
                raise ConfigError(f"Mục không hợp lệ: [{k}]. Các mục hợp lệ: "
                                  f"{', '.join(sections)}.")
        parts = {k: _section(cls, data.get(k, {}), k, root) for k, cls in sections.items()}
        _check_files(parts["files"], "files")
        _check_files(parts["khoi"].files, "khoi.files")
        _check_ho_so(parts["ho_so"])
    except ConfigError as exc:
        raise ConfigError(f"Tệp cấu hình {path}: {exc}") from None
    return Config(**parts, source=path)


def _toml(path: Path) -> dict[str, Any]:
    try:
        # utf-8-sig: Notepad may put a byte-order mark first, which tomllib refuses
        return tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        raise ConfigError(f"Không tìm thấy tệp cấu hình {path}.") from None
    except OSError as exc:
        raise ConfigError(f"Không đọc được tệp cấu hình {path} ({exc.strerror}).") from None
    except UnicodeDecodeError:
        raise ConfigError(f"Tệp cấu hình {path} không phải văn bản UTF-8: mở bằng Notepad, "
                          "chọn File › Save As, Encoding \"UTF-8\", lưu rồi chạy lại.") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"Tệp cấu hình {path} sai cú pháp: {exc}.") from None
