"""The unit and agency workbooks, blank or filled, written with xlsxwriter.

xlsxwriter, not openpyxl: openpyxl drops list validations on save (FIELD-NOTES). The same
writer makes the blank forms (`run.py init`), the bundled sample and the test agencies, so
every workbook the project ships was filled in from its own forms.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from .. import schema
from ..cells import LINE_PT, wrapped_lines
from ..schema import Field, Kind

FIXED_TIME = datetime(2024, 1, 1)  # document properties fixed: `init` is reproducible
FONT = "Times New Roman"

GUIDE = {
    schema.UNIT_KIND: [
        "PHIẾU ĐƠN VỊ: KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI VÀ THI ĐUA CỦA CÁ NHÂN",
        "1. Sheet \"Thông tin\": chọn Năm, gõ Tên đơn vị; chọn \"Có\" ở \"Là tập thể xét danh "
        "hiệu\" cho phòng, \"Không\" cho nhóm Lãnh đạo; chọn Xếp loại và Danh hiệu tập thể.",
        "2. Sheet \"Cá nhân\": mỗi người một dòng. Các cột có mũi tên: chọn trong danh sách.",
        "3. \"Chiến sĩ thi đua cơ sở\" đã bao gồm Lao động tiên tiến; ghi tên sáng kiến được "
        "công nhận ở cột Sáng kiến.",
        "4. Không đổi tên sheet, tên cột; không xóa dòng \"Phiên bản mẫu\". Có thể thêm cột riêng "
        "ở bên phải; chương trình bỏ qua.",
        "5. Lưu tệp (.xlsx), gửi cho bộ phận thi đua. Tên tệp tùy ý.",
    ],
    schema.KHOI_KIND: [
        "PHIẾU KHỐI THI ĐUA: THÀNH VIÊN, ĐIỂM CỘNG, NGƯỜI KÝ BÁO CÁO CỦA KHỐI",
        "1. Sheet \"Thông tin\": tên khối, cơ quan khối trưởng và người ký báo cáo của khối.",
        "2. Sheet \"Thành viên\": mỗi cơ quan thành viên một dòng, tên và ký hiệu đúng như ở "
        "phiếu Cơ quan của cơ quan đó (để đối chiếu kết quả, báo thành viên còn thiếu).",
        "3. Sheet \"Điểm cộng\" (không bắt buộc): điểm Khối chấm thêm cho từng cơ quan, mỗi lần "
        "cộng một dòng kèm nội dung; số âm là điểm trừ. Cách chấm các tiêu chí khác ở mục "
        "[khoi] của config.toml.",
        "4. Đặt tệp này vào thư mục của khối (input_khoi/) cùng các tệp ket_qua_<năm>.json "
        "của cơ quan thành viên (hoặc mỗi cơ quan một thư mục con chứa các phiếu), rồi chạy "
        "python run.py khoi.",
        "5. Không đổi tên sheet, tên cột; không xóa dòng \"Phiên bản mẫu\".",
    ],
    schema.AGENCY_KIND: [
        "PHIẾU CƠ QUAN: ĐƠN VỊ, GIAO ƯỚC, NHIỆM VỤ, VĂN BẢN, PHONG TRÀO, NHẬN ĐỊNH, HỘI ĐỒNG, "
        "BÌNH XÉT",
        "1. Sheet \"Thông tin\": thông tin in trên báo cáo (cơ quan chủ quản, ký hiệu, địa "
        "danh, người ký, nơi nhận mỗi nơi một dòng bằng Alt+Enter).",
        "2. Sheet \"Đơn vị\": mỗi đơn vị phải gửi phiếu một dòng (cả nhóm Lãnh đạo), tên đúng "
        "như ô Tên đơn vị ở phiếu của đơn vị. Đơn vị có tên ở đây mà chưa có phiếu, hoặc phiếu "
        "của đơn vị không có tên ở đây, thì chương trình dừng và báo rõ, để báo cáo không thiếu "
        "đơn vị nào.",
        "3. Sheet \"Giao ước\": mỗi chỉ tiêu đã đăng ký một dòng. Chọn Chỉ số để chương trình "
        "tự tính kết quả; chỉ tiêu là danh hiệu, cờ thì để trống Chỉ số và chọn Kết quả.",
        "4. Sheet \"Nhiệm vụ\": nhiệm vụ cấp trên giao; ngày gõ dạng ngày/tháng/năm.",
        "5. Sheet \"Văn bản\": văn bản cơ quan ban hành; chọn Mục \"Chỉ đạo\" cho văn bản chỉ "
        "đạo công tác thi đua. Văn bản được trích dẫn bằng chú thích cuối trang.",
        "6. Sheet \"Phong trào\": mỗi phong trào một dòng; ở Kết quả thực hiện, mỗi đoạn một "
        "dòng (Alt+Enter); gõ [số ký hiệu] để đặt chú thích văn bản tại chỗ đó.",
        "7. Sheet \"Nhận định\": mọi đoạn văn cơ quan tự viết của báo cáo. Cột Mục chọn phần "
        "của báo cáo, theo thứ tự: Đặc điểm, Thuận lợi, Khó khăn (mục I); Triển khai văn bản "
        "cấp trên, Chỉ đạo, hướng dẫn, Phong trào của cơ quan (mục II.1 a, b, c); Phong trào "
        "thi đua (các mục II.2 sau các phong trào ở sheet Phong trào); Tuyên truyền, điển hình "
        "(mục II.3); Nội dung, nhiệm vụ thi đua (mục III); Ưu điểm, Hạn chế (mục IV); Phương "
        "hướng, Giải pháp (Phần II). Phần không có dòng nào thì không in, kể cả tiêu đề.",
        "8. Cột Tiêu đề: để trống nếu đoạn văn nối tiếp phần trên; gõ tiêu đề để mở một mục con, "
        "chương trình tự đánh số (mục III: 1., 2., 3.; Ưu điểm: 1.1., 1.2.; Hạn chế: 2.1., 2.2.). "
        "Cột Nội dung: gõ sao in vậy; mỗi đoạn một dòng (Alt+Enter); bắt đầu bằng \"- \" hoặc "
        "\"+ \" cho gạch đầu dòng; \"*Tóm lại: …\" cho câu tóm lại.",
        "9. Số liệu chương trình tự tính: gõ [Nhiệm vụ] ở chỗ muốn đặt câu về nhiệm vụ được giao "
        "(\"được giao 12 nhiệm vụ; đã hoàn thành 12/12 …\"), [Sáng kiến] ở chỗ đặt câu về sáng "
        "kiến; không gõ thì hai câu này đứng đầu mục III. Gõ [số ký hiệu], ví dụ [128/KH-BDT], "
        "để đặt chú thích văn bản (văn bản phải có ở sheet Văn bản).",
        "10. Ở sheet \"Thông tin\": Tự xếp loại cơ quan, Xếp loại Chi bộ, Xếp loại Công đoàn "
        "được in ở phần kết quả; Báo cáo gửi là nơi tổng hợp báo cáo, in ở câu kết; Ghi chú của "
        "sheet Giao ước được in kèm chỉ tiêu.",
        "11. Sheet \"Hội đồng\" (không bắt buộc): mỗi thành viên Hội đồng Thi đua - Khen thưởng "
        "một dòng, kể cả người vắng mặt; chọn Chức danh trong Hội đồng (một Chủ tịch, một Ủy viên "
        "- Thư ký) và Có mặt (Có, Không).",
        "12. Sheet \"Bình xét\" (không bắt buộc): kết quả bỏ phiếu của Hội đồng, mỗi tập thể, "
        "cá nhân và mỗi danh hiệu, hình thức một dòng: Đối tượng gõ đúng họ tên (hoặc tên đơn vị) "
        "như ở phiếu đơn vị; Đơn vị, Năm sinh khi có người trùng tên; Danh hiệu, hình thức đúng "
        "như phiếu đơn vị ghi; Số phiếu đồng ý. Khi có dòng, nhập Ngày họp Hội đồng, Địa điểm "
        "họp ở sheet Thông tin; chương trình lập biên bản họp, chỉ đưa vào quyết định, tờ trình "
        "những người đạt tỷ lệ phiếu (ngưỡng ở config.toml, đặt theo quy chế của cơ quan). Danh "
        "hiệu Lao động tiên tiến của người đạt Chiến sĩ thi đua cơ sở được xét theo phiếu Chiến "
        "sĩ thi đua cơ sở nếu không có dòng riêng. Để trống sheet này: hồ sơ lập từ phiếu, không "
        "có biên bản.",
        "13. Không đổi tên sheet, tên cột; không xóa dòng \"Phiên bản mẫu\".",
    ],
}


def write_form(path: Path, kind: Kind, info: Mapping[str, Any] | None = None,
               tables: Mapping[str, Sequence[Mapping[str, Any]]] | None = None) -> None:
    """Write a unit, agency or khối workbook; blank when `info` and `tables` are not given."""
    wb = xlsxwriter.Workbook(str(path), {"in_memory": True, "strings_to_formulas": False,
                                         "strings_to_urls": False})
    wb.set_properties({"title": f"Phiếu {kind.name.lower()} - thidua",
                       "comments": f"Phiên bản mẫu {schema.TEMPLATE_VERSION}",
                       "created": FIXED_TIME})
    fmt = _formats(wb)
    _guide(wb.add_worksheet(schema.GUIDE_SHEET), kind, fmt)
    lists = wb.add_worksheet(schema.LIST_SHEET)
    ranges = _lists(lists, kind, fmt)
    values = {"Loại phiếu": kind.name, "Phiên bản mẫu": schema.TEMPLATE_VERSION, **(info or {})}
    _info(wb.add_worksheet(schema.INFO_SHEET), kind.info, values, ranges, fmt)
    for sheet in kind.sheets:
        _table(wb.add_worksheet(sheet.name), sheet, (tables or {}).get(sheet.name, ()), ranges,
               fmt)
    for ws in wb.worksheets()[2:]:
        _print(ws, kind)
    lists.hide()
    wb.worksheets()[2].activate()
    wb.close()


def _formats(wb: xlsxwriter.Workbook) -> dict[str, Any]:
    base = {"font_name": FONT, "font_size": 12, "valign": "top"}
    return {
        "head": wb.add_format({**base, "bold": True, "bg_color": "#DDEBF7", "border": 1,
                               "text_wrap": True, "align": "center", "valign": "vcenter"}),
        "text": wb.add_format({**base, "text_wrap": True}),
        "date": wb.add_format({**base, "num_format": "dd/mm/yyyy", "align": "left"}),
        "label": wb.add_format({**base, "bold": True}),
        "title": wb.add_format({**base, "bold": True, "font_size": 14}),
        "fixed": wb.add_format({**base, "font_color": "#7F7F7F"}),
        "as_text": wb.add_format({**base, "num_format": "@", "align": "left"}),
    }


def _guide(ws: Any, kind: Kind, fmt: dict[str, Any]) -> None:
    ws.set_column(0, 0, 110, fmt["text"])
    lines = GUIDE[kind.name] + [f"Phiên bản mẫu: {schema.TEMPLATE_VERSION}"]
    ws.write_string(0, 0, lines[0], fmt["title"])
    for row, line in enumerate(lines[1:], start=2):
        ws.write_string(row, 0, line, fmt["text"])


def _choice_fields(kind: Kind) -> list[Field]:
    fields = [*kind.info, *(f for s in kind.sheets for f in s.fields)]
    seen: dict[tuple[str, ...], Field] = {}
    for f in fields:
        if f.choices and f.choices not in seen:
            seen[f.choices] = f
    return list(seen.values())


def _lists(ws: Any, kind: Kind, fmt: dict[str, Any]) -> dict[tuple[str, ...], str]:
    """Every drop-down list in its own column of the hidden list sheet; returns ranges."""
    ranges = {}
    for col, field in enumerate(_choice_fields(kind)):
        ws.write_string(0, col, field.name, fmt["label"])
        for row, value in enumerate(field.choices, start=1):
            ws.write_string(row, col, value)
        first = xl_rowcol_to_cell(1, col, row_abs=True, col_abs=True)
        last = xl_rowcol_to_cell(len(field.choices), col, row_abs=True, col_abs=True)
        ranges[field.choices] = f"='{schema.LIST_SHEET}'!{first}:{last}"
    for sheet in kind.sheets:  # a column suggesting the values typed in another sheet
        for f in sheet.fields:
            if f.suggest[0]:
                source = next(s for s in kind.sheets if s.name == f.suggest[0])
                col = source.headers.index(f.suggest[1])
                first = xl_rowcol_to_cell(1, col, row_abs=True, col_abs=True)
                last = xl_rowcol_to_cell(source.rows, col, row_abs=True, col_abs=True)
                ranges[f.suggest] = f"='{source.name}'!{first}:{last}"
    return ranges


def _validate(ws: Any, first: tuple[int, int], last: tuple[int, int], field: Field,
              ranges: dict[tuple[str, ...], str]) -> None:
    options: dict[str, Any] = {"ignore_blank": True}
    if field.hint:
        options |= {"input_title": field.name[:32], "input_message": field.hint[:255]}
    if field.choices or field.suggest[0]:
        strict = field.strict and not field.suggest[0]
        options |= {"validate": "list", "source": ranges[field.choices or field.suggest],
                    "error_title": "Giá trị không có trong danh sách",
                    "error_message": "Chọn một giá trị trong danh sách (bấm mũi tên)."[:224],
                    "error_type": "stop" if strict else "information"}
    elif field.kind == "number":
        options |= {"validate": "decimal", "criteria": "between", "minimum": -1000,
                    "maximum": 1000, "error_message": "Nhập một số, ví dụ 2 hoặc 0,5."}
    elif field.kind == "int":
        options |= {"validate": "integer", "criteria": "between", "minimum": 0,
                    "maximum": 9999, "error_message": "Nhập một số nguyên."}
    elif field.kind == "date":
        options |= {"validate": "date", "criteria": "between", "minimum": date(1900, 1, 1),
                    "maximum": date(2100, 12, 31), "error_type": "warning",
                    "error_message": "Nhập ngày dạng ngày/tháng/năm, ví dụ 28/02/2023."}
    elif not field.hint:
        return
    else:
        options |= {"validate": "any"}
    ws.data_validation(*first, *last, options)


def _write(ws: Any, row: int, col: int, value: Any, fmt: dict[str, Any]) -> None:
    if value is None or value == "":
        return
    if isinstance(value, bool):
        ws.write_boolean(row, col, value, fmt["text"])
    elif isinstance(value, (date, datetime)):
        ws.write_datetime(row, col, value, fmt["date"])
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        ws.write_number(row, col, value, fmt["text"])
    else:  # always as text: a value that looks like a formula stays text
        ws.write_string(row, col, str(value), fmt["text"])


def _info(ws: Any, fields: tuple[Field, ...], values: Mapping[str, Any],
          ranges: dict[tuple[str, ...], str], fmt: dict[str, Any]) -> None:
    ws.set_column(0, 0, 30)
    ws.set_column(1, 1, 70, fmt["text"])
    for col, head in enumerate(schema.INFO_HEADERS):
        ws.write_string(0, col, head, fmt["head"])
    for row, field in enumerate(fields, start=1):
        ws.write_string(row, 0, field.name, fmt["label"])
        value = values.get(field.name)
        if field.name in ("Loại phiếu", "Phiên bản mẫu"):  # prefilled by the form
            ws.write_string(row, 1, str(value), fmt["fixed"])
            continue
        if field.kind == "report_date" and not isinstance(value, date):
            # kept as text: Excel would turn a typed "12/2023" into the date 01/12/2023
            ws.write(row, 1, value or None, fmt["as_text"])
            _validate(ws, (row, 1), (row, 1), field, ranges)
            continue
        if value is None and field.kind == "date":
            ws.write_blank(row, 1, None, fmt["date"])
        _write(ws, row, 1, value, fmt)
        _validate(ws, (row, 1), (row, 1), field, ranges)
    ws.freeze_panes(1, 0)


def _table(ws: Any, sheet: schema.Sheet, rows: Sequence[Mapping[str, Any]],
           ranges: dict[tuple[str, ...], str], fmt: dict[str, Any]) -> None:
    ws.set_row(0, 32)
    for col, field in enumerate(sheet.fields):
        ws.set_column(col, col, field.width, fmt["date"] if field.kind == "date" else fmt["text"])
        ws.write_string(0, col, field.name, fmt["head"])
        _validate(ws, (1, col), (sheet.rows + max(len(rows), 0), col), field, ranges)
    numbered = sheet.fields[0].name == "STT"
    for r, row in enumerate(rows, start=1):
        values = [r if numbered and col == 0 and row.get("STT") is None else row.get(field.name)
                  for col, field in enumerate(sheet.fields)]
        tallest = max(wrapped_lines(v, f.width) for v, f in zip(values, sheet.fields,
                                                                  strict=True))
        if tallest > 1:
            ws.set_row(r, tallest * LINE_PT)
        for col, value in enumerate(values):
            _write(ws, r, col, value, fmt)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(rows), 1), len(sheet.fields) - 1)


# Who signs a printed sheet: the one who filled it and the head of the unit, agency or khối.
SIGNERS = {schema.UNIT_KIND: "Trưởng đơn vị", schema.AGENCY_KIND: "Thủ trưởng cơ quan",
           schema.KHOI_KIND: "Thủ trưởng cơ quan khối trưởng"}


def _print(ws: Any, kind: Kind) -> None:
    """A sheet a person fills prints like a form: A4 landscape, one page wide, the header row
    on every page, and a footer to sign with the page number."""
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=1.3)
    sign = "(Ký, ghi rõ họ tên)"
    ws.set_footer(f"&L&\"{FONT},Bold\"&11Người lập biểu&\"{FONT},Italic\"\n{sign}"
                  f"&C&\"{FONT},Regular\"&11Trang &P/&N"
                  f"&R&\"{FONT},Bold\"&11{SIGNERS[kind.name]}&\"{FONT},Italic\"\n{sign}",
                  {"margin": 0.3})


def write_set(folder: Path, agency: Mapping[str, Any], units: Sequence[Mapping[str, Any]]
              ) -> list[Path]:
    """Fill the forms for one agency: its workbook and one per unit (sample data, tests). The
    agency's "Đơn vị" lists the units given unless the agency book lists them itself."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    roster = [{"Tên đơn vị": u["info"]["Tên đơn vị"]} for u in units]
    agency = {schema.ROSTER_SHEET: roster, **agency}
    for book, kind in [(agency, schema.AGENCY), *((u, schema.UNIT) for u in units)]:
        path = folder / book["file"]
        tables = {s.name: book[s.name] for s in kind.sheets if s.name in book}
        write_form(path, kind, book["info"], tables)
        paths.append(path)
    return paths
