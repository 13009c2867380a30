"""Sample data: Ban Dân tộc tỉnh Quảng Ngãi, năm 2023 (from the reference report).

Pure data. The names of people are invented; the figures, documents, tasks and narrative
come from the reference report, with its arithmetic made consistent (20 people: 17 công
chức + 3 hợp đồng lao động; 04 HTXSNV; 20 LĐTT of whom 02 CSTĐCS; 01/03 phòng Tập thể lao
động xuất sắc). A "[số ký hiệu]" in a movement's text marks where the report puts the
footnote citing that document.
"""

from datetime import date

# (Mục, Tiêu đề, Nội dung) of the agency's "Nhận định" sheet, from the reference report.
DAC_DIEM, THUAN_LOI, KHO_KHAN = "Đặc điểm", "Thuận lợi", "Khó khăn"
TRIEN_KHAI, CHI_DAO, CO_QUAN = "Triển khai văn bản cấp trên", "Chỉ đạo, hướng dẫn", \
    "Phong trào của cơ quan"
PHONG_TRAO, TUYEN_TRUYEN, NOI_DUNG = "Phong trào thi đua", "Tuyên truyền, điển hình", \
    "Nội dung, nhiệm vụ thi đua"
NOTES = [
    (DAC_DIEM, None,
     "Ban Dân tộc tỉnh là cơ quan chuyên môn ngang Sở thuộc Ủy ban nhân dân tỉnh, thực hiện chức "
     "năng tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về công tác dân tộc."),
    (DAC_DIEM, None,
     "Phong trào thi đua được phát động tại Hội nghị cán bộ, công chức cuối năm trước để tập "
     "thể, cá nhân đăng ký thi đua. Hàng năm, công chức và người lao động được xét thi đua, khen "
     "thưởng sau khi đánh giá, xếp loại công chức. Ngoài việc xét thi đua thực hiện nhiệm vụ "
     "chính trị của cơ quan, các phong trào thi đua do các cơ quan, đơn vị phát động đều được "
     "phổ biến rộng rãi và hưởng ứng tham gia."),
    (THUAN_LOI, None,
     "- Ban Dân tộc tỉnh luôn nhận được sự chỉ đạo thường xuyên của UBND tỉnh, công tác hướng "
     "dẫn của Sở Nội vụ; chỉ đạo trực tiếp của Chi bộ và lãnh đạo Ban trong thực hiện nhiệm vụ "
     "chính trị, công tác chuyên môn cũng như công tác thi đua, khen thưởng."),
    (THUAN_LOI, None,
     "- Cán bộ, công chức cơ quan đều có trình độ chuyên môn từ đại học trở lên; trên 88% cán "
     "bộ, công chức có trình độ lý luận chính trị từ trung cấp trở lên; nhiều cán bộ, công chức "
     "có năng lực và kinh nghiệm trong hoạt động thực tiễn; cán bộ, công chức Ban Dân tộc luôn có "
     "ý thức phấn đấu thực hiện tốt nhiệm vụ được giao; bộ máy tổ chức luôn được tổ chức, sắp "
     "xếp, kiện toàn để kịp thời đảm bảo hoạt động và thực hiện có hiệu quả các nhiệm vụ chính "
     "trị được giao."),
    (KHO_KHAN, None, "- Biên chế còn thiếu so với yêu cầu nhiệm vụ chính trị được giao."),
    (KHO_KHAN, None,
     "- Công chức làm công tác thi đua, khen thưởng của Ban kiêm nhiệm nhiều công việc nên công "
     "tác tham mưu cho lãnh đạo Ban về thi đua, khen thưởng vẫn còn gặp nhiều khó khăn và hạn "
     "chế."),
    (TRIEN_KHAI, None,
     "Đã triển khai thực hiện Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ về việc "
     "phát động thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội hàng năm và Kế "
     "hoạch 5 năm (2021-2025) theo Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng; "
     "Quyết định số 786/QĐ-UBDT ngày 16/11/2021 của Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc về việc "
     "phát động phong trào thi đua thực hiện nhiệm vụ phát triển kinh tế - xã hội vùng đồng bào "
     "dân tộc thiểu số và miền núi giai đoạn 2021-2025 và theo Nghị quyết Đại hội đại biểu toàn "
     "quốc lần thứ XIII của Đảng; Chỉ thị số 14/CT-UBND ngày 06/8/2021 của Chủ tịch UBND tỉnh về "
     "việc phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội "
     "hàng năm và Kế hoạch 5 năm (2021-2025) theo Nghị quyết Đại hội đại biểu toàn quốc lần thứ "
     "XIII của Đảng và Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XX. Ban cũng đã rà soát "
     "các quy định, quy chế về thi đua, khen thưởng đúng với quy định của cấp trên và phù hợp với "
     "tình hình thực tế, nhằm nâng cao chất lượng các phong trào thi đua và công tác khen "
     "thưởng,... nhằm đạt mục tiêu khen thưởng đúng người, đúng việc và thật sự có tính nêu "
     "gương."),
    (CHI_DAO, None,
     "- Căn cứ vào chỉ tiêu thi đua và nhiệm vụ chính trị của cơ quan năm 2023, Ban Dân tộc tỉnh "
     "đã ban hành Kế hoạch phát động phong trào thi đua thực hiện thắng lợi các nhiệm vụ công tác "
     "năm 2023[128/KH-BDT]; thực hiện đăng ký giao ước thi đua Khối thi đua các cơ quan Tham mưu "
     "- Tổng hợp; Thanh tra Ban cũng đã đăng ký thi đua toàn ngành Thanh tra."),
    (CHI_DAO, None,
     "- Thực hiện Kế hoạch số 179/KH-UBND ngày 22/9/2023 của UBND tỉnh về việc Phát động phong "
     "trào thi đua “Cán bộ, đảng viên 3 gương mẫu, Nhân dân 3 tự giác, doanh nghiệp vận tải và "
     "lái xe 3 an toàn” bảo đảm trật tự an toàn giao thông trên địa bàn tỉnh Quảng Ngãi; Ban Dân "
     "tộc tỉnh Quảng Ngãi ban hành Kế hoạch phát động phong trào thi đua[1045/KH-BDT] triển khai "
     "đến toàn thể công chức, người lao động."),
    (CO_QUAN, None,
     "Ngay từ đầu năm, Lãnh đạo Ban Dân tộc tỉnh đã phối hợp với Ban Chấp hành Công đoàn cơ sở tổ "
     "chức phát động phong trào thi đua hoàn thành xuất sắc nhiệm vụ công tác năm 2023; sau phát "
     "động, đã có 100% tập thể, cá nhân có Bảng đăng ký giao ước thi đua gửi Hội đồng Thi đua - "
     "Khen thưởng cơ quan để theo dõi."),
    (CO_QUAN, None,
     "Năm 2023, Ban Dân tộc đăng ký Bằng khen của Chủ tịch UBND tỉnh hoặc của Bộ trưởng, Chủ "
     "nhiệm Ủy ban Dân tộc."),
    (PHONG_TRAO,
     "Kết quả triển khai thực hiện Chỉ thị số 19/CT-TTg và Chỉ thị số 14/CT-UBND ngày 06/8/2021 "
     "của UBND tỉnh về việc phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển "
     "kinh tế - xã hội hàng năm và Kế hoạch 5 năm (2021-2025) theo Nghị quyết Đại hội đại biểu "
     "toàn quốc lần thứ XIII của Đảng và Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XX",
     "Thực hiện Kế hoạch số 01/KH-HĐTĐKT ngày 28/10/2021 của Hội đồng Thi đua, Khen thưởng tỉnh "
     "tổ chức thực hiện Chỉ thị số 19/CT-TTg và Chỉ thị số 14/CT-UBND ngày 06/8/2021 của UBND "
     "tỉnh về việc phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - "
     "xã hội hàng năm và Kế hoạch 5 năm (2021-2025) theo Nghị quyết Đại hội đại biểu toàn quốc "
     "lần thứ XIII của Đảng; Quyết định số 786/QĐ-UBDT ngày 16/11/2021 của Bộ trưởng, Chủ nhiệm "
     "Ủy ban Dân tộc về việc phát động phong trào thi đua thực hiện nhiệm vụ phát triển kinh tế - "
     "xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021 - 2025 và theo Nghị quyết "
     "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng, Ban Dân tộc tỉnh đã chủ động triển khai "
     "và ban hành Kế hoạch số 133/KH-BDT ngày 10/3/2022 Phát động phong trào thi đua thực hiện "
     "nhiệm vụ phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn "
     "2021-2025 và theo Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng để tổ chức "
     "triển khai việc thực hiện phát động thi đua đối với các tập thể, cá nhân trong các cơ quan "
     "làm công tác dân tộc từ tỉnh đến huyện."),
    (PHONG_TRAO, None,
     "Qua phát động phong trào thi đua, năm 2023 đã có 06 cá nhân là người có uy tín trong đồng "
     "bào dân tộc thiểu số được tặng Bằng khen tại Chương trình biểu dương, tôn vinh điển hình "
     "tiên tiến là người có uy tín trong đồng bào dân tộc thiểu số toàn quốc vào ngày 12/12/2023 "
     "tại Hà Nội; trong đó, có 05 người được Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc tặng Bằng khen, "
     "01 người được Thủ tướng Chính phủ tặng Bằng khen."),
    (TUYEN_TRUYEN, None,
     "Trên cơ sở các văn bản chỉ đạo, hướng dẫn của cơ quan chức năng, Ban đã tổ chức triển khai "
     "tuyên truyền, quán triệt đến toàn thể công chức về phong trào thi đua, giới thiệu gương điển "
     "hình tiên tiến; triển khai thực hiện Kế hoạch thực hiện phong trào thi đua “Dân vận khéo”. "
     "Sau khi triển khai, toàn thể cán bộ, công chức đã nghiêm túc nghiên cứu và thực hiện đảm "
     "bảo các nội dung, kịp thời và thiết thực với yêu cầu nhiệm vụ của từng cán bộ, công chức "
     "trong cơ quan."),
    (NOI_DUNG, "Thi đua thực hiện kế hoạch phát triển kinh tế - xã hội, bảo đảm quốc phòng, an "
               "ninh",
     "- Thực hiện tốt Quy chế làm việc của UBND tỉnh, thực hiện nghiêm túc Quyết định 306-QĐ/BTV "
     "ngày 25/5/2016, Quy định số 1167-QĐ/TU ngày 11/8/2023 của Ban Thường vụ Tỉnh ủy về trách "
     "nhiệm và xử lý trách nhiệm của người đứng đầu, cấp phó của người đứng đầu trong thực hiện "
     "chức trách, nhiệm vụ được giao; thực hiện nghiêm túc kỷ luật, kỷ cương hành chính theo quy "
     "định tại Quyết định số 48/2021/QĐ-UBND ngày 22/9/2021 của UBND tỉnh Ban hành Quy định một "
     "số biện pháp chấn chỉnh kỷ luật, kỷ cương hành chính trong đội ngũ cán bộ, công chức, của "
     "tỉnh Quảng Ngãi."),
    (NOI_DUNG, None,
     "- [Nhiệm vụ] Các nhiệm vụ liên quan đến việc tham mưu triển khai thực hiện Chương trình mục "
     "tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào DTTS và miền núi tỉnh Quảng Ngãi "
     "giai đoạn 2021 - 2030, giai đoạn I: từ năm 2021 đến năm 2025 (sau đây gọi tắt là Chương "
     "trình). Ngoài ra, bổ sung 01 nhiệm vụ tham mưu xây dựng Nghị quyết sửa đổi, bổ sung một số "
     "điều của Nghị quyết số 20/2018/NQ-HĐND ngày 10/11/2018 của HĐND tỉnh Quy định cấp không "
     "thu tiền một số mặt hàng thiết yếu cho đồng bào dân tộc thiểu số ở vùng miền núi tỉnh Quảng "
     "Ngãi nhân dịp Tết Nguyên đán, giai đoạn 2019 - 2025, đến nay Ban Dân tộc đã trình UBND tỉnh "
     "đề trình HĐND tỉnh sửa đổi theo đúng thủ tục quy trình rút gọn.\n"
     "- Kết quả thực hiện kế hoạch phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh "
     "trong năm 2023 về lĩnh vực công tác dân tộc:\n"
     "+ Tình hình kinh tế - xã hội trong toàn tỉnh nói chung và ở vùng đồng bào dân tộc thiểu số "
     "và miền núi của tỉnh nói riêng ổn định. Tình hình an ninh, trật tự xã hội được giữ vững; các "
     "chính sách hỗ trợ đồng bào dân tộc thiểu số đảm bảo đúng quy định như: Chính sách người có "
     "uy tín trong đồng bào dân tộc thiểu số; cấp không thu tiền một số mặt hàng thiết yếu nhân "
     "dịp Tết Nguyên đán; thăm hỏi và tặng quà cho thương binh, thân nhân liệt sỹ, gia đình có "
     "công với cách mạng, các đối tượng chính sách xã hội là người dân tộc thiểu số, các đối tượng "
     "là người có uy tín trong đồng bào dân tộc thiểu số...\n"
     "+ Việc triển khai thực hiện Chương trình MTQG phát triển KTXH vùng đồng bào DTTS&MN nhận "
     "được sự quan tâm của cả hệ thống chính trị. Ban Dân tộc tỉnh cùng các Sở, ngành, địa phương "
     "đã chủ động, tích cực tham mưu cho UBND tỉnh trong việc thực hiện Chương trình trên địa bàn "
     "tỉnh và đạt được những kết quả tích cực; UBND tỉnh đã quyết liệt, kịp thời chỉ đạo triển "
     "khai thực hiện Chương trình trên địa bàn tỉnh; giao nhiệm vụ cụ thể cho các sở, ngành có "
     "liên quan tham mưu triển khai Nghị định số 27/2022/NĐ-CP ngày 19/4/2022 của Chính phủ, Nghị "
     "định số 38/2023/NĐ-CP, sửa đổi, bổ sung một số điều của Nghị định số 27/2022/NĐ-CP của Chính "
     "phủ, các Thông tư, văn bản hướng dẫn của các Bộ ngành Trung ương theo từng dự án, tiểu dự "
     "án, nội dung thành phần của Chương trình.\n"
     "+ Ban đã tham mưu các văn bản pháp lý để triển khai thực hiện Chương trình thuộc thẩm quyền "
     "ban hành của HĐND, UBND tỉnh đã được ban hành để làm cơ sở thực hiện; các Sở, ban ngành và "
     "UBND các huyện đã triển khai thực hiện đạt được một số kết quả nhất định; tỷ lệ hộ nghèo "
     "vùng đồng bào DTTS và miền núi giảm và dự kiến sẽ đạt chỉ tiêu giảm theo kế hoạch của tỉnh.\n"
     "+ Công tác bảo tồn và phát huy các giá trị văn hoá trong vùng đồng bào DTTS được chú trọng "
     "thực hiện có nhiều kết quả.\n"
     "+ Các chính sách về y tế, giáo dục được các cấp uỷ, chính quyền từ tỉnh đến cơ sở quan tâm "
     "chỉ đạo và triển khai có hiệu quả. Cơ sở vật chất được ngành giáo dục quan tâm thực hiện tốt "
     "tạo điều kiện để nhà trường, thầy cô và học sinh an tâm dạy và học; Y tế tuyến cơ sở được "
     "quan tâm đầu tư, thực hiện, tạo điều kiện hỗ trợ về cơ sở vật chất, đội ngũ y bác sỹ được "
     "củng cố và nâng lên, các đối tượng yếu thế như Phụ nữ mang thai, trẻ em được chăm sóc y tế "
     "và tiêm chủng đầy đủ theo quy định."),
    (NOI_DUNG, None,
     "*Tóm lại: Ban Dân tộc tỉnh đã thi đua thực hiện kế hoạch phát triển kinh tế - xã hội, bảo "
     "đảm quốc phòng, an ninh hoàn thành 100% kế hoạch được giao."),
    (NOI_DUNG, "Thực hiện các chủ trương của Đảng, chính sách và pháp luật của Nhà nước, xây dựng "
               "Đảng và hệ thống chính trị",
     "- Quán triệt và triển khai thực hiện Nghị quyết Hội nghị lần thứ năm Ban Chấp hành Trung "
     "ương Đảng khóa XIII như: Nghị quyết số 21-NQ/TW, ngày 16/6/2022 về tăng cường củng cố, xây "
     "dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên trong giai đoạn mới; quán "
     "triệt, triển khai thực hiện các Nghị quyết, quy định của Đảng về công tác tổ chức, cán bộ; "
     "thực hiện rà soát, bổ sung quy hoạch nhiệm kỳ 2021 - 2026 và 2026 - 2031; lãnh đạo cơ quan "
     "Ban Dân tộc tỉnh thực hiện rà soát, bổ sung quy hoạch các chức danh cán bộ lãnh đạo, quản "
     "lý của cơ quan nhiệm kỳ 2021-2026, 2026 - 2031;\n"
     "- Triển khai, yêu cầu cán bộ, công chức cơ quan thực hiện các nội dung nêu gương theo Hướng "
     "dẫn số 02-HD/TU ngày 22/3/2021 của Tỉnh ủy về tiếp tục thực hiện trách nhiệm nêu gương của "
     "cán bộ, đảng viên, nhất là cán bộ lãnh đạo chủ chốt các cấp; quán triệt, triển khai thực "
     "hiện Quy định số 1167-QĐ/TU ngày 11/8/2023 của Ban Thường vụ Tỉnh ủy và Quy định của Ban về "
     "trách nhiệm và xử lý trách nhiệm đối với người đứng đầu và cấp phó của người đứng đầu cơ "
     "quan trong việc thực hiện chức trách, nhiệm vụ được giao; đã ban hành Quy chế quy định "
     "trách nhiệm và xử lý trách nhiệm đối với người đứng đầu và cấp phó của người đứng đầu các "
     "phòng thuộc Ban; đã tổ chức ký cam kết trách nhiệm và xử lý trách nhiệm đối với người đứng "
     "đầu và cấp phó của người đứng đầu cơ quan; phối hợp Chi ủy triển khai cho toàn thể công chức "
     "là đảng viên viết cam kết tu dưỡng, rèn luyện, phấn đấu năm 2023 theo quy định.\n"
     "- Tạo điều kiện cho công chức là đảng viên tham gia sinh hoạt chính trị, tư tưởng sâu rộng "
     "về nội dung tác phẩm “Kiên trì, kiên quyết đấu tranh, phòng, chống tham nhũng, tiêu cực, góp "
     "phần xây dựng Đảng và Nhà nước ta ngày càng trong sạch, vững mạnh” của đồng chí Tổng Bí thư "
     "Nguyễn Phú Trọng; quán triệt, triển khai đến công chức Quy định số 114-QĐ/TW, ngày 11/7/2023 "
     "của Bộ Chính trị về kiểm soát quyền lực và phòng, chống tham nhũng, tiêu cực trong công tác "
     "cán bộ; đã ban hành kế hoạch nhằm nâng cao nhận thức trong việc chấp hành pháp luật, tạo sự "
     "chuyển biến trong ý thức, trách nhiệm và quyết tâm của cán bộ, công chức trong việc phòng "
     "chống tham nhũng trong thi hành công vụ.\n"
     "Thực hiện tốt Kết luận và các văn bản của Tỉnh ủy như: Kế hoạch số 83-KH/TU ngày 26/01/2022 "
     "của Tỉnh ủy thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Hội nghị lần thứ tư Ban Chấp "
     "hành Trung ương Đảng khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị; "
     "kiên quyết ngăn chặn, đẩy lùi, xử lý nghiêm cán bộ, đảng viên suy thoái về tư tưởng chính "
     "trị, đạo đức, lối sống, biểu hiện tự diễn biến, “tự chuyển hóa”;\n"
     "- Triển khai, quán triệt chuyên đề năm 2023 của tỉnh: “Quảng Ngãi học tập và làm theo tư "
     "tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng văn hóa, con người đáp ứng yêu cầu đổi "
     "mới, hội nhập và phát triển bền vững”. Triển khai thực hiện đầy đủ kế hoạch học tập và làm "
     "theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2023 của Chi bộ; phong trào thi đua “Cán "
     "bộ, đảng viên 3 gương mẫu, Nhân dân 3 tự giác, Doanh nghiệp vận tải và lái xe 3 an toàn”."),
    (NOI_DUNG, None,
     "*Tóm lại: Ban Dân tộc tỉnh đã thực hiện đầy đủ và đạt mức hoàn thành tốt các chủ trương của "
     "Đảng, chính sách và pháp luật của Nhà nước, xây dựng Đảng và hệ thống chính trị."),
    (NOI_DUNG, "Tổ chức thực hiện tốt các chủ trương, nhiệm vụ công tác thi đua, khen thưởng",
     "Tất cả các phong trào thi đua của Chính phủ, của Chủ tịch UBND tỉnh và các sở ngành đều "
     "được Ban Dân tộc tỉnh triển khai, phát động đến toàn thể công chức hưởng ứng, tham gia.\n"
     "Đã phát động phong trào thi đua tại Hội nghị cán bộ công chức năm 2022; tổ chức đăng ký giao "
     "ước thi đua năm 2023; đã ban hành Kế hoạch số 128/KH-BDT ngày 28/02/2023 phát động phong "
     "trào thi đua thực hiện thắng lợi các nhiệm vụ công tác năm 2023; Ban hành Kế hoạch số "
     "1045/KH-BDT ngày 10/10/2023 Phát động phong trào thi đua “Cán bộ, đảng viên 3 gương mẫu, "
     "Nhân dân 3 tự giác, doanh nghiệp vận tải và lái xe 3 an toàn”.\n"
     "Đã đôn đốc, kiểm tra và đánh giá phong trào thi đua. Luôn khuyến khích, động viên công chức "
     "đăng ký sáng kiến, những mô hình hay gắn với việc thực hiện nhiệm vụ của cơ quan. "
     "[Sáng kiến]"),
    ("Ưu điểm",
     "Tập thể công chức, người lao động luôn đoàn kết, phấn đấu hoàn thành nhiệm vụ công tác "
     "được giao; có ý thức chấp hành kỷ luật, kỷ cương hành chính; có tinh thần trách nhiệm trong "
     "thực thi công vụ, góp phần xây dựng cơ quan trong sạch, vững mạnh.", None),
    ("Ưu điểm",
     "Kết quả thực hiện các chỉ tiêu Nghị quyết Hội nghị cán bộ, công chức, viên chức và người lao "
     "động năm 2023 đều đạt:",
     "- Tập thể cơ quan hoàn thành tốt và đạt 100% kế hoạch, nhiệm vụ năm 2023.\n"
     "- Đạt 100% công chức và người lao động chấp hành tốt các nghị quyết, chủ trương của Đảng, "
     "chính sách pháp luật của Nhà nước, nội quy, quy chế của cơ quan.\n"
     "- Đạt 100% cán bộ công chức, viên chức hoàn thành nhiệm vụ, trong đó 20% hoàn thành xuất "
     "sắc nhiệm vụ."),
    ("Hạn chế",
     "Công tác thi đua tuy đã được triển khai, phát động nhưng chưa có sự tham gia, hưởng ứng cao "
     "của công chức và người lao động trong cơ quan; một số công chức chưa quan tâm và hưởng ứng "
     "tích cực các phong trào thi đua, nhất là sáng kiến, đổi mới để bắt kịp xu thế phát triển của "
     "quản lý nhà nước;", None),
    ("Hạn chế",
     "Còn có nhiệm vụ công tác cơ quan đề ra tuy đã hoàn thành nhưng tiến độ chậm so với kế hoạch "
     "đề ra.", None),
    ("Phương hướng", None,
     "- Đẩy mạnh công tác tuyên truyền, phổ biến, nâng cao nhận thức của cán bộ, công chức về "
     "Luật Thi đua, khen thưởng; tiếp tục tổ chức quán triệt sâu rộng Kết luận của Thủ tướng Chính "
     "phủ về công tác thi đua, khen thưởng, nhất là đối với công tác đăng ký nội dung thi đua hàng "
     "năm vào cuối năm.\n"
     "- Đăng ký thi đua, khen thưởng của khối Tham mưu - Tổng hợp phát động.\n"
     "- Tổ chức triển khai thực hiện các văn bản của Trung ương, của tỉnh về công tác thi đua, "
     "khen thưởng cho cán bộ, công chức cơ quan.\n"
     "- Xét thi đua khen thưởng cho tập thể, cá nhân có thành tích xuất sắc năm 2024 và đề nghị "
     "cấp trên khen thưởng theo quy định; biểu dương, khen thưởng kịp thời tập thể, cá nhân có "
     "thành tích đột xuất xuất sắc."),
    ("Giải pháp", None,
     "- Tăng cường công tác tuyên truyền, vận động nhằm tiếp tục nâng cao nhận thức về vị trí, vai "
     "trò của công tác thi đua, khen thưởng cũng như công tác phát hiện, bồi dưỡng, nhân rộng các "
     "điển hình tiên tiến.\n"
     "- Nâng cao vai trò, trách nhiệm của Trưởng Ban trong công tác tổ chức, triển khai các phong "
     "trào thi đua và công tác khen thưởng.\n"
     "- Cử công chức tham gia đầy đủ các lớp tập huấn, bồi dưỡng nghiệp vụ nâng cao chất lượng "
     "thực hiện công tác thi đua, khen thưởng khi được cơ quan chức năng yêu cầu."),
]


LDTT, CSTDCS = "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở"
# (Đối tượng, Đơn vị, Danh hiệu, hình thức, Số phiếu đồng ý): the sample council's votes.
VOTES = [
    ("Văn phòng Ban", None, "Tập thể lao động tiên tiến", 6),
    ("Phòng Chính sách dân tộc", None, "Tập thể lao động xuất sắc", 6),
    ("Thanh tra Ban", None, "Tập thể lao động tiên tiến", 6),
    ("Hồ Ngọc Thịnh", "Lãnh đạo Ban", LDTT, 6),
    ("Đinh Văn Dũng", "Lãnh đạo Ban", LDTT, 6),
    ("Nguyễn Thị Lan", "Lãnh đạo Ban", LDTT, 6),
    ("Trần Minh Đức", "Văn phòng Ban", LDTT, 6),
    ("Dương Thị Hương", "Văn phòng Ban", LDTT, 6),
    ("Lê Thị Ngọc Ánh", "Văn phòng Ban", LDTT, 6),
    ("Võ Thị Bích", "Văn phòng Ban", LDTT, 6),
    ("Phạm Tuấn Anh", "Văn phòng Ban", LDTT, 5),
    ("Huỳnh Văn Đạt", "Văn phòng Ban", LDTT, 6),
    ("Đỗ Văn Bảy", "Văn phòng Ban", LDTT, 5),
    ("Trương Thị Mai", "Văn phòng Ban", LDTT, 6),
    ("Lê Văn Hùng", "Phòng Chính sách dân tộc", CSTDCS, 6),
    ("Lê Văn Hùng", "Phòng Chính sách dân tộc", "Chiến sĩ thi đua cấp tỉnh", 4),
    ("Đinh Thị Hoa", "Phòng Chính sách dân tộc", LDTT, 6),
    ("Đỗ Thị Thu Hương", "Phòng Chính sách dân tộc", LDTT, 6),
    ("Nguyễn Hoàng Duy", "Phòng Chính sách dân tộc", LDTT, 6),
    ("Phạm Văn Đông", "Phòng Chính sách dân tộc", LDTT, 6),
    ("Hồ Thị Kim Oanh", "Phòng Chính sách dân tộc", LDTT, 6),
    ("Bùi Quang Vinh", "Thanh tra Ban", CSTDCS, 5),
    ("Nguyễn Văn Dũng", "Thanh tra Ban", LDTT, 6),
    ("Trần Thị Yến", "Thanh tra Ban", LDTT, 6),
]


AGENCY = {
    "file": "co_quan.xlsx",
    "info": {
        "Năm": 2023,
        "Tên cơ quan": "Ban Dân tộc tỉnh Quảng Ngãi",
        "Cơ quan chủ quản": "UBND TỈNH QUẢNG NGÃI",
        "Ký hiệu cơ quan": "BDT",
        "Địa danh": "Quảng Ngãi",
        "Chức vụ người ký": "TRƯỞNG BAN",
        "Người ký": "Hồ Ngọc Thịnh",
        "Nơi nhận": (
            "- Văn phòng UBND tỉnh (Khối trưởng);\n- Lãnh đạo Ban;\n"
            "- Các phòng thuộc Ban;\n- Lưu: VT."
        ),
        "Khối thi đua": "Khối thi đua các cơ quan Tham mưu - Tổng hợp tỉnh",
        "Văn bản đăng ký giao ước": "Đăng ký giao ước thi đua số 514/BDT-VP ngày 06/6/2023",
        "Tự xếp loại cơ quan": "Hoàn thành tốt nhiệm vụ",
        "Xếp loại Công đoàn": "Công đoàn cơ sở hoàn thành tốt nhiệm vụ",
        "Báo cáo gửi": "Văn phòng UBND tỉnh (khối trưởng)",
        "Ngày báo cáo": "12/2023",  # the day is left for the signer, as in the reference
        # The year-end decisions (issue 13). SAMPLE DATA: the two citations below are invented
        # for the sample, not the agency's real documents.
        "Quyết định thành lập": (
            "Quyết định số 20/2016/QĐ-UBND ngày 22/4/2016 của UBND tỉnh Quảng Ngãi quy định chức "
            "năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Ban Dân tộc tỉnh Quảng Ngãi"
        ),
        "Quy chế thi đua, khen thưởng": (
            "Quyết định số 35/QĐ-BDT ngày 15/02/2023 của Trưởng Ban Dân tộc tỉnh ban hành Quy chế "
            "thi đua, khen thưởng của Ban Dân tộc tỉnh Quảng Ngãi"
        ),
        "Xét đề nghị của": "Chánh Văn phòng Ban",
        "Ngày quyết định khen thưởng": date(2024, 1, 15),
        # The council's meeting and the tờ trình (issue 14). SAMPLE DATA, invented: the day, hour
        # and place of the meeting, and the recipient of the tờ trình.
        "Ngày họp Hội đồng": date(2024, 1, 10),
        "Giờ họp": "8 giờ 00",
        "Địa điểm họp": "Phòng họp Ban Dân tộc tỉnh Quảng Ngãi",
        "Nơi nhận tờ trình": "Ủy ban nhân dân tỉnh Quảng Ngãi (qua Sở Nội vụ)",
        "Người xét tờ trình": "Chủ tịch Ủy ban nhân dân tỉnh",
    },
    # SAMPLE DATA, invented (the reference report names no council): a Hội đồng Thi đua - Khen
    # thưởng of 7, drawn from the sample's people, one absent; and its votes, one row for each
    # title and proposal of the units' forms. Every candidacy passes the default thresholds of
    # config.toml but the Chiến sĩ thi đua cấp tỉnh proposal (04/07, under 70% of all members):
    # the sample shows the rule at work. The LĐTT of the two CSTĐCS is judged on their CSTĐCS
    # votes, and the TTLĐTT of the TTLĐXS phòng on its TTLĐXS votes (no rows of their own).
    "Hội đồng": [
        {"Họ và tên": "Hồ Ngọc Thịnh", "Chức vụ": "Trưởng Ban",
         "Chức danh trong Hội đồng": "Chủ tịch", "Có mặt": "Có"},
        {"Họ và tên": "Đinh Văn Dũng", "Chức vụ": "Phó Trưởng Ban",
         "Chức danh trong Hội đồng": "Phó Chủ tịch", "Có mặt": "Có"},
        {"Họ và tên": "Nguyễn Thị Lan", "Chức vụ": "Phó Trưởng Ban",
         "Chức danh trong Hội đồng": "Ủy viên", "Có mặt": "Không"},
        {"Họ và tên": "Lê Văn Hùng", "Chức vụ": "Trưởng phòng Chính sách dân tộc",
         "Chức danh trong Hội đồng": "Ủy viên", "Có mặt": "Có"},
        {"Họ và tên": "Bùi Quang Vinh", "Chức vụ": "Chánh Thanh tra",
         "Chức danh trong Hội đồng": "Ủy viên", "Có mặt": "Có"},
        {"Họ và tên": "Dương Thị Hương", "Chức vụ": "Chủ tịch Công đoàn cơ sở",
         "Chức danh trong Hội đồng": "Ủy viên", "Có mặt": "Có"},
        {"Họ và tên": "Trần Minh Đức", "Chức vụ": "Chánh Văn phòng",
         "Chức danh trong Hội đồng": "Ủy viên - Thư ký", "Có mặt": "Có"},
    ],
    "Bình xét": [
        {"Đối tượng": name, "Đơn vị": unit, "Danh hiệu, hình thức": title,
         "Số phiếu đồng ý": votes} for name, unit, title, votes in VOTES
    ],
    # The units that must send a workbook: the leadership group and the three phòng.
    "Đơn vị": [
        {"Tên đơn vị": "Lãnh đạo Ban", "Ghi chú": "Trưởng Ban và các Phó Trưởng Ban"},
        {"Tên đơn vị": "Văn phòng Ban", "Ghi chú": None},
        {"Tên đơn vị": "Phòng Chính sách dân tộc", "Ghi chú": None},
        {"Tên đơn vị": "Thanh tra Ban", "Ghi chú": None},
    ],
    # Section II.2.3.a of the reference, one row per pledge.
    "Giao ước": [
        {
            "Chỉ tiêu": "Cán bộ, công chức trong cơ quan hoàn thành tốt nhiệm vụ trở lên",
            "Chỉ số": "Tỷ lệ cá nhân hoàn thành tốt nhiệm vụ trở lên",
            "Mức đăng ký": 100,
            "Kết quả": None,
            "Ghi chú": None,
        },
        {
            "Chỉ tiêu": "Cá nhân đạt danh hiệu Lao động tiên tiến",
            "Chỉ số": "Tỷ lệ cá nhân đạt Lao động tiên tiến",
            "Mức đăng ký": 100,
            "Kết quả": None,
            "Ghi chú": None,
        },
        {
            "Chỉ tiêu": "Cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở",
            "Chỉ số": "Tỷ lệ cá nhân đạt Chiến sĩ thi đua cơ sở",
            "Mức đăng ký": 15,
            "Kết quả": None,
            "Ghi chú": "và đề nghị tặng danh hiệu Chiến sĩ thi đua cấp tỉnh",
        },
        {
            "Chỉ tiêu": "Các phòng thuộc Ban đạt danh hiệu Tập thể lao động tiên tiến",
            "Chỉ số": "Tỷ lệ tập thể đạt Tập thể lao động tiên tiến",
            "Mức đăng ký": 100,
            "Kết quả": None,
            "Ghi chú": None,
        },
        {
            "Chỉ tiêu": "Đề nghị cấp trên khen thưởng Tập thể lao động xuất sắc",
            "Chỉ số": "Tỷ lệ tập thể đạt Tập thể lao động xuất sắc",
            "Mức đăng ký": 20,
            "Kết quả": None,
            "Ghi chú": None,
        },
        {
            "Chỉ tiêu": "Cờ thi đua cấp tỉnh",
            "Chỉ số": None,
            "Mức đăng ký": None,
            "Kết quả": "Chờ kết quả",
            "Ghi chú": "Tập thể Ban Dân tộc đăng ký trong Khối thi đua năm 2023",
        },
        {
            "Chỉ tiêu": "Bằng khen của Chủ tịch UBND tỉnh",
            "Chỉ số": None,
            "Mức đăng ký": None,
            "Kết quả": "Chờ kết quả",
            "Ghi chú": "Tập thể Ban Dân tộc đăng ký trong Khối thi đua năm 2023",
        },
        {
            "Chỉ tiêu": "Chi bộ trong sạch vững mạnh",
            "Chỉ số": None,
            "Mức đăng ký": None,
            "Kết quả": "Chờ kết quả",
            "Ghi chú": None,
        },
        {
            "Chỉ tiêu": "Công đoàn cơ sở vững mạnh",
            "Chỉ số": None,
            "Mức đăng ký": None,
            "Kết quả": "Đạt",
            "Ghi chú": None,
        },
        {
            "Chỉ tiêu": "Cơ quan đạt chuẩn văn hóa",
            "Chỉ số": None,
            "Mức đăng ký": None,
            "Kết quả": "Đạt",
            "Ghi chú": "Được chứng nhận “Cơ quan đạt chuẩn văn hóa” 05 năm 2018-2022",
        },
        {
            "Chỉ tiêu": "Cơ quan đạt tiêu chuẩn An toàn về an ninh, trật tự",
            "Chỉ số": None,
            "Mức đăng ký": None,
            "Kết quả": "Đạt",
            "Ghi chú": None,
        },
        {
            "Chỉ tiêu": "Đơn vị học tập",
            "Chỉ số": None,
            "Mức đăng ký": None,
            "Kết quả": "Chờ kết quả",
            "Ghi chú": None,
        },
    ],
    # Footnote 13 of the reference: 12 tasks; one late (6), one stopped (10).
    "Nhiệm vụ": [
        {
            "Nội dung nhiệm vụ": (
                "Kế hoạch thực hiện Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội "
                "vùng đồng bào dân tộc thiểu số và miền núi năm 2023"
            ),
            "Cơ quan giao": "UBND tỉnh",
            "Hạn hoàn thành": date(2023, 3, 31),
            "Ngày hoàn thành": date(2023, 3, 24),
            "Tình trạng": "Hoàn thành",
            "Đơn vị thực hiện": "Phòng Chính sách dân tộc",
            "Ghi chú": None,
        },
        {
            "Nội dung nhiệm vụ": "Kế hoạch theo dõi, kiểm tra thực hiện Chương trình",
            "Cơ quan giao": "UBND tỉnh",
            "Hạn hoàn thành": date(2023, 4, 15),
            "Ngày hoàn thành": date(2023, 4, 12),
            "Tình trạng": "Hoàn thành",
            "Đơn vị thực hiện": "Thanh tra Ban",
            "Ghi chú": None,
        },
        {
            "Nội dung nhiệm vụ": (
                "Tổ chức hội nghị thu hút đầu tư thuộc Chương trình mục tiêu quốc gia phát triển "
                "kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021 - 2025"
            ),
            "Cơ quan giao": "UBND tỉnh",
            "Hạn hoàn thành": date(2023, 6, 30),
            "Ngày hoàn thành": date(2023, 6, 16),
            "Tình trạng": "Hoàn thành",
            "Đơn vị thực hiện": "Phòng Chính sách dân tộc",
            "Ghi chú": None,
        },
        {
            "Nội dung nhiệm vụ": (
                "Tổ chức Chương trình Chắp cánh ước mơ khởi nghiệp ở vùng đồng bào dân tộc "
                "thiểu số và miền núi tỉnh"
            ),
            "Cơ quan giao": "Chủ tịch UBND tỉnh",
            "Hạn hoàn thành": date(2023, 8, 31),
            "Ngày hoàn thành": date(2023, 8, 25),
            "Tình trạng": "Hoàn thành",
            "Đơn vị thực hiện": "Văn phòng Ban",
            "Ghi chú": None,
        },
        {
            "Nội dung nhiệm vụ": (
                "Tổ chức Hội thảo chia sẻ kinh nghiệm thực hiện Chương trình giai đoạn I: "
                "từ năm 2021 đến năm 2022"
            ),
            "Cơ quan giao": "UBND tỉnh",
            "Hạn hoàn thành": date(2023, 5, 31),
            "Ngày hoàn thành": date(2023, 5, 26),
            "Tình trạng": "Hoàn thành",
            "Đơn vị thực hiện": "Phòng Chính sách dân tộc",
            "Ghi chú": None,
        },
        {
            "Nội dung nhiệm vụ": (
                "Trình HĐND tỉnh ban hành Nghị quyết sửa đổi Nghị quyết số 09/2022/NQ-HĐND "
                "ngày 07/7/2022 của HĐND tỉnh"
            ),
            "Cơ quan giao": "UBND tỉnh",
            "Hạn hoàn thành": date(2023, 6, 15),
            "Ngày hoàn thành": date(2023, 6, 23),
            "Tình trạng": "Hoàn thành",
            "Đơn vị thực hiện": "Phòng Chính sách dân tộc",
            "Ghi chú": "Hoàn thành chậm so với thời hạn được giao",
        },
        {
            "Nội dung nhiệm vụ": (
                "Ban hành Kế hoạch tổ chức Hội nghị biểu dương, tôn vinh, khen thưởng các điển "
                "hình tiên tiến ở vùng đồng bào dân tộc thiểu số và miền núi năm 2023"
            ),
            "Cơ quan giao": "UBND tỉnh",
            "Hạn hoàn thành": date(2023, 7, 31),
            "Ngày hoàn thành": date(2023, 7, 20),
            "Tình trạng": "Hoàn thành",
            "Đơn vị thực hiện": "Văn phòng Ban",
            "Ghi chú": None,
        },
        {
            "Nội dung nhiệm vụ": (
                "Trực báo tiến độ thực hiện giải ngân vốn thực hiện 02 Chương trình mục tiêu "
                "quốc gia: Giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân "
                "tộc thiểu số và miền núi trên địa bàn tỉnh (tháng 7)"
            ),
            "Cơ quan giao": "Chủ tịch UBND tỉnh",
            "Hạn hoàn thành": date(2023, 7, 25),
            "Ngày hoàn thành": date(2023, 7, 24),
            "Tình trạng": "Hoàn thành",
            "Đơn vị thực hiện": "Văn phòng Ban",
            "Ghi chú": None,
        },
        {
            "Nội dung nhiệm vụ": (
                "Trực báo tiến độ thực hiện giải ngân vốn thực hiện 02 Chương trình mục tiêu "
                "quốc gia: Giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân "
                "tộc thiểu số và miền núi trên địa bàn tỉnh (tháng 8)"
            ),
            "Cơ quan giao": "Chủ tịch UBND tỉnh",
            "Hạn hoàn thành": date(2023, 8, 25),
            "Ngày hoàn thành": date(2023, 8, 24),
            "Tình trạng": "Hoàn thành",
            "Đơn vị thực hiện": "Văn phòng Ban",
            "Ghi chú": None,
        },
        {
            "Nội dung nhiệm vụ": (
                "Tổ chức Hội nghị biểu dương, tôn vinh, khen thưởng các điển hình tiên tiến ở "
                "vùng đồng bào dân tộc thiểu số và miền núi năm 2023"
            ),
            "Cơ quan giao": "UBND tỉnh",
            "Hạn hoàn thành": date(2023, 11, 30),
            "Ngày hoàn thành": None,
            "Tình trạng": "Dừng thực hiện",
            "Đơn vị thực hiện": "Văn phòng Ban",
            "Ghi chú": "UBND tỉnh đã thống nhất dừng thực hiện",
        },
        {
            "Nội dung nhiệm vụ": (
                "Trực báo tiến độ thực hiện giải ngân vốn thực hiện 02 Chương trình mục tiêu "
                "quốc gia: Giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân "
                "tộc thiểu số và miền núi trên địa bàn tỉnh (tháng 9)"
            ),
            "Cơ quan giao": "Chủ tịch UBND tỉnh",
            "Hạn hoàn thành": date(2023, 9, 25),
            "Ngày hoàn thành": date(2023, 9, 22),
            "Tình trạng": "Hoàn thành",
            "Đơn vị thực hiện": "Văn phòng Ban",
            "Ghi chú": None,
        },
        {
            "Nội dung nhiệm vụ": (
                "Điều chỉnh một số nội dung Quyết định số 866/QĐ-UBND ngày 08/8/2022 của UBND "
                "tỉnh về việc phê duyệt Kế hoạch thực hiện Chương trình"
            ),
            "Cơ quan giao": "UBND tỉnh",
            "Hạn hoàn thành": date(2023, 10, 31),
            "Ngày hoàn thành": date(2023, 10, 20),
            "Tình trạng": "Hoàn thành",
            "Đơn vị thực hiện": "Phòng Chính sách dân tộc",
            "Ghi chú": None,
        },
    ],
    # Footnotes 1-11 of the reference (documents the agency issued).
    "Văn bản": [
        {
            "Loại văn bản": "Kế hoạch",
            "Số ký hiệu": "128/KH-BDT",
            "Ngày ban hành": date(2023, 2, 28),
            "Trích yếu": (
                "phát động phong trào thi đua thực hiện thắng lợi các nhiệm vụ công tác năm 2023"
            ),
            "Mục": "Chỉ đạo",
        },
        {
            "Loại văn bản": "Kế hoạch",
            "Số ký hiệu": "1045/KH-BDT",
            "Ngày ban hành": date(2023, 10, 10),
            "Trích yếu": (
                "phát động phong trào thi đua “Cán bộ, đảng viên 3 gương mẫu, Nhân dân 3 tự giác, "
                "doanh nghiệp vận tải và lái xe 3 an toàn”"
            ),
            "Mục": "Chỉ đạo",
        },
        {
            "Loại văn bản": "Kế hoạch",
            "Số ký hiệu": "130/KH-BDT",
            "Ngày ban hành": date(2023, 2, 28),
            "Trích yếu": (
                "kiểm tra công tác cải cách hành chính và việc chấp hành kỷ luật, kỷ cương hành "
                "chính đối với các phòng và công chức, người lao động thuộc Ban Dân tộc"
            ),
            "Mục": None,
        },
        {
            "Loại văn bản": "Kế hoạch",
            "Số ký hiệu": "746/KH-BDT",
            "Ngày ban hành": date(2022, 10, 3),
            "Trích yếu": (
                "phát triển Chính quyền điện tử hướng tới Chính quyền số và kinh tế số, xã hội "
                "số năm 2023 của Ban Dân tộc tỉnh Quảng Ngãi"
            ),
            "Mục": None,
        },
        {
            "Loại văn bản": "Kế hoạch",
            "Số ký hiệu": "116/KH-BDT",
            "Ngày ban hành": date(2023, 2, 23),
            "Trích yếu": (
                "thực hiện Chương trình hành động thực hành tiết kiệm, chống lãng phí năm 2023"
            ),
            "Mục": None,
        },
        {
            "Loại văn bản": "Kế hoạch",
            "Số ký hiệu": "202/KH-BDT",
            "Ngày ban hành": date(2023, 2, 20),
            "Trích yếu": (
                "thực hiện quy chế dân chủ cơ sở và công tác dân vận chính quyền năm 2023"
            ),
            "Mục": None,
        },
        {
            "Loại văn bản": "Kế hoạch",
            "Số ký hiệu": "25/KH-BDT",
            "Ngày ban hành": date(2023, 1, 16),
            "Trích yếu": "thực hiện công tác cải cách hành chính năm 2023",
            "Mục": None,
        },
        {
            "Loại văn bản": "Kế hoạch",
            "Số ký hiệu": "98/KH-BDT",
            "Ngày ban hành": date(2023, 2, 23),
            "Trích yếu": (
                "thực hiện nhiệm vụ, giải pháp trọng tâm nhằm cải thiện và nâng cao Chỉ số cải "
                "cách hành chính năm 2023"
            ),
            "Mục": None,
        },
        {
            "Loại văn bản": "Công văn",
            "Số ký hiệu": "114/BDT-VP",
            "Ngày ban hành": date(2023, 2, 23),
            "Trích yếu": (
                "thực hiện đổi mới lề lối, phương thức làm việc thông qua gửi, nhận văn bản điện "
                "tử, xử lý hồ sơ công việc và giải quyết thủ tục hành chính trên môi trường điện "
                "tử; điều hành dựa trên dữ liệu số"
            ),
            "Mục": None,
        },
    ],
    # Section II.2.1 a) to h) (the duplicated "đ)" left out), then 2.2 and section 3.
    "Phong trào": [
        {
            "Phong trào": (
                "Phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” và phong trào thi "
                "đua “Cả nước chung tay vì người nghèo - không để ai bị bỏ lại phía sau”"
            ),
            "Kết quả thực hiện": (
                "- Hưởng ứng phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” và "
                "phong trào thi đua “Cả nước chung tay vì người nghèo - không để ai bị bỏ lại phía "
                "sau”, Ban Dân tộc tỉnh đã quán triệt sâu sắc đến toàn thể công chức, người lao "
                "động tại các cuộc họp cơ quan về các văn bản liên quan đến cả nước chung sức xây "
                "dựng nông thôn mới, phát động phong trào và có kế hoạch thực hiện phong trào thi "
                "đua “Quảng Ngãi chung tay vì người nghèo”.\n"
                "- Với tinh thần quan tâm chia sẻ vì cộng đồng, Công đoàn cơ sở Ban Dân tộc đã "
                "phát động đoàn viên công đoàn đóng góp vào quỹ thiện nguyện với số tiền "
                "9.600.000 đồng; thực hiện ký kết văn bản phối hợp tổ chức công tác thiện nguyện "
                "giữa Công đoàn cơ sở Ban Dân tộc và công đoàn cơ sở Ban Quản lý KKT Dung Quất và "
                "các KCN Quảng Ngãi; đồng thời, đã có thư ngỏ xin tài trợ gửi đến Công ty Cổ phần "
                "Phân bón Dầu khí Cà Mau, Công ty TNHH Nhựa tái chế Duy Tân để tổ chức 02 đợt "
                "thiện nguyện, cụ thể:\n"
                "+ Đợt 1: Trao tặng 47 suất quà trị giá 35 triệu đồng (gồm bộ sách giáo khoa, vở, "
                "bút, quần áo, giày dép); 47 chiếc cặp và công trình “Nhà vệ sinh cho em” do Công "
                "ty Cổ phần Phân bón Dầu khí Cà Mau đã hỗ trợ xây dựng tại Trường Tiểu học Thôn "
                "Quế, xã Trà Bùi, huyện Trà Bông.\n"
                "+ Đợt 2: Tổ chức chương trình VUI TRUNG THU và tặng quà cho 513 học sinh Trường "
                "Tiểu học Trà Phong, huyện Trà Bông; đồng thời trao tặng cho phụ huynh học sinh "
                "của trường 150 gùi nước do Công ty TNHH Nhựa tái chế Duy Tân hỗ trợ để dùng chứa "
                "nước hàng ngày cho gia đình và có thể sử dụng làm phao cứu sinh cho các em học "
                "sinh phải vượt sông, suối đến trường; tặng 50 gùi nước cho trường Phổ thông TDNT "
                "và THCS Trà Thủy xã Trà Bùi."
            ),
            "Văn bản": None,
        },
        {
            "Phong trào": (
                "Phong trào thi đua “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa "
                "công sở”"
            ),
            "Kết quả thực hiện": (
                "Đã phát động phong trào thi đua thực hiện văn hóa công vụ và chấp hành kỷ luật, "
                "kỷ cương hành chính; ban hành Kế hoạch kiểm tra công tác cải cách hành chính và "
                "việc chấp hành kỷ luật, kỷ cương hành chính đối với các phòng và công chức, người "
                "lao động thuộc Ban Dân tộc[130/KH-BDT]. Trong năm 2023, hầu hết công chức chấp "
                "hành tốt kỷ luật, kỷ cương hành chính như chấp hành nghiêm nội quy, quy chế của "
                "cơ quan, tổ chức, không có công chức vi phạm kỷ luật, kỷ cương hành chính đến mức "
                "phải xử lý; chủ động phối hợp trong thực hiện nhiệm vụ, công vụ."
            ),
            "Văn bản": "130/KH-BDT",
        },
        {
            "Phong trào": (
                "Phong trào thi đua “Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực "
                "hành tiết kiệm, chống lãng phí”"
            ),
            "Kết quả thực hiện": (
                "Đã ban hành Kế hoạch phát triển Chính quyền điện tử hướng tới Chính quyền số và "
                "kinh tế số, xã hội số năm 2023 của Ban Dân tộc tỉnh Quảng Ngãi[746/KH-BDT]; Kế "
                "hoạch cải cách hành chính, kiểm soát thủ tục hành chính và ứng dụng công nghệ "
                "thông tin trong hoạt động công vụ; thực hiện đầy đủ quy trình xử lý văn bản điện "
                "tử trên phần mềm Ioffice; tổ chức thực hiện 02 thủ tục hành chính mức độ 2 trên "
                "dịch vụ công trực tuyến.\n"
                "Ban hành Kế hoạch thực hiện Chương trình hành động thực hành tiết kiệm, chống "
                "lãng phí năm 2023[116/KH-BDT], qua đó nâng cao ý thức, trách nhiệm của công chức, "
                "người lao động cơ quan về thực hành tiết kiệm, chống lãng phí trong quản lý, sử "
                "dụng hiệu quả kinh phí, tài sản nhà nước, thời gian lao động."
            ),
            "Văn bản": "746/KH-BDT, 116/KH-BDT",
        },
        {
            "Phong trào": "Phong trào thi đua “Doanh nghiệp Việt Nam hội nhập và phát triển”",
            "Kết quả thực hiện": (
                "Đã triển khai đến toàn thể công chức cơ quan biết, hưởng ứng, tạo điều kiện "
                "thuận lợi về chính sách hỗ trợ doanh nghiệp tại địa phương liên quan đến lĩnh vực "
                "công tác."
            ),
            "Văn bản": None,
        },
        {
            "Phong trào": (
                "Kết quả triển khai Kế hoạch số 31-KH/TU ngày 16/3/2021 của Ban Thường vụ Tỉnh ủy "
                "về thực hiện phong trào thi đua “Dân vận khéo” giai đoạn 2021-2025 và Kế hoạch số "
                "70/KH-UBND ngày 04/6/2020 của UBND tỉnh Phát động phong trào thi đua “Dân vận "
                "khéo” trong các cơ quan hành chính nhà nước"
            ),
            "Kết quả thực hiện": (
                "Thực hiện Kế hoạch số 30/KH-UBND ngày 17/02/2023 của UBND tỉnh Quảng Ngãi về việc "
                "thực hiện quy chế dân chủ ở cơ sở và công tác dân vận chính quyền năm 2023, Ban "
                "Dân tộc tỉnh đã xây dựng Kế hoạch thực hiện quy chế dân chủ cơ sở và công tác dân "
                "vận chính quyền năm 2023[202/KH-BDT]; tiếp tục triển khai mô hình “Dân vận khéo” "
                "trong công tác tuyên truyền chính sách dân tộc. Công tác phối hợp với các cơ quan "
                "của Đảng, Mặt trận Tổ quốc và các tổ chức đoàn thể trong thực hiện công tác dân "
                "vận được lãnh đạo cơ quan quan tâm, thường xuyên chủ động phối hợp thực hiện, xây "
                "dựng khối đại đoàn kết toàn dân, tuyên truyền, vận động công chức, viên chức, "
                "người lao động thực hiện tốt các chủ trương, chính sách của Đảng, pháp luật của "
                "Nhà nước..."
            ),
            "Văn bản": "202/KH-BDT",
        },
        {
            "Phong trào": (
                "Kết quả triển khai thực hiện Quyết định số 93/QĐ-UBND ngày 24/01/2022 của UBND "
                "tỉnh phát động và triển khai phong trào thi đua “Đẩy mạnh cải cách hành chính "
                "tỉnh Quảng Ngãi giai đoạn 2021 - 2025”"
            ),
            "Kết quả thực hiện": (
                "Ngay từ đầu năm, Ban Dân tộc tỉnh đã triển khai quán triệt đến toàn thể công chức "
                "thực hiện các chủ trương, nghị quyết của Đảng, chính sách, pháp luật của Nhà nước "
                "về CCHC và các nội dung tại Quyết định số 1256/QĐ-UBND ngày 22/12/2021 của UBND "
                "tỉnh ban hành Kế hoạch cải cách hành chính; nâng cao thứ hạng các chỉ số cải cách "
                "hành chính, hiệu quả quản trị và hành chính công, năng lực cạnh tranh cấp tỉnh "
                "giai đoạn 2021 - 2025. Ban Dân tộc tỉnh đã ban hành Kế hoạch thực hiện công tác "
                "cải cách hành chính năm 2023[25/KH-BDT]; Kế hoạch thực hiện nhiệm vụ, giải pháp "
                "trọng tâm nhằm cải thiện và nâng cao Chỉ số cải cách hành chính năm "
                "2023[98/KH-BDT]; văn bản thực hiện đổi mới lề lối, phương thức làm việc thông qua "
                "gửi, nhận văn bản điện tử, xử lý hồ sơ công việc và giải quyết thủ tục hành chính "
                "trên môi trường điện tử; điều hành dựa trên dữ liệu số[114/BDT-VP]... với mục "
                "đích nâng cao hiệu quả công tác CCHC trong năm 2023, tạo sự chuyển biến mạnh mẽ "
                "trong tổ chức và hoạt động của cơ quan."
            ),
            "Văn bản": "25/KH-BDT, 98/KH-BDT, 114/BDT-VP",
        },
        {
            "Phong trào": (
                "Kết quả triển khai thực hiện phát động thi đua “Đẩy mạnh phát triển kết cấu hạ "
                "tầng đồng bộ, hiện đại, thực hành tiết kiệm chống lãng phí”"
            ),
            "Kết quả thực hiện": (
                "Đã ban hành Kế hoạch phát triển Chính quyền điện tử hướng tới Chính quyền số và "
                "kinh tế số, xã hội số năm 2023 của Ban Dân tộc tỉnh Quảng Ngãi[746/KH-BDT]; Kế "
                "hoạch cải cách hành chính, kiểm soát thủ tục hành chính và ứng dụng công nghệ "
                "thông tin trong hoạt động công vụ; thực hiện đầy đủ quy trình xử lý văn bản điện "
                "tử trên phần mềm Ioffice; tổ chức thực hiện 02 thủ tục hành chính mức độ 2 trên "
                "dịch vụ công trực tuyến.\n"
                "Ban hành Kế hoạch thực hiện Chương trình hành động thực hành tiết kiệm, chống "
                "lãng phí năm 2023[116/KH-BDT], qua đó nâng cao ý thức, trách nhiệm của công chức, "
                "người lao động cơ quan về thực hành tiết kiệm, chống lãng phí trong quản lý, sử "
                "dụng hiệu quả kinh phí, tài sản nhà nước, thời gian lao động."
            ),
            "Văn bản": "746/KH-BDT, 116/KH-BDT",
        },
        {
            "Phong trào": (
                "Kết quả triển khai thực hiện phong trào học tập và làm theo tư tưởng, đạo đức, "
                "phong cách Hồ Chí Minh"
            ),
            "Kết quả thực hiện": (
                "Phối hợp với Chi ủy Chi bộ phát động thực hiện phong trào học tập và làm theo tư "
                "tưởng, đạo đức, phong cách Hồ Chí Minh: Thực hiện Chỉ thị số 05-CT/TW, ngày "
                "15/05/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, "
                "phong cách Hồ Chí Minh, Kế hoạch số 84-KH/TU ngày 26/01/2022 của Ban Thường vụ "
                "Tỉnh ủy về thực hiện việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ "
                "Chí Minh năm 2022 và Kế hoạch số 59-KH/ĐUK ngày 09/02/2022 của Ban Thường vụ Đảng "
                "ủy Khối và Doanh nghiệp về việc học tập và làm theo tư tưởng, đạo đức, phong cách "
                "Hồ Chí Minh năm 2022; Kế hoạch số 113/KH-CB ngày 03/3/2022 của Chi bộ Ban Dân tộc "
                "tỉnh về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, tất cả "
                "đảng viên và công chức cơ quan đã đăng ký tu dưỡng, rèn luyện, phấn đấu đầu năm "
                "2022; Theo tinh thần Nghị quyết số 04-NQ/TW ngày 30/10/2016 của Ban Chấp hành "
                "Trung ương Đảng khóa XII và Nghị quyết Đại hội đại biểu Đảng bộ Khối Cơ quan và "
                "Doanh nghiệp tỉnh lần thứ X, nhiệm kỳ 2020-2025, 100% đảng viên đã đăng ký nội "
                "dung học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh và đăng ký "
                "thực hiện trách nhiệm nêu gương của cán bộ, đảng viên năm 2022."
            ),
            "Văn bản": None,
        },
    ],
    # Every paragraph of the reference that is the agency's own prose, in its part of the
    # report (Mục), sub-parts opened by a Tiêu đề; [Nhiệm vụ], [Sáng kiến] place the figures.
    "Nhận định": [{"Mục": m, "Tiêu đề": t, "Nội dung": n} for m, t, n in NOTES],
}


UNITS = [
    {
        "file": "don_vi_lanh_dao_ban.xlsx",
        "info": {
            "Năm": 2023,
            "Tên đơn vị": "Lãnh đạo Ban",
            "Là tập thể xét danh hiệu": "Không",
            "Xếp loại tập thể": None,
            "Danh hiệu tập thể": None,
        },
        "Cá nhân": [
            {
                "Họ và tên": "Hồ Ngọc Thịnh",
                "Năm sinh": 1968,
                "Chức vụ": "Trưởng Ban",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành xuất sắc nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Đinh Văn Dũng",
                "Năm sinh": 1971,
                "Chức vụ": "Phó Trưởng Ban",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Nguyễn Thị Lan",
                "Năm sinh": 1975,
                "Chức vụ": "Phó Trưởng Ban",
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
        "file": "don_vi_van_phong_ban.xlsx",
        "info": {
            "Năm": 2023,
            "Tên đơn vị": "Văn phòng Ban",
            "Là tập thể xét danh hiệu": "Có",
            "Xếp loại tập thể": "Hoàn thành tốt nhiệm vụ",
            "Danh hiệu tập thể": "Tập thể lao động tiên tiến",
        },
        "Cá nhân": [
            {
                "Họ và tên": "Trần Minh Đức",
                "Năm sinh": 1976,
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
                "Họ và tên": "Dương Thị Hương",
                "Năm sinh": 1982,
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
                "Họ và tên": "Lê Thị Ngọc Ánh",
                "Năm sinh": 1988,
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
                "Họ và tên": "Võ Thị Bích",
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
                "Họ và tên": "Phạm Tuấn Anh",
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
                "Họ và tên": "Huỳnh Văn Đạt",
                "Năm sinh": 1980,
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
                "Họ và tên": "Đỗ Văn Bảy",
                "Năm sinh": 1969,
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
                "Họ và tên": "Trương Thị Mai",
                "Năm sinh": 1985,
                "Chức vụ": "Tạp vụ",
                "Loại": "Hợp đồng lao động",
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
        "file": "don_vi_phong_chinh_sach_dan_toc.xlsx",
        "info": {
            "Năm": 2023,
            "Tên đơn vị": "Phòng Chính sách dân tộc",
            "Là tập thể xét danh hiệu": "Có",
            "Xếp loại tập thể": "Hoàn thành xuất sắc nhiệm vụ",
            "Danh hiệu tập thể": "Tập thể lao động xuất sắc",
        },
        "Cá nhân": [
            {
                "Họ và tên": "Lê Văn Hùng",
                "Năm sinh": 1974,
                "Chức vụ": "Trưởng phòng",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành xuất sắc nhiệm vụ",
                "Danh hiệu": "Chiến sĩ thi đua cơ sở",
                "Sáng kiến": (
                    "Giải pháp nâng cao hiệu quả tham mưu thực hiện Chương trình mục tiêu quốc gia "
                    "phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi trên "
                    "địa bàn tỉnh Quảng Ngãi"
                ),
                "Kỷ luật": None,
                "Đề nghị khen thưởng": "Chiến sĩ thi đua cấp tỉnh",
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Đinh Thị Hoa",
                "Năm sinh": 1983,
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
                "Họ và tên": "Đỗ Thị Thu Hương",
                "Năm sinh": 1987,
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
                "Họ và tên": "Nguyễn Hoàng Duy",
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
                "Họ và tên": "Phạm Văn Đông",
                "Năm sinh": 1985,
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
                "Họ và tên": "Hồ Thị Kim Oanh",
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
        ],
    },
    {
        "file": "don_vi_thanh_tra_ban.xlsx",
        "info": {
            "Năm": 2023,
            "Tên đơn vị": "Thanh tra Ban",
            "Là tập thể xét danh hiệu": "Có",
            "Xếp loại tập thể": "Hoàn thành tốt nhiệm vụ",
            "Danh hiệu tập thể": "Tập thể lao động tiên tiến",
        },
        "Cá nhân": [
            {
                "Họ và tên": "Bùi Quang Vinh",
                "Năm sinh": 1978,
                "Chức vụ": "Chánh Thanh tra",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành xuất sắc nhiệm vụ",
                "Danh hiệu": "Chiến sĩ thi đua cơ sở",
                "Sáng kiến": (
                    "Giải pháp nâng cao chất lượng công tác thanh tra, kiểm tra việc thực hiện "
                    "chính sách dân tộc tại các huyện miền núi tỉnh Quảng Ngãi"
                ),
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Nguyễn Văn Dũng",
                "Năm sinh": 1984,
                "Chức vụ": "Phó Chánh Thanh tra",
                "Loại": "Công chức",
                "Xếp loại": "Hoàn thành tốt nhiệm vụ",
                "Danh hiệu": "Lao động tiên tiến",
                "Sáng kiến": None,
                "Kỷ luật": None,
                "Đề nghị khen thưởng": None,
                "Ghi chú": None,
            },
            {
                "Họ và tên": "Trần Thị Yến",
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
        ],
    },
]
