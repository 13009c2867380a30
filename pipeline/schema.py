"""The data contract: sheet names, headers, allowed values (SPEC "Data contract").

Everything that reads, checks or writes a workbook takes its names from here, so the
forms, the reader and the validator cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

# Oldest first. A form of an older version is still read; it lacks the sheets added since
# (`Sheet.since`), which then count as empty.
VERSIONS = ("thidua-1", "thidua-2")
TEMPLATE_VERSION = VERSIONS[-1]
KNOWN_VERSIONS = frozenset(VERSIONS)

UNIT_KIND = "Đơn vị"
AGENCY_KIND = "Cơ quan"
KHOI_KIND = "Khối"

INFO_SHEET = "Thông tin"
INFO_HEADERS = ("Mục", "Giá trị")
PEOPLE_SHEET = "Cá nhân"
PLEDGE_SHEET = "Giao ước"
TASK_SHEET = "Nhiệm vụ"
DOC_SHEET = "Văn bản"
MOVEMENT_SHEET = "Phong trào"
NOTE_SHEET = "Nhận định"
ROSTER_SHEET = "Đơn vị"
MEMBER_SHEET = "Thành viên"
BONUS_SHEET = "Điểm cộng"
LIST_SHEET = "Danh mục"
GUIDE_SHEET = "Hướng dẫn"
COUNCIL_SHEET = "Hội đồng"
REVIEW_SHEET = "Bình xét"

# Ratings, best first.
EXCELLENT = "Hoàn thành xuất sắc nhiệm vụ"
GOOD = "Hoàn thành tốt nhiệm vụ"
DONE = "Hoàn thành nhiệm vụ"
NOT_DONE = "Không hoàn thành nhiệm vụ"
UNRATED = "Chưa xếp loại"
RATINGS = (EXCELLENT, GOOD, DONE, NOT_DONE, UNRATED)

CSTDCS = "Chiến sĩ thi đua cơ sở"
LDTT = "Lao động tiên tiến"
NONE = "Không"
YES = "Có"
PERSON_TITLES = (CSTDCS, LDTT, NONE)
LDTT_TITLES = (CSTDCS, LDTT)  # who counts as Lao động tiên tiến: CSTĐCS implies it

STAFF_TYPES = ("Công chức", "Viên chức", "Hợp đồng lao động")
DISCIPLINES = (NONE, "Khiển trách", "Cảnh cáo", "Giáng chức", "Cách chức")
WARNING_OR_WORSE = ("Cảnh cáo", "Giáng chức", "Cách chức")
PROPOSALS = (
    "Chiến sĩ thi đua cấp tỉnh",
    "Bằng khen của Chủ tịch UBND tỉnh",
    "Giấy khen của Thủ trưởng cơ quan",
    "Bằng khen của Thủ tướng Chính phủ",
    "Chiến sĩ thi đua toàn quốc",
)

TTLDXS = "Tập thể lao động xuất sắc"
TTLDTT = "Tập thể lao động tiên tiến"
COLLECTIVE_TITLES = (TTLDXS, TTLDTT, NONE)
TTLDTT_TITLES = (TTLDXS, TTLDTT)  # who counts as Tập thể lao động tiên tiến
YES_NO = (YES, NONE)

TASK_DONE = "Hoàn thành"
TASK_RUNNING = "Đang thực hiện"
TASK_NOT_STARTED = "Chưa thực hiện"
TASK_STOPPED = "Dừng thực hiện"
TASK_STATES = (TASK_DONE, TASK_RUNNING, TASK_NOT_STARTED, TASK_STOPPED)

MET = "Đạt"
EXCEEDED = "Vượt"
NOT_MET = "Không đạt"
PENDING = "Chờ kết quả"
PLEDGE_RESULTS = (MET, NOT_MET, PENDING)

# The report's parts the agency writes itself ("Nhận định"), in the order the report places
# them; each names the part of the report it goes into (Phần, mục).
NOTE_SECTIONS = ("Đặc điểm", "Thuận lợi", "Khó khăn",  # I
                 "Triển khai văn bản cấp trên", "Chỉ đạo, hướng dẫn",  # II.1 a), b)
                 "Phong trào của cơ quan",  # II.1 c)
                 "Phong trào thi đua",  # II.2, parts after the movements ("2.2. …")
                 "Tuyên truyền, điển hình",  # II.3
                 "Nội dung, nhiệm vụ thi đua",  # III ("1. …", "2. …")
                 "Ưu điểm", "Hạn chế",  # IV
                 "Phương hướng", "Giải pháp")  # Phần II
# Written in a "Nhận định" text, each is replaced by the figure the program computes.
PLACEHOLDERS = ("[Nhiệm vụ]", "[Sáng kiến]")
DOC_SECTIONS = ("Chỉ đạo",)
DOC_TYPES = ("Kế hoạch", "Công văn", "Quyết định", "Chỉ thị", "Hướng dẫn", "Thông báo",
             "Báo cáo", "Tờ trình")

# Metric names (Chỉ số) in the order the report lists them.
M_GOOD = "Tỷ lệ cá nhân hoàn thành tốt nhiệm vụ trở lên"
M_EXCELLENT = "Tỷ lệ cá nhân hoàn thành xuất sắc nhiệm vụ"
M_LDTT = "Tỷ lệ cá nhân đạt Lao động tiên tiến"
M_CSTDCS = "Tỷ lệ cá nhân đạt Chiến sĩ thi đua cơ sở"
M_C_LDTT = "Tỷ lệ tập thể đạt Tập thể lao động tiên tiến"
M_C_LDXS = "Tỷ lệ tập thể đạt Tập thể lao động xuất sắc"
M_C_EXCELLENT = "Tỷ lệ tập thể hoàn thành xuất sắc nhiệm vụ"
M_TASKS = "Tỷ lệ nhiệm vụ hoàn thành"
M_ON_TIME = "Tỷ lệ nhiệm vụ hoàn thành đúng hạn"
M_INITIATIVES = "Số sáng kiến được công nhận"
METRICS = (M_GOOD, M_EXCELLENT, M_LDTT, M_CSTDCS, M_C_LDTT, M_C_LDXS, M_C_EXCELLENT, M_TASKS,
           M_ON_TIME, M_INITIATIVES)
COUNT_METRICS = frozenset({M_INITIATIVES})


# Text longer than this in one cell is a paste gone wrong; a name or a label is far shorter,
# a paragraph of the report too (Excel's own cap is 32,767 characters).
SHORT_TEXT = 2_000
LONG_TEXT = 20_000


WORD_FIELDS = frozenset({
    "Họ và tên", "Chức vụ", "Sáng kiến", "Tên đơn vị", "Tên cơ quan", "Cơ quan chủ quản",
    "Địa danh", "Chức vụ người ký", "Người ký", "Khối thi đua", "Tên khối", "Cơ quan khối trưởng",
    "Chỉ tiêu", "Nội dung nhiệm vụ", "Cơ quan giao", "Đơn vị thực hiện", "Phong trào",
    "Kết quả thực hiện", "Trích yếu", "Nội dung", "Quyết định thành lập",
    "Quy chế thi đua, khen thưởng", "Xét đề nghị của", "Đối tượng", "Địa điểm họp",
    "Nơi nhận tờ trình", "Người xét tờ trình"})


@dataclass(frozen=True)
class Field:
    """One column of a list sheet, or one row of "Thông tin"."""

    name: str
    kind: str = "text"  # text | int | number | date | report_date | choice | target
    required: bool = False
    choices: tuple[str, ...] = ()
    strict: bool = True  # a choice outside the list is an error (False: a suggestion list)
    width: int = 18
    hint: str = ""
    limit: int = SHORT_TEXT  # longest text accepted in one cell
    suggest: tuple[str, str] = ("", "")  # (sheet, column) whose values the form suggests
    since: str = "thidua-1"  # the form version that brought the column (older: may lack it)

    @property
    def words(self) -> bool:
        """Text in words (a name, a title, a narrative): a number or TRUE/FALSE is a slip."""
        return self.name in WORD_FIELDS


@dataclass(frozen=True)
class Sheet:
    name: str
    fields: tuple[Field, ...]
    rows: int = 200  # rows prepared with drop-downs in the blank form
    since: str = VERSIONS[0]  # the form version that brought the sheet

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


STT = Field("STT", "int", width=6)

PEOPLE = Sheet(PEOPLE_SHEET, (
    STT,
    Field("Họ và tên", required=True, width=26, hint="Họ và tên đầy đủ, có dấu."),
    Field("Năm sinh", "int", width=10, hint="Năm sinh (4 chữ số), để phân biệt người trùng tên."),
    Field("Chức vụ", width=20),
    Field("Loại", "choice", True, STAFF_TYPES, width=20),
    Field("Xếp loại", "choice", True, RATINGS, width=30, hint="Kết quả đánh giá, xếp loại."),
    Field("Danh hiệu", "choice", True, PERSON_TITLES, width=24,
          hint="Chiến sĩ thi đua cơ sở đã bao gồm Lao động tiên tiến."),
    Field("Sáng kiến", width=34, hint="Tên sáng kiến được công nhận; để trống nếu không có."),
    Field("Kỷ luật", "choice", False, DISCIPLINES, width=14, hint="Để trống nếu không bị kỷ luật."),
    Field("Đề nghị khen thưởng", "choice", False, PROPOSALS, strict=False, width=32,
          hint="Chọn trong danh sách hoặc gõ hình thức khác; để trống nếu không đề nghị."),
    Field("Ghi chú", width=24, limit=LONG_TEXT),
))

ROSTER = Sheet(ROSTER_SHEET, (
    STT,
    Field("Tên đơn vị", required=True, width=44,
          hint="Mỗi đơn vị phải gửi phiếu một dòng (cả nhóm Lãnh đạo), tên đúng như ô Tên đơn "
               "vị ở phiếu của đơn vị."),
    Field("Ghi chú", width=40, limit=LONG_TEXT),
), rows=60, since="thidua-2")

PLEDGES = Sheet(PLEDGE_SHEET, (
    STT,
    Field("Chỉ tiêu", required=True, width=50),
    Field("Chỉ số", "choice", False, METRICS, width=44,
          hint="Chọn chỉ số để chương trình tự tính kết quả; để trống nếu là danh hiệu, cờ."),
    Field("Mức đăng ký", "target", width=14, hint="Tỷ lệ: gõ 15 hoặc 15%. Số lượng: gõ số."),
    Field("Kết quả", "choice", False, PLEDGE_RESULTS, width=16,
          hint="Chỉ nhập cho chỉ tiêu không có Chỉ số."),
    Field("Ghi chú", width=24, limit=LONG_TEXT),
), rows=60)

TASKS = Sheet(TASK_SHEET, (
    STT,
    Field("Nội dung nhiệm vụ", required=True, width=60, limit=LONG_TEXT),
    Field("Cơ quan giao", width=20),
    Field("Hạn hoàn thành", "date", width=16, hint="Ngày/tháng/năm, ví dụ 31/12/2023."),
    Field("Ngày hoàn thành", "date", width=16, hint="Ngày/tháng/năm, ví dụ 31/12/2023."),
    Field("Tình trạng", "choice", True, TASK_STATES, width=18),
    Field("Đơn vị thực hiện", width=24),
    Field("Ghi chú", width=30, limit=LONG_TEXT),
), rows=100)

DOCUMENTS = Sheet(DOC_SHEET, (
    STT,
    Field("Loại văn bản", "choice", True, DOC_TYPES, strict=False, width=16),
    Field("Số ký hiệu", required=True, width=16, hint="Ví dụ 128/KH-BDT."),
    Field("Ngày ban hành", "date", True, width=16, hint="Ngày/tháng/năm, ví dụ 28/02/2023."),
    Field("Trích yếu", width=60, limit=LONG_TEXT),
    Field("Mục", "choice", False, DOC_SECTIONS, width=12,
          hint="Chọn Chỉ đạo nếu là văn bản chỉ đạo công tác thi đua (mục II.1)."),
), rows=100)

MOVEMENTS = Sheet(MOVEMENT_SHEET, (
    STT,
    Field("Phong trào", required=True, width=50),
    Field("Kết quả thực hiện", required=True, width=80, limit=LONG_TEXT,
          hint="Mỗi đoạn một dòng (Alt+Enter). Gõ [128/KH-BDT] để đặt chú thích văn bản."),
    Field("Văn bản", width=30, hint="Số ký hiệu các văn bản ở sheet Văn bản, cách nhau dấu phẩy."),
), rows=40)

NOTES = Sheet(NOTE_SHEET, (
    Field("Mục", "choice", True, NOTE_SECTIONS, width=26,
          hint="Phần của báo cáo mà đoạn văn thuộc về, theo thứ tự của báo cáo."),
    Field("Tiêu đề", width=40, limit=LONG_TEXT, since="thidua-2",
          hint="Để trống nếu đoạn văn nối tiếp phần trên; gõ tiêu đề để mở một mục con, "
               "chương trình tự đánh số (1., 2. … hoặc 1.1., 1.2. …)."),
    Field("Nội dung", width=100, limit=LONG_TEXT,
          hint="Mỗi đoạn một dòng (Alt+Enter); bắt đầu bằng \"- \" hoặc \"+ \" cho gạch đầu "
               "dòng. Gõ [Nhiệm vụ], [Sáng kiến] để đặt số liệu chương trình tính; [128/KH-BDT] "
               "để đặt chú thích văn bản."),
), rows=150)

UNIT_INFO = (
    Field("Loại phiếu", "choice", True, (UNIT_KIND, AGENCY_KIND)),
    Field("Phiên bản mẫu", required=True),
    Field("Năm", "int", True, hint="Năm báo cáo, ví dụ 2023."),
    Field("Tên đơn vị", required=True),
    Field("Là tập thể xét danh hiệu", "choice", True, YES_NO,
          hint="Chọn Không cho nhóm Lãnh đạo (không xét danh hiệu tập thể)."),
    Field("Xếp loại tập thể", "choice", False, RATINGS),
    Field("Danh hiệu tập thể", "choice", False, COLLECTIVE_TITLES),
)

# Optional, for the council's meeting and the tờ trình (issue 14); Ngày họp Hội đồng and Địa
# điểm họp are required when "Bình xét" has rows.
MEETING_DATE, MEETING_TIME, MEETING_PLACE = "Ngày họp Hội đồng", "Giờ họp", "Địa điểm họp"
TO_WHOM, TO_TITLE = "Nơi nhận tờ trình", "Người xét tờ trình"

AGENCY_INFO = (
    Field("Loại phiếu", "choice", True, (UNIT_KIND, AGENCY_KIND)),
    Field("Phiên bản mẫu", required=True),
    Field("Năm", "int", True, hint="Năm báo cáo, ví dụ 2023."),
    Field("Tên cơ quan", required=True),
    Field("Cơ quan chủ quản", required=True, hint="Viết hoa, ví dụ UBND TỈNH QUẢNG NGÃI."),
    Field("Ký hiệu cơ quan", required=True, hint="Ví dụ BDT, cho dòng Số: …/BC-BDT."),
    Field("Địa danh", required=True, hint="Ví dụ Quảng Ngãi."),
    Field("Chức vụ người ký", required=True, hint="Viết hoa, ví dụ TRƯỞNG BAN."),
    Field("Người ký", required=True),
    Field("Nơi nhận", required=True, hint="Mỗi nơi nhận một dòng (Alt+Enter).", limit=LONG_TEXT),
    Field("Khối thi đua", required=True),
    Field("Văn bản đăng ký giao ước", required=True,
          hint="Ví dụ Đăng ký giao ước thi đua số 514/BDT-VP ngày 06/6/2023."),
    Field("Tự xếp loại cơ quan", "choice", False, RATINGS,
          hint="Tập thể cơ quan tự đánh giá, xếp loại năm báo cáo; in ở phần kết quả."),
    Field("Xếp loại Chi bộ", hint="Ví dụ Chi bộ hoàn thành tốt nhiệm vụ; để trống nếu chưa có."),
    Field("Xếp loại Công đoàn",
          hint="Ví dụ Công đoàn cơ sở hoàn thành tốt nhiệm vụ; để trống nếu chưa có."),
    Field("Báo cáo gửi", hint="Nơi tổng hợp báo cáo, cho câu kết: ví dụ Văn phòng UBND tỉnh "
                              "(khối trưởng)."),
    Field("Ngày báo cáo", "report_date",
          hint="Gõ ngày (05/02/2024), hoặc chỉ tháng/năm (12/2023) để người ký điền ngày; để "
               "trống: tháng, năm lúc lập báo cáo."),
    # Optional, for the year-end decisions (issue 13); a form without these rows still reads.
    Field("Quyết định thành lập",
          hint="Văn bản quy định chức năng, nhiệm vụ của cơ quan, in ở dòng Căn cứ đầu tiên của "
               "quyết định khen thưởng, ví dụ Quyết định số …/QĐ-UBND ngày … của UBND tỉnh quy "
               "định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của …"),
    Field("Quy chế thi đua, khen thưởng",
          hint="Ví dụ Quyết định số …/QĐ-… ngày … ban hành Quy chế thi đua, khen thưởng của cơ "
               "quan; in ở dòng Căn cứ của quyết định khen thưởng."),
    Field("Xét đề nghị của",
          hint="Người trình quyết định khen thưởng, ví dụ Chánh Văn phòng Ban: quyết định ghi "
               "\"Xét đề nghị của Chánh Văn phòng Ban.\""),
    Field("Ngày quyết định khen thưởng", "date",
          hint="Ngày ký các quyết định khen thưởng; để trống: như Ngày báo cáo. Ngày này chọn căn "
               "cứ pháp lý và mức lương cơ sở để tính tiền thưởng."),
    Field(MEETING_DATE, "date",
          hint="Ngày họp Hội đồng Thi đua - Khen thưởng bình xét cuối năm; bắt buộc khi sheet "
               "Bình xét có dòng. In ở biên bản, ở dòng Xét đề nghị của quyết định."),
    Field(MEETING_TIME, hint="Giờ bắt đầu cuộc họp, ví dụ 8 giờ 00; để trống: để chỗ điền tay."),
    Field(MEETING_PLACE, hint="Ví dụ Phòng họp Ban Dân tộc tỉnh; bắt buộc khi sheet Bình xét có "
                              "dòng."),
    Field(TO_WHOM, hint="Dòng Kính gửi của tờ trình đề nghị cấp trên khen thưởng, ví dụ Ủy ban "
                        "nhân dân tỉnh Quảng Ngãi."),
    Field(TO_TITLE, hint="Người có thẩm quyền khen thưởng mà tờ trình đề nghị, ví dụ Chủ tịch Ủy "
                         "ban nhân dân tỉnh."),
)
DECISION_INFO = ("Quyết định thành lập", "Quy chế thi đua, khen thưởng", "Xét đề nghị của",
                 "Ngày quyết định khen thưởng")
COUNCIL_INFO = (MEETING_DATE, MEETING_TIME, MEETING_PLACE, TO_WHOM, TO_TITLE)


@dataclass(frozen=True)
class Kind:
    name: str  # the "Loại phiếu" value
    info: tuple[Field, ...]
    sheets: tuple[Sheet, ...]
    template_file: str


KHOI_INFO = (
    Field("Loại phiếu", "choice", True, (KHOI_KIND,)),
    Field("Phiên bản mẫu", required=True),
    Field("Năm", "int", True, hint="Năm báo cáo, ví dụ 2023."),
    Field("Tên khối", required=True,
          hint="Như ô Khối thi đua ở phiếu Cơ quan, ví dụ Khối các cơ quan tham mưu tổng hợp."),
    Field("Cơ quan chủ quản", required=True, hint="Viết hoa, ví dụ UBND TỈNH QUẢNG NGÃI."),
    Field("Cơ quan khối trưởng", required=True, hint="Cơ quan ký báo cáo của khối."),
    Field("Ký hiệu cơ quan", required=True, hint="Của cơ quan khối trưởng, cho dòng Số: …/BC-…"),
    Field("Địa danh", required=True, hint="Ví dụ Quảng Ngãi."),
    Field("Chức vụ người ký", required=True, hint="Viết hoa, ví dụ CHÁNH VĂN PHÒNG."),
    Field("Người ký", required=True),
    Field("Nơi nhận", required=True, hint="Mỗi nơi nhận một dòng (Alt+Enter).", limit=LONG_TEXT),
    Field("Ngày báo cáo", "report_date",
          hint="Gõ ngày (05/02/2024), hoặc chỉ tháng/năm (12/2023) để người ký điền ngày."),
)

MEMBERS = Sheet(MEMBER_SHEET, (
    STT,
    Field("Tên cơ quan", required=True, width=46, hint="Như ô Tên cơ quan ở phiếu Cơ quan."),
    Field("Ký hiệu cơ quan", width=18,
          hint="Như ô Ký hiệu cơ quan ở phiếu Cơ quan (ví dụ BDT); dùng để đối chiếu kết quả."),
), rows=60)

BONUS = Sheet(BONUS_SHEET, (
    STT,
    Field("Cơ quan", required=True, width=40, suggest=(MEMBER_SHEET, "Tên cơ quan"),
          hint="Tên hoặc ký hiệu cơ quan như ở sheet Thành viên."),
    Field("Nội dung", required=True, width=60, hint="Lý do cộng (trừ) điểm."),
    Field("Điểm", "number", True, width=10,
          hint="Số điểm cộng; số âm là điểm trừ. Ví dụ 2 hoặc 0,5."),
    Field("Ghi chú", width=30, limit=LONG_TEXT),
), rows=100)

# The agency's Hội đồng Thi đua - Khen thưởng and its bình xét (issue 14; SPEC "Council and
# bình xét"): both optional; an empty "Bình xét" makes the dossier from the data alone.
CHAIR, VICE_CHAIR, MEMBER, SECRETARY = "Chủ tịch", "Phó Chủ tịch", "Ủy viên", "Ủy viên - Thư ký"
COUNCIL_ROLES = (CHAIR, VICE_CHAIR, MEMBER, SECRETARY)
VOTED_TITLES = (LDTT, CSTDCS, TTLDTT, TTLDXS, *PROPOSALS)

COUNCIL = Sheet(COUNCIL_SHEET, (
    STT,
    Field("Họ và tên", required=True, width=26, hint="Mỗi thành viên Hội đồng một dòng."),
    Field("Chức vụ", width=26, hint="Chức vụ ở cơ quan, ví dụ Phó Trưởng Ban."),
    Field("Chức danh trong Hội đồng", "choice", False, COUNCIL_ROLES, width=24,
          hint="Chủ tịch (một người), Phó Chủ tịch, Ủy viên, Ủy viên - Thư ký (người ghi biên "
               "bản); để trống là Ủy viên."),
    Field("Có mặt", "choice", False, YES_NO, width=10,
          hint="Có mặt ở cuộc họp bình xét: Có hoặc Không."),
), rows=30, since="thidua-2")

REVIEW = Sheet(REVIEW_SHEET, (
    STT,
    Field("Đối tượng", required=True, width=30,
          hint="Họ và tên cá nhân, hoặc tên đơn vị (tập thể), đúng như ở phiếu của đơn vị."),
    Field("Đơn vị", width=26, suggest=(ROSTER_SHEET, "Tên đơn vị"),
          hint="Đơn vị của cá nhân; cần khi có hai người trùng tên."),
    Field("Năm sinh", "int", width=10, hint="Năm sinh, khi có hai người trùng tên."),
    Field("Danh hiệu, hình thức", "choice", True, VOTED_TITLES, strict=False, width=34,
          hint="Danh hiệu hoặc hình thức khen thưởng Hội đồng bỏ phiếu, đúng như ở phiếu đơn vị "
               "(cột Danh hiệu, Đề nghị khen thưởng hoặc Danh hiệu tập thể)."),
    Field("Số phiếu đồng ý", "int", True, width=12,
          hint="Số thành viên Hội đồng đồng ý (số nguyên)."),
), rows=200, since="thidua-2")

UNIT = Kind(UNIT_KIND, UNIT_INFO, (PEOPLE,), "mau_don_vi.xlsx")
AGENCY = Kind(AGENCY_KIND, AGENCY_INFO, (ROSTER, PLEDGES, TASKS, DOCUMENTS, MOVEMENTS, NOTES,
                                         COUNCIL, REVIEW), "mau_co_quan.xlsx")
KHOI = Kind(KHOI_KIND, KHOI_INFO, (MEMBERS, BONUS), "mau_khoi.xlsx")
KINDS = {UNIT_KIND: UNIT, AGENCY_KIND: AGENCY, KHOI_KIND: KHOI}
