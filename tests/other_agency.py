"""A second agency, invented: Sở Khoa học và Công nghệ tỉnh Kon Tum, năm 2024.

Pure data for tests. It differs from the sample in every dimension (year, names, 5 units,
viên chức, every rating, discipline, stopped/running/late tasks, fraction and count
targets) and carries deliberate rule breaches, each on a named person or unit. EXPECTED
holds the figures worked out by hand from SPEC's definitions.
"""

from datetime import date

AGENCY = {
    "file": "co_quan.xlsx",
    "info": {
        "Năm": 2024,
        "Tên cơ quan": "Sở Khoa học và Công nghệ tỉnh Kon Tum",
        "Cơ quan chủ quản": "UBND TỈNH KON TUM",
        "Ký hiệu cơ quan": "SKHCN",
        "Địa danh": "Kon Tum",
        "Chức vụ người ký": "GIÁM ĐỐC",
        "Người ký": "Lê Quang Khải",
        "Nơi nhận": (
            "- Văn phòng UBND tỉnh (Khối trưởng);\n- Sở Nội vụ (Ban Thi đua - Khen thưởng);\n"
            "- Lãnh đạo Sở;\n- Các phòng, đơn vị thuộc Sở;\n- Lưu: VT, VP."
        ),
        "Khối thi đua": "Khối thi đua các cơ quan Kinh tế tỉnh",
        "Văn bản đăng ký giao ước": "Đăng ký giao ước thi đua số 215/SKHCN-VP ngày 15/3/2024",
        "Ngày báo cáo": date(2024, 12, 5),
    },
    "Giao ước": [
        {  # 32/35 against 100%: Không đạt (a 100% target)
            "Chỉ tiêu": "Công chức, viên chức và người lao động hoàn thành tốt nhiệm vụ trở lên",
            "Chỉ số": "Tỷ lệ cá nhân hoàn thành tốt nhiệm vụ trở lên",
            "Mức đăng ký": 100,
            "Kết quả": None,
            "Ghi chú": None,
        },
        {  # 32/35 = 91,4% against 90%: Vượt
            "Chỉ tiêu": "Cá nhân đạt danh hiệu Lao động tiên tiến",
            "Chỉ số": "Tỷ lệ cá nhân đạt Lao động tiên tiến",
            "Mức đăng ký": 90,
            "Kết quả": None,
            "Ghi chú": None,
        },
        {  # 5/35 = 14,3% against 15%: Không đạt
            "Chỉ tiêu": "Cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở",
            "Chỉ số": "Tỷ lệ cá nhân đạt Chiến sĩ thi đua cơ sở",
            "Mức đăng ký": 15,
            "Kết quả": None,
            "Ghi chú": None,
        },
        {  # 1/4 = 25% against 20%: Vượt
            "Chỉ tiêu": "Tập thể đạt danh hiệu Tập thể lao động xuất sắc",
            "Chỉ số": "Tỷ lệ tập thể đạt Tập thể lao động xuất sắc",
            "Mức đăng ký": 20,
            "Kết quả": None,
            "Ghi chú": None,
        },
        {  # 1/4 = 25% against 25%: Đạt (exactly met)
            "Chỉ tiêu": "Tập thể hoàn thành xuất sắc nhiệm vụ",
            "Chỉ số": "Tỷ lệ tập thể hoàn thành xuất sắc nhiệm vụ",
            "Mức đăng ký": 25,
            "Kết quả": None,
            "Ghi chú": None,
        },
        {  # 6/8 = 75% against 0.75 (a fraction): Đạt (exactly met)
            "Chỉ tiêu": "Nhiệm vụ UBND tỉnh giao hoàn thành đúng hạn",
            "Chỉ số": "Tỷ lệ nhiệm vụ hoàn thành đúng hạn",
            "Mức đăng ký": 0.75,
            "Kết quả": None,
            "Ghi chú": None,
        },
        {  # 8/9 against 1 (= 100%): Không đạt
            "Chỉ tiêu": "Hoàn thành 100% nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao",
            "Chỉ số": "Tỷ lệ nhiệm vụ hoàn thành",
            "Mức đăng ký": 1,
            "Kết quả": None,
            "Ghi chú": None,
        },
        {  # 5 against 3 (a count): Vượt
            "Chỉ tiêu": "Sáng kiến được Hội đồng sáng kiến cấp cơ sở công nhận",
            "Chỉ số": "Số sáng kiến được công nhận",
            "Mức đăng ký": 3,
            "Kết quả": None,
            "Ghi chú": None,
        },
        {
            "Chỉ tiêu": "Cờ thi đua của UBND tỉnh",
            "Chỉ số": None,
            "Mức đăng ký": None,
            "Kết quả": "Chờ kết quả",
            "Ghi chú": "Hội đồng Thi đua - Khen thưởng tỉnh chưa xét",
        },
        {
            "Chỉ tiêu": "Cơ quan đạt chuẩn văn hóa",
            "Chỉ số": None,
            "Mức đăng ký": None,
            "Kết quả": "Đạt",
            "Ghi chú": None,
        },
        {
            "Chỉ tiêu": "Công đoàn cơ sở vững mạnh xuất sắc",
            "Chỉ số": None,
            "Mức đăng ký": None,
            "Kết quả": "Không đạt",
            "Ghi chú": "Công đoàn cơ sở được xếp loại Hoàn thành tốt nhiệm vụ",
        },
    ],
    # 9 tasks: 7 Hoàn thành (task 4 late, task 5 done on its deadline day), 1 Đang thực
    # hiện, 1 Dừng thực hiện.
    "Nhiệm vụ": [
        {
            "Nội dung nhiệm vụ": (
                "Tham mưu UBND tỉnh ban hành Kế hoạch phát triển khoa học, công nghệ và đổi mới "
                "sáng tạo tỉnh Kon Tum năm 2024"
            ),
            "Cơ quan giao": "UBND tỉnh",
            "Hạn hoàn thành": date(2024, 2, 29),
            "Ngày hoàn thành": date(2024, 2, 26),
            "Tình trạng": "Hoàn thành",
            "Đơn vị thực hiện": "Phòng Quản lý khoa học",
            "Ghi chú": None,
        },
        {
            "Nội dung nhiệm vụ": (
                "Tổ chức Ngày hội khởi nghiệp đổi mới sáng tạo tỉnh Kon Tum năm 2024"
            ),
            "Cơ quan giao": "Chủ tịch UBND tỉnh",
            "Hạn hoàn thành": date(2024, 10, 31),
            "Ngày hoàn thành": date(2024, 10, 18),
            "Tình trạng": "Hoàn thành",
            "Đơn vị thực hiện": "Trung tâm Ứng dụng và Thông tin khoa học công nghệ",
            "Ghi chú": None,
        },
        {
            "Nội dung nhiệm vụ": (
                "Xây dựng Đề án ứng dụng khoa học và công nghệ phát triển sâm Ngọc Linh giai "
                "đoạn 2025 - 2030"
            ),
            "Cơ quan giao": "UBND tỉnh",
            "Hạn hoàn thành": date(2024, 11, 30),
            "Ngày hoàn thành": None,
            "Tình trạng": "Đang thực hiện",
            "Đơn vị thực hiện": "Phòng Quản lý khoa học",
            "Ghi chú": "Đang lấy ý kiến các sở, ngành và UBND huyện Tu Mơ Rông",
        },
        {
            "Nội dung nhiệm vụ": (
                "Tổng kết 10 năm thi hành Luật Khoa học và Công nghệ năm 2013 trên địa bàn tỉnh"
            ),
            "Cơ quan giao": "UBND tỉnh",
            "Hạn hoàn thành": date(2024, 5, 31),
            "Ngày hoàn thành": date(2024, 6, 14),
            "Tình trạng": "Hoàn thành",
            "Đơn vị thực hiện": "Văn phòng Sở",
            "Ghi chú": "Hoàn thành chậm 14 ngày",
        },
        {
            "Nội dung nhiệm vụ": (
                "Khảo sát, đánh giá trình độ công nghệ sản xuất của doanh nghiệp trên địa bàn tỉnh"
            ),
            "Cơ quan giao": "UBND tỉnh",
            "Hạn hoàn thành": date(2024, 9, 30),
            "Ngày hoàn thành": date(2024, 9, 30),
            "Tình trạng": "Hoàn thành",
            "Đơn vị thực hiện": "Phòng Quản lý chuyên ngành",
            "Ghi chú": None,
        },
        {
            "Nội dung nhiệm vụ": (
                "Tổ chức Hội nghị đánh giá kết quả Chương trình hỗ trợ phát triển tài sản trí tuệ "
                "tỉnh Kon Tum"
            ),
            "Cơ quan giao": "Chủ tịch UBND tỉnh",
            "Hạn hoàn thành": date(2024, 8, 31),
            "Ngày hoàn thành": None,
            "Tình trạng": "Dừng thực hiện",
            "Đơn vị thực hiện": "Phòng Quản lý chuyên ngành",
            "Ghi chú": "UBND tỉnh đồng ý lồng ghép vào Hội nghị tổng kết năm",
        },
        {
            "Nội dung nhiệm vụ": (
                "Trình UBND tỉnh công bố thủ tục hành chính mới ban hành, sửa đổi, bổ sung lĩnh "
                "vực khoa học và công nghệ"
            ),
            "Cơ quan giao": "UBND tỉnh",
            "Hạn hoàn thành": date(2024, 4, 15),
            "Ngày hoàn thành": date(2024, 4, 10),
            "Tình trạng": "Hoàn thành",
            "Đơn vị thực hiện": "Văn phòng Sở",
            "Ghi chú": None,
        },
        {
            "Nội dung nhiệm vụ": (
                "Kiểm tra nhà nước về đo lường, chất lượng xăng dầu và hàng đóng gói sẵn trên "
                "địa bàn tỉnh"
            ),
            "Cơ quan giao": "UBND tỉnh",
            "Hạn hoàn thành": date(2024, 12, 15),
            "Ngày hoàn thành": date(2024, 11, 29),
            "Tình trạng": "Hoàn thành",
            "Đơn vị thực hiện": "Phòng Quản lý chuyên ngành",
            "Ghi chú": None,
        },
        {
            "Nội dung nhiệm vụ": (
                "Xây dựng cơ sở dữ liệu về nhiệm vụ khoa học và công nghệ cấp tỉnh"
            ),
            "Cơ quan giao": "Chủ tịch UBND tỉnh",
            "Hạn hoàn thành": date(2024, 3, 31),
            "Ngày hoàn thành": date(2024, 3, 20),
            "Tình trạng": "Hoàn thành",
            "Đơn vị thực hiện": "Trung tâm Ứng dụng và Thông tin khoa học công nghệ",
            "Ghi chú": None,
        },
    ],
    "Văn bản": [
        {
            "Loại văn bản": "Kế hoạch",
            "Số ký hiệu": "25/KH-SKHCN",
            "Ngày ban hành": date(2024, 1, 22),
            "Trích yếu": "phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ năm 2024",
            "Mục": "Chỉ đạo",
        },
        {
            "Loại văn bản": "Quyết định",
            "Số ký hiệu": "112/QĐ-SKHCN",
            "Ngày ban hành": date(2024, 3, 5),
            "Trích yếu": (
                "ban hành Quy chế thi đua, khen thưởng của Sở Khoa học và Công nghệ tỉnh Kon Tum"
            ),
            "Mục": "Chỉ đạo",
        },
        {
            "Loại văn bản": "Kế hoạch",
            "Số ký hiệu": "48/KH-SKHCN",
            "Ngày ban hành": date(2024, 2, 20),
            "Trích yếu": "thực hiện phong trào thi đua “Đổi mới sáng tạo, khởi nghiệp” năm 2024",
            "Mục": None,
        },
        {
            "Loại văn bản": "Công văn",
            "Số ký hiệu": "356/SKHCN-QLKH",
            "Ngày ban hành": date(2024, 4, 12),
            "Trích yếu": "hướng dẫn đăng ký, xét công nhận sáng kiến cấp cơ sở năm 2024",
            "Mục": None,
        },
        {
            "Loại văn bản": "Kế hoạch",
            "Số ký hiệu": "77/KH-SKHCN",
            "Ngày ban hành": date(2024, 3, 15),
            "Trích yếu": (
                "hưởng ứng phong trào thi đua “Cả nước chung tay vì người nghèo - Không để ai bị "
                "bỏ lại phía sau” năm 2024"
            ),
            "Mục": None,
        },
        {
            "Loại văn bản": "Kế hoạch",
            "Số ký hiệu": "130/KH-SKHCN",
            "Ngày ban hành": date(2024, 6, 3),
            "Trích yếu": (
                "thực hiện văn hóa công sở và chấp hành kỷ luật, kỷ cương hành chính năm 2024"
            ),
            "Mục": None,
        },
    ],
    "Phong trào": [
        {
            "Phong trào": "Phong trào thi đua “Đổi mới sáng tạo, khởi nghiệp” năm 2024",
            "Kết quả thực hiện": (
                "Sở đã ban hành Kế hoạch thực hiện phong trào thi đua “Đổi mới sáng tạo, khởi "
                "nghiệp” năm 2024[48/KH-SKHCN] và hướng dẫn các phòng, đơn vị đăng ký, xét công "
                "nhận sáng kiến cấp cơ sở[356/SKHCN-QLKH].\n"
                "- Tổ chức Cuộc thi ý tưởng khởi nghiệp đổi mới sáng tạo, thu hút 12 ý tưởng dự "
                "thi; trao 06 giải thưởng với tổng trị giá 45.000.000 đồng.\n"
                "- Hội đồng sáng kiến cấp cơ sở đã công nhận 05 sáng kiến của công chức, viên "
                "chức trong cơ quan."
            ),
            "Văn bản": "48/KH-SKHCN, 356/SKHCN-QLKH",
        },
        {
            "Phong trào": (
                "Phong trào thi đua “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía "
                "sau”"
            ),
            "Kết quả thực hiện": (
                "Thực hiện Kế hoạch hưởng ứng phong trào thi đua năm 2024[77/KH-SKHCN], Công đoàn "
                "cơ sở Sở đã vận động đoàn viên, người lao động:\n"
                "+ Ủng hộ Quỹ “Vì người nghèo” tỉnh số tiền 12.350.000 đồng;\n"
                "+ Trao 60 suất quà, mỗi suất 500.000 đồng, tổng trị giá 30.000.000 đồng cho hộ "
                "nghèo xã Đăk Na, huyện Tu Mơ Rông nhân dịp Tết Nguyên đán Giáp Thìn;\n"
                "+ Chuyển giao kỹ thuật trồng sâm dưới tán rừng cho 25 hộ đồng bào dân tộc thiểu "
                "số."
            ),
            "Văn bản": "77/KH-SKHCN",
        },
        {
            "Phong trào": (
                "Phong trào thi đua “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa "
                "công sở”"
            ),
            "Kết quả thực hiện": (
                "Triển khai Kế hoạch phát động phong trào thi đua năm 2024[25/KH-SKHCN], Sở ban "
                "hành Kế hoạch thực hiện văn hóa công sở và chấp hành kỷ luật, kỷ cương hành chính "
                "năm 2024[130/KH-SKHCN]. Trong năm, 01 công chức bị kỷ luật khiển trách do vi "
                "phạm quy chế làm việc của cơ quan."
            ),
            "Văn bản": "25/KH-SKHCN, 130/KH-SKHCN",
        },
        {
            "Phong trào": (
                "Phong trào học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
            ),
            "Kết quả thực hiện": (
                "100% đảng viên, công chức, viên chức đăng ký nội dung học tập và làm theo tư "
                "tưởng, đạo đức, phong cách Hồ Chí Minh năm 2024 gắn với nhiệm vụ chuyên môn; "
                "Chi bộ tổ chức 04 buổi sinh hoạt chuyên đề."
            ),
            "Văn bản": None,
        },
    ],
    "Nhận định": [
        {
            "Mục": "Đặc điểm",
            "Nội dung": (
                "Sở Khoa học và Công nghệ là cơ quan chuyên môn thuộc UBND tỉnh Kon Tum, tham "
                "mưu, giúp UBND tỉnh quản lý nhà nước về khoa học, công nghệ và đổi mới sáng tạo; "
                "tiêu chuẩn, đo lường, chất lượng; sở hữu trí tuệ."
            ),
        },
        {
            "Mục": "Thuận lợi",
            "Nội dung": (
                "Được sự quan tâm chỉ đạo của Tỉnh ủy, UBND tỉnh và sự hướng dẫn của Bộ Khoa học "
                "và Công nghệ, Sở Nội vụ trong công tác thi đua, khen thưởng."
            ),
        },
        {
            "Mục": "Khó khăn",
            "Nội dung": (
                "Địa bàn rộng, giao thông đến các xã vùng sâu, vùng xa còn khó khăn, ảnh hưởng "
                "đến việc chuyển giao tiến bộ khoa học và công nghệ."
            ),
        },
        {
            "Mục": "Khó khăn",
            "Nội dung": "Kinh phí dành cho hoạt động thi đua, khen thưởng còn hạn chế.",
        },
        {
            "Mục": "Ưu điểm",
            "Nội dung": (
                "Các phong trào thi đua được triển khai đồng bộ, gắn với nhiệm vụ chuyên môn; "
                "nhiều sáng kiến được ứng dụng vào thực tiễn."
            ),
        },
        {
            "Mục": "Hạn chế",
            "Nội dung": (
                "Còn 01 nhiệm vụ hoàn thành chậm so với thời hạn và 01 nhiệm vụ đang thực hiện."
            ),
        },
        {
            "Mục": "Hạn chế",
            "Nội dung": (
                "Việc đề nghị danh hiệu thi đua ở một số phòng, đơn vị chưa đúng tiêu chuẩn, "
                "phải rà soát lại."
            ),
        },
        # Its own parts, unlike the sample's: no II.1 a) or II.3, one part after the
        # movements, two parts of III with their own titles; [Nhiệm vụ] placed, [Sáng kiến] not.
        {
            "Mục": "Phong trào thi đua",
            "Tiêu đề": "Kết quả phong trào thi đua “Đổi mới sáng tạo, khởi nghiệp”",
            "Nội dung": (
                "Tổ chức Ngày hội khởi nghiệp đổi mới sáng tạo tỉnh Kon Tum năm 2024 với 46 dự "
                "án tham gia; hỗ trợ 05 doanh nghiệp khoa học và công nghệ hoàn thiện hồ sơ."
            ),
        },
        {
            "Mục": "Nội dung, nhiệm vụ thi đua",
            "Tiêu đề": "Thi đua thực hiện nhiệm vụ khoa học, công nghệ và đổi mới sáng tạo",
            "Nội dung": (
                "- [Nhiệm vụ]\n"
                "- Thẩm định, nghiệm thu 14 đề tài, dự án khoa học và công nghệ cấp tỉnh."
            ),
        },
        {
            "Mục": "Nội dung, nhiệm vụ thi đua",
            "Tiêu đề": "Xây dựng Đảng, chính quyền trong sạch, vững mạnh",
            "Nội dung": (
                "- Quán triệt Nghị quyết số 27-NQ/TW ngày 09/11/2022 của Ban Chấp hành Trung ương "
                "về tiếp tục xây dựng và hoàn thiện Nhà nước pháp quyền xã hội chủ nghĩa Việt Nam "
                "trong giai đoạn mới.\n"
                "*Tóm lại: Sở hoàn thành tốt các nhiệm vụ xây dựng Đảng, chính quyền năm 2024."
            ),
        },
        {
            "Mục": "Phương hướng",
            "Nội dung": (
                "Tiếp tục đẩy mạnh phong trào thi đua “Đổi mới sáng tạo, khởi nghiệp”, gắn với "
                "nhiệm vụ phát triển khoa học, công nghệ và đổi mới sáng tạo của tỉnh năm 2025."
            ),
        },
        {
            "Mục": "Phương hướng",
            "Nội dung": (
                "Xét tặng danh hiệu thi đua đúng tiêu chuẩn, tỷ lệ theo quy định của Luật Thi đua, "
                "khen thưởng năm 2022."
            ),
        },
        {
            "Mục": "Giải pháp",
            "Nội dung": (
                "Phân công cụ thể trách nhiệm theo dõi tiến độ từng nhiệm vụ UBND tỉnh giao."
            ),
        },
        {
            "Mục": "Giải pháp",
            "Nội dung": (
                "Tập huấn nghiệp vụ thi đua, khen thưởng cho người làm công tác thi đua ở các "
                "phòng, đơn vị."
            ),
        },
    ],
}

# 35 people in 5 units. Breaches are on: Phan Văn Khoa (LĐTT with "Hoàn thành nhiệm vụ"),
# Trịnh Quốc Việt (LĐTT while disciplined), Bùi Văn Hậu (CSTĐCS with no initiative),
# Phòng Quản lý khoa học (Tập thể lao động xuất sắc without a CSTĐCS), and the agency-wide
# HTXSNV and CSTĐCS quotas. The two "Nguyễn Văn An" (1983, 1992) are two people.
UNITS = [
    {
        "file": "don_vi_ban_giam_doc.xlsx",
        "info": {
            "Năm": 2024,
            "Tên đơn vị": "Ban Giám đốc Sở",
            "Là tập thể xét danh hiệu": "Không",
            "Xếp loại tập thể": None,
            "Danh hiệu tập thể": None,
        },
        "Cá nhân": [
            {
                "Họ và tên": "Lê Quang Khải",
                "Năm sinh": 1970,
                "Chức vụ": "Giám đốc",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành xuất sắc nhiệm vụ",
                "Danh hiệu": "Chiến sĩ thi đua cơ sở",
                "Sáng kiến": (
                    "Mô hình liên kết chuỗi giá trị sâm Ngọc Linh gắn với chỉ dẫn địa lý và truy "
                    "xuất nguồn gốc tại huyện Tu Mơ Rông"
                ),
                "Kỷ luật": None,
                "Đề nghị khen thưởng": "Bằng khen của Chủ tịch UBND tỉnh",
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Nguyễn Thị Thu Hà",
                "Năm sinh": 1974,
                "Chức vụ": "Phó Giám đốc",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành xuất sắc nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "A Tuấn",
                "Năm sinh": 1972,
                "Chức vụ": "Phó Giám đốc",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Trần Văn Lợi",
                "Năm sinh": 1968,
                "Chức vụ": "Phó Giám đốc",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành xuất sắc nhiệm vụ",
                "Danh hiệu": "Chiến sĩ thi đua cơ sở",
                "Sáng kiến": (
                    "Quy trình thẩm định công nghệ dự án đầu tư rút ngắn thời gian xử lý hồ sơ "
                    "trên môi trường điện tử"
                ),
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Phạm Thị Ngọc Trâm",
                "Năm sinh": 1991,
                "Chức vụ": "Chuyên viên giúp việc Ban Giám đốc",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
        ],
    },
    {
        "file": "don_vi_van_phong_so.xlsx",
        "info": {
            "Năm": 2024,
            "Tên đơn vị": "Văn phòng Sở",
            "Là tập thể xét danh hiệu": "Có",
            "Xếp loại tập thể": "Hoàn thành tốt nhiệm vụ",
            "Danh hiệu tập thể": "Tập thể lao động tiên tiến",
        },
        "Cá nhân": [
            {
                "Họ và tên": "Đặng Minh Châu",
                "Năm sinh": 1978,
                "Chức vụ": "Chánh Văn phòng",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành xuất sắc nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Nguyễn Văn An",
                "Năm sinh": 1983,
                "Chức vụ": "Phó Chánh Văn phòng",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Hoàng Thị Diệu",
                "Năm sinh": 1986,
                "Chức vụ": "Kế toán",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Lý Thị Đào",
                "Năm sinh": 1990,
                "Chức vụ": "Văn thư",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Phan Văn Khoa",
                "Năm sinh": 1985,
                "Chức vụ": "Chuyên viên",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Trịnh Quốc Việt",
                "Năm sinh": 1979,
                "Chức vụ": "Chuyên viên",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": "Khiển trách",
                "Đề nghị khen thưởng": None,
                "Ghi chú": ("Bị kỷ luật Khiển trách theo Quyết định số 87/QĐ-SKHCN ngày 12/4/2024"),
            },
            {
                "Họ và tên": "Đoàn Văn Sơn",
                "Năm sinh": 1975,
                "Chức vụ": "Lái xe",
                "Loại": "Hợp đồng lao động",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Y Nguyệt",
                "Năm sinh": 1988,
                "Chức vụ": "Tạp vụ",
                "Loại": "Hợp đồng lao động",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Nguyễn Thị Hồng Nhung",
                "Năm sinh": 2000,
                "Chức vụ": "Chuyên viên",
                "Loại": "Công chức",
                "Xếp loại": "Chưa xếp loại",
                "Danh hiệu": "Không",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": "Tuyển dụng tháng 10/2024, chưa đủ 06 tháng công tác",
            },
        ],
    },
    {
        "file": "don_vi_phong_quan_ly_khoa_hoc.xlsx",
        "info": {
            "Năm": 2024,
            "Tên đơn vị": "Phòng Quản lý khoa học",
            "Là tập thể xét danh hiệu": "Có",
            "Xếp loại tập thể": "Hoàn thành xuất sắc nhiệm vụ",
            "Danh hiệu tập thể": "Tập thể lao động xuất sắc",
        },
        "Cá nhân": [
            {
                "Họ và tên": "Võ Thanh Tùng",
                "Năm sinh": 1980,
                "Chức vụ": "Trưởng phòng",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành xuất sắc nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Rơ Châm Huy",
                "Năm sinh": 1987,
                "Chức vụ": "Phó Trưởng phòng",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Nguyễn Văn An",
                "Năm sinh": 1992,
                "Chức vụ": "Chuyên viên",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Phan Thị Ánh",
                "Năm sinh": 1989,
                "Chức vụ": "Chuyên viên",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Lương Thị Anh",
                "Năm sinh": 1993,
                "Chức vụ": "Chuyên viên",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Đỗ Đình Dương",
                "Năm sinh": 1990,
                "Chức vụ": "Chuyên viên",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
        ],
    },
    {
        "file": "don_vi_phong_quan_ly_chuyen_nganh.xlsx",
        "info": {
            "Năm": 2024,
            "Tên đơn vị": "Phòng Quản lý chuyên ngành",
            "Là tập thể xét danh hiệu": "Có",
            "Xếp loại tập thể": "Hoàn thành nhiệm vụ",
            "Danh hiệu tập thể": "Không",
        },
        "Cá nhân": [
            {
                "Họ và tên": "Hà Văn Đông",
                "Năm sinh": 1976,
                "Chức vụ": "Trưởng phòng",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Nguyễn Thị Kim Liên",
                "Năm sinh": 1984,
                "Chức vụ": "Phó Trưởng phòng",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Bùi Văn Hậu",
                "Năm sinh": 1981,
                "Chức vụ": "Chuyên viên",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Chiến sĩ thi đua cơ sở",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Trần Thị Mỹ Duyên",
                "Năm sinh": 1994,
                "Chức vụ": "Chuyên viên",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Không",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": "Không đăng ký thi đua",
            },
            {
                "Họ và tên": "Y Hoa",
                "Năm sinh": 1986,
                "Chức vụ": "Chuyên viên",
                "Loại": "Công chức",
                "Xếp loại": "Không hoàn thành nhiệm vụ",
                "Danh hiệu": "Không",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Đinh Quang Đạt",
                "Năm sinh": 1991,
                "Chức vụ": "Chuyên viên",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Mai Xuân Dũng",
                "Năm sinh": 1987,
                "Chức vụ": "Chuyên viên",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành xuất sắc nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
        ],
    },
    {
        "file": "don_vi_trung_tam_ung_dung.xlsx",
        "info": {
            "Năm": 2024,
            "Tên đơn vị": "Trung tâm Ứng dụng và Thông tin khoa học công nghệ",
            "Là tập thể xét danh hiệu": "Có",
            "Xếp loại tập thể": "Hoàn thành tốt nhiệm vụ",
            "Danh hiệu tập thể": "Tập thể lao động tiên tiến",
        },
        "Cá nhân": [
            {
                "Họ và tên": "Nguyễn Đức Thắng",
                "Năm sinh": 1977,
                "Chức vụ": "Giám đốc Trung tâm",
                "Loại": "Viên chức",
                "Xếp loại": "Hoàn thành xuất sắc nhiệm vụ",
                "Danh hiệu": "Chiến sĩ thi đua cơ sở",
                "Sáng kiến": (
                    "Ứng dụng công nghệ nuôi cấy mô nhân giống cây dược liệu Đảng sâm tại Kon Tum"
                ),
                "Kỷ luật": None,
                "Đề nghị khen thưởng": "Chiến sĩ thi đua cấp tỉnh",
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Lê Thị Hoài Thu",
                "Năm sinh": 1985,
                "Chức vụ": "Phó Giám đốc Trung tâm",
                "Loại": "Viên chức",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": (
                    "Xây dựng cơ sở dữ liệu khoa học và công nghệ tỉnh Kon Tum trên nền tảng số"
                ),
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Phạm Minh Đăng",
                "Năm sinh": 1990,
                "Chức vụ": "Kỹ sư",
                "Loại": "Viên chức",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Cao Thị Diễm",
                "Năm sinh": 1992,
                "Chức vụ": "Kỹ thuật viên",
                "Loại": "Hợp đồng lao động",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Trần Văn Đức",
                "Năm sinh": 1988,
                "Chức vụ": "Kỹ sư",
                "Loại": "Viên chức",
                "Xếp loại": "Hoàn thành xuất sắc nhiệm vụ",
                "Danh hiệu": "Chiến sĩ thi đua cơ sở",
                "Sáng kiến": (
                    "Cải tiến hệ thống tưới nhỏ giọt tự động cho vườn ươm giống cây dược liệu"
                ),
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Hồ Thị Bích Ngọc",
                "Năm sinh": 1995,
                "Chức vụ": "Kế toán",
                "Loại": "Viên chức",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Tô Văn Phúc",
                "Năm sinh": 1983,
                "Chức vụ": "Bảo vệ",
                "Loại": "Hợp đồng lao động",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Kiều Thị Thanh Xuân",
                "Năm sinh": 1996,
                "Chức vụ": "Kỹ thuật viên",
                "Loại": "Viên chức",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
        ],
    },
]

# Worked out by hand from SPEC's definitions (rates as (numerator, denominator)).
EXPECTED = {
    "people": 35,
    "units": 5,
    "collectives": 4,  # units with Là tập thể xét danh hiệu = Có
    "by_type": {"Công chức": 25, "Viên chức": 6, "Hợp đồng lao động": 4},
    "by_rating": {
        "Hoàn thành xuất sắc nhiệm vụ": 8,
        "Hoàn thành tốt nhiệm vụ": 24,
        "Hoàn thành nhiệm vụ": 1,
        "Không hoàn thành nhiệm vụ": 1,
        "Chưa xếp loại": 1,
    },
    # Person rates are over all 35 listed, Chưa xếp loại included.
    "good_or_better": (32, 35),  # 8 HTXSNV + 24 HTTNV
    "excellent": (8, 35),
    "ldtt": (32, 35),  # 27 LĐTT + 5 CSTĐCS (titles given against the rules still count)
    "cstdcs": (5, 35),
    "collective_ldtt": (3, 4),  # Văn phòng Sở, Trung tâm (tiên tiến), Phòng QLKH (xuất sắc)
    "collective_ldxs": (1, 4),
    "collective_excellent": (1, 4),  # Phòng Quản lý khoa học
    "tasks": 9,
    "tasks_done": (8, 9),  # 7 Hoàn thành + 1 Dừng thực hiện
    "tasks_on_time": (6, 8),  # task 4 late, task 3 running; Dừng thực hiện left out
    "tasks_late": 1,
    "initiatives": 5,
    "documents": 6,
    "movements": 4,
    "percent_text": {
        "good_or_better": "91,4%",
        "excellent": "22,9%",
        "ldtt": "91,4%",
        "cstdcs": "14,3%",
        "collective_ldtt": "75%",
        "collective_ldxs": "25%",
        "collective_excellent": "25%",
        "tasks_done": "88,9%",
        "tasks_on_time": "75%",
    },
    # Agency-wide quotas: (count, base); the cap is 20% resp. 15% of the base.
    "quotas": {
        "htxsnv": (8, 24),  # 8 > 0,2 × 24 = 4,8: the base is those rated (exactly) HTTNV
        "cstdcs": (5, 32),  # 5 > 0,15 × 32 = 4,8: the base is those reaching LĐTT
    },
    "pledges": {
        "Công chức, viên chức và người lao động hoàn thành tốt nhiệm vụ trở lên": "Không đạt",
        "Cá nhân đạt danh hiệu Lao động tiên tiến": "Vượt",
        "Cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở": "Không đạt",
        "Tập thể đạt danh hiệu Tập thể lao động xuất sắc": "Vượt",
        "Tập thể hoàn thành xuất sắc nhiệm vụ": "Đạt",
        "Nhiệm vụ UBND tỉnh giao hoàn thành đúng hạn": "Đạt",
        "Hoàn thành 100% nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao": "Không đạt",
        "Sáng kiến được Hội đồng sáng kiến cấp cơ sở công nhận": "Vượt",
        "Cờ thi đua của UBND tỉnh": "Chờ kết quả",
        "Cơ quan đạt chuẩn văn hóa": "Đạt",
        "Công đoàn cơ sở vững mạnh xuất sắc": "Không đạt",
    },
    # Every warning of the run: its code and what its message must say.
    "warnings": [
        ("ldtt-rule", "Phan Văn Khoa (Văn phòng Sở) đạt Lao động tiên tiến nhưng xếp loại"),
        ("ldtt-rule", "Trịnh Quốc Việt (Văn phòng Sở) đạt Lao động tiên tiến nhưng bị kỷ luật"),
        ("cstdcs-rule", "Bùi Văn Hậu (Phòng Quản lý chuyên ngành)"),
        ("excellent-quota", "Có 08 cá nhân Hoàn thành xuất sắc nhiệm vụ"),
        ("cstdcs-quota", "Có 05 Chiến sĩ thi đua cơ sở"),
        ("ttldxs-rule", "Phòng Quản lý khoa học"),
        ("target-read-as", "Mức đăng ký 0,75 được hiểu là 75%."),
        ("target-read-as", "Mức đăng ký 1 được hiểu là 100%."),
    ],
    # Same name, different Năm sinh, different units: two people, not an error.
    "namesakes": [
        ("Nguyễn Văn An", 1983, "Văn phòng Sở"),
        ("Nguyễn Văn An", 1992, "Phòng Quản lý khoa học"),
    ],
}
