"""config.toml into frozen dataclasses; an unknown or mistyped key is an error naming it."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from fractions import Fraction
from pathlib import Path
from typing import Any

from .errors import ConfigError

# Defaults, each with its legal basis; config.toml repeats them for the secretary to see.
LDTT_BASIS = "Luật Thi đua, khen thưởng số 06/2022/QH15"
CSTDCS_QUOTA_PERCENT = 15  # of those reaching Lao động tiên tiến; sector and provincial rules
CSTDCS_QUOTA_BASIS = "quy định của tỉnh, ngành (ví dụ Thông tư 08/2019/TT-BLĐTBXH)"
EXCELLENT_QUOTA_PERCENT = 20  # of those rated Hoàn thành tốt nhiệm vụ or better
EXCELLENT_QUOTA_BASIS = "Nghị định 90/2020/NĐ-CP, sửa đổi bởi Nghị định 48/2023/NĐ-CP"
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


@dataclass(frozen=True)
class Rules:
    ldtt_basis: str = LDTT_BASIS
    cstdcs_basis: str = LDTT_BASIS
    cstdcs_quota_percent: float = CSTDCS_QUOTA_PERCENT
    cstdcs_quota_basis: str = CSTDCS_QUOTA_BASIS
    excellent_quota_percent: float = EXCELLENT_QUOTA_PERCENT
    excellent_quota_basis: str = EXCELLENT_QUOTA_BASIS
    ttldtt_min_ldtt_percent: float = TTLDTT_MIN_LDTT_PERCENT
    ttldxs_min_ldtt_percent: float = TTLDXS_MIN_LDTT_PERCENT
    collective_basis: str = LDTT_BASIS

    def share(self, name: str) -> Fraction:
        """A percent setting as an exact fraction (15 -> 3/20)."""
        return Fraction(str(getattr(self, name))) / 100


@dataclass(frozen=True)
class Report:
    pdf: bool = False  # also write the PDF through LibreOffice (or: python run.py --pdf)


@dataclass(frozen=True)
class Config:
    paths: Paths = field(default_factory=Paths)
    files: Files = field(default_factory=Files)
    rules: Rules = field(default_factory=Rules)
    report: Report = field(default_factory=Report)
    source: Path | None = None


def _value(name: str, default: Any, v: Any, root: Path) -> Any:
    """A setting checked against its default's type; paths relative to the config's folder."""
    if isinstance(default, Path):
        return Path(v) if Path(v).is_absolute() else root / v
    if isinstance(default, bool):
        if not isinstance(v, bool):
            raise ConfigError(f"{name} phải là true hoặc false, đang là {v!r}.")
    elif isinstance(default, (int, float)):
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise ConfigError(f"{name} phải là một số, đang là {v!r}.")
    elif not isinstance(v, str):
        raise ConfigError(f"{name} phải là chuỗi trong dấu nháy, đang là {v!r}.")
    return v


def _section(cls: type, data: Any, name: str, root: Path) -> Any:
    if not isinstance(data, dict):
        raise ConfigError(f"Mục [{name}] trong tệp cấu hình phải là một bảng.")
    known = [f.name for f in fields(cls)]
    for k in data:
        if k not in known:
            raise ConfigError(f"Khóa không hợp lệ trong tệp cấu hình: {name}.{k}. "
                              f"Các khóa hợp lệ: {', '.join(known)}.")
    defaults = cls()
    return cls(**{k: _value(f"{name}.{k}", getattr(defaults, k), data.get(k, getattr(defaults, k)),
                            root) for k in known})


def load(path: Path) -> Config:
    """Read config.toml; paths in it are relative to the file's folder."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"Không tìm thấy tệp cấu hình {path}.") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"Tệp cấu hình {path} sai cú pháp: {exc}.") from None
    sections = {"paths": Paths, "files": Files, "rules": Rules, "report": Report}
    for k in data:
        if k not in sections:
            raise ConfigError(f"Mục không hợp lệ trong tệp cấu hình: [{k}]. "
                              f"Các mục hợp lệ: {', '.join(sections)}.")
    root = path.resolve().parent
    parts = {k: _section(cls, data.get(k, {}), k, root) for k, cls in sections.items()}
    return Config(**parts, source=path)
