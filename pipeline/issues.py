"""Problems found in the data, as data: one catalogue of stable codes and Vietnamese texts.

Checks return lists of `Issue`; only the run decides what blocks (SPEC "Rules").
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "Lỗi"
WARNING = "Cảnh báo"
# A document of the year-end dossier is not written (someone on it breaks a rule): the report
# and the dossier's other documents are, so it is no ERROR (issue 13).
HOLD = "Chặn hồ sơ"

# code: (severity, message template, how to fix). Templates use str.format fields.
CATALOGUE: dict[str, tuple[str, str, str]] = {
    "unreadable": (ERROR, "Không đọc được tệp: {detail}.",
                   "Mở tệp bằng Excel, lưu lại dạng .xlsx rồi chạy lại; nếu Excel cũng không mở "
                   "được, xin đơn vị gửi lại tệp."),
    "empty-file": (ERROR, "Tệp rỗng (0 byte): tệp chưa được lưu hoặc chép chưa xong.",
                   "Xin đơn vị gửi lại tệp, hoặc mở tệp gốc bằng Excel, lưu lại rồi chép vào thư "
                   "mục đầu vào."),
    "not-xlsx-content": (ERROR, "Tệp mang đuôi {suffix} nhưng nội dung là {what}, không phải sổ "
                                "Excel.",
                         "Mở tệp bằng chương trình đã tạo ra nó, chọn File › Save As, lưu dạng "
                         "Excel Workbook (.xlsx) rồi chạy lại; nếu chép nhầm tệp, bỏ tệp khỏi thư "
                         "mục đầu vào."),
    "password-protected": (ERROR, "Tệp được đặt mật khẩu mở nên chương trình không đọc được.",
                           "Mở tệp (nhập mật khẩu) rồi bỏ mật khẩu: trong Excel vào File › Info › "
                           "Protect Workbook › Encrypt with Password, xóa trống ô mật khẩu; trong "
                           "LibreOffice chọn File › Save As, bỏ chọn \"Save with password\". Lưu "
                           "rồi chạy lại."),
    "too-large": (ERROR, "Tệp quá lớn so với một phiếu thật ({detail}); chương trình không đọc để "
                         "máy không bị treo.",
                  "Chép phần dữ liệu sang mẫu trống trong input_templates/ (không chép ảnh, sheet "
                  "thừa) rồi chạy lại; nếu không rõ nguồn gốc tệp, hỏi lại đơn vị gửi."),
    "sheet-too-large": (ERROR, "Sheet có dữ liệu trải tới ô {corner} ({rows} dòng × {cols} "
                               "cột), quá lớn so với một phiếu thật; thường do gõ nhầm vào một ô "
                               "ở rất xa.",
                        "Trong Excel, bấm Ctrl+End để tới ô cuối cùng có dữ liệu, xóa các dòng và "
                        "cột thừa (chọn dòng, cột › Delete), lưu rồi chạy lại."),
    "unsafe-xml": (ERROR, "Phần \"{part}\" trong tệp có khai báo DOCTYPE, điều Excel không bao giờ "
                          "ghi: tệp đã bị sửa bằng công cụ khác hoặc có thể là tệp độc hại, nên "
                          "không được đọc.",
                   "Hỏi lại đơn vị gửi; nếu tệp đúng là phiếu của đơn vị, mở bằng Excel, lưu "
                   "thành tệp .xlsx mới rồi chạy lại."),
    "symlink": (ERROR, "Tệp là liên kết (symlink, shortcut) tới nơi khác nên không được đọc: "
                       "chương trình chỉ đọc tệp nằm ngay trong thư mục đầu vào.",
                "Xóa liên kết và chép chính tệp phiếu vào thư mục đầu vào; nếu không cần, xóa "
                "liên kết."),
    "spreadsheet-not-read": (ERROR, "Tệp {suffix} là bảng tính nhưng chương trình không đọc được "
                                    "dạng này (chỉ đọc .xlsx, .xlsm, .xls, .ods): nếu là phiếu "
                                    "của một đơn vị, báo cáo sẽ thiếu đơn vị đó.",
                             "Mở tệp bằng Excel (hoặc WPS, LibreOffice), chọn File › Save As, "
                             "lưu dạng Excel Workbook (.xlsx) rồi bỏ tệp {suffix} ra khỏi thư "
                             "mục đầu vào; nếu tệp không phải phiếu, chuyển nó ra khỏi thư mục."),
    "folder-like-workbook": (ERROR, "Đây là một thư mục, không phải tệp, dù tên có đuôi {suffix}: "
                                    "chương trình không đọc được.",
                             "Chép tệp phiếu thật vào thư mục đầu vào; đổi tên hoặc chuyển thư "
                             "mục này ra khỏi thư mục đầu vào."),
    "workbook-in-subfolder": (ERROR, "Thư mục con có tệp dạng bảng tính ({files}) nhưng chương "
                                     "trình chỉ đọc tệp nằm ngay trong thư mục đầu vào: phiếu "
                                     "trong thư mục con sẽ bị bỏ sót.",
                              "Chép các phiếu cần dùng ra thẳng thư mục đầu vào; phiếu cũ, "
                              "không dùng thì chuyển cả thư mục con ra khỏi thư mục đầu vào."),
    "subfolder-not-read": (WARNING, "Thư mục con không được đọc (không có tệp bảng tính nào).",
                           "Chuyển thư mục ra khỏi thư mục đầu vào nếu không cần."),
    "formula-no-value": (ERROR, "Ô có công thức nhưng không có giá trị đã tính (tệp do chương "
                                "trình khác tạo ra và chưa được mở, lưu bằng Excel), nên đọc ra "
                                "trống.",
                         "Mở tệp bằng Excel, bấm Ctrl+Alt+F9 để tính lại, lưu rồi chạy lại; hoặc "
                         "thay công thức bằng giá trị (Copy, rồi Paste Special › Values)."),
    "merged-cells": (ERROR, "Các ô {range} đã được gộp (Merge) trong vùng dữ liệu: chỉ ô {first} "
                            "có giá trị, các ô còn lại đọc ra trống.",
                     "Chọn vùng đó, bấm Merge & Center để bỏ gộp, rồi nhập giá trị vào từng ô "
                     "(mỗi dòng một người, một mục)."),
    "blank-rows": (WARNING, "Dòng {rows} trống, nằm giữa danh sách: đã bỏ qua, các dòng bên dưới "
                            "vẫn được đọc.",
                   "Xóa dòng trống nếu không cần; nếu các dòng bên dưới không thuộc danh sách, "
                   "chuyển chúng sang sheet khác."),
    "long-text": (ERROR, "Ô \"{column}\" dài {length} ký tự, vượt giới hạn {limit} ký tự: có thể "
                         "đã dán nhầm cả đoạn văn bản vào ô.",
                  "Kiểm tra lại ô, bỏ phần dán thừa, chỉ giữ nội dung cần thiết."),
    "legacy-encoding": (WARNING, "Chữ \"{sample}\" có vẻ được gõ bằng bảng mã cũ {encoding} (phông "
                                 ".VnTime, VNI-Times…), không phải Unicode: trên báo cáo sẽ hiện "
                                 "sai dấu.",
                        "Chép (Copy) các ô này, mở Công cụ chuyển mã của Unikey (Ctrl+Shift+F6, "
                        "hoặc chuột phải vào biểu tượng Unikey › Công cụ…), chọn Nguồn "
                        "\"{source}\", Đích \"Unicode\", bấm \"Chuyển mã\", dán (Paste) lại vào ô "
                        "rồi chọn phông Times New Roman."),
    "control-chars": (WARNING, "Ô \"{column}\" có ký tự điều khiển hoặc ký tự riêng không hiển thị "
                               "được ({chars}), thường do dán từ phần mềm khác: đã bỏ các ký tự "
                               "này, phần chữ còn lại đưa vào báo cáo như đã gõ.",
                      "Mở ô, xem lại nội dung; nếu thiếu chữ hoặc chữ dính nhau, gõ lại ô đó "
                      "(không dán), lưu rồi chạy lại."),
    "foreign-workbook": (ERROR, "Tệp không phải mẫu của chương trình (không có sheet \"{sheet}\").",
                         "Chép dữ liệu sang mẫu trống trong input_templates/ rồi chạy lại."),
    "bad-version": (ERROR, "Phiên bản mẫu \"{value}\" không được hỗ trợ (cần \"{expected}\").",
                    "Chép dữ liệu sang mẫu trống mới trong input_templates/."),
    "bad-kind": (ERROR, "Loại phiếu \"{value}\" không hợp lệ.",
                 "Chọn \"Đơn vị\" hoặc \"Cơ quan\"."),
    "missing-sheet": (ERROR, "Thiếu sheet \"{sheet}\".",
                      "Dùng mẫu trống trong input_templates/; không xóa hay đổi tên sheet."),
    "missing-column": (ERROR, "Thiếu cột \"{column}\" ở dòng tiêu đề.",
                       "Khôi phục tên cột đúng như mẫu: {expected}."),
    "duplicate-column": (ERROR, "Cột \"{column}\" có hai lần ở dòng tiêu đề ({cells}): chương "
                                "trình không đoán cột nào là đúng.",
                         "Xóa cột thừa, hoặc đổi tên cột thêm riêng (cột riêng phải có tên khác "
                         "các cột của mẫu)."),
    "duplicate-info": (ERROR, "Dòng \"{column}\" có hai lần ở cột Mục ({cells}): chương trình "
                              "không đoán dòng nào là đúng.",
                       "Xóa dòng thừa, chỉ giữ một dòng \"{column}\"."),
    "duplicate-sheet": (ERROR, "Có hai sheet cùng tên \"{sheet}\": {names}. Một sheet có thể "
                               "đang ẩn, hoặc tên chỉ khác nhau ở chữ hoa, khoảng trắng, cách gõ "
                               "dấu; chương trình không đoán sheet nào là đúng.",
                        "Chuột phải vào tên một sheet › Unhide để hiện sheet ẩn; xóa sheet thừa "
                        "(hoặc đổi tên nó cho khác hẳn), chỉ giữ một sheet \"{sheet}\"."),
    "missing-info": (ERROR, "Thiếu dòng \"{column}\" ở cột Mục.",
                     "Khôi phục dòng \"{column}\" như mẫu."),
    "required": (ERROR, "Ô \"{column}\" bắt buộc nhưng đang trống.", "Nhập {column}."),
    "not-text": (ERROR, "Ô \"{column}\" chứa {what} \"{value}\" thay vì chữ: có thể đã dán nhầm "
                        "cột hoặc gõ nhầm ô.",
                 "Gõ lại {column} bằng chữ; nếu cột bị lệch khi dán, dán lại đúng cột."),
    "bad-choice": (ERROR, "\"{value}\" không có trong danh sách của cột \"{column}\".",
                   "Chọn một trong: {allowed}."),
    "bad-number": (ERROR, "\"{value}\" ở cột \"{column}\" không phải là số.",
                   "Nhập số, ví dụ {example}."),
    "bad-year": (ERROR, "Năm \"{value}\" không phải là một năm báo cáo.",
                 "Nhập năm 4 chữ số, ví dụ 2023."),
    "implausible-birth-year": (WARNING, "Năm sinh {value} không hợp lý cho người làm việc năm "
                                        "{year} (thường từ {low} đến {high}).",
                               "Kiểm tra lại năm sinh (4 chữ số, ví dụ 1985); không rõ thì để "
                               "trống."),
    "implausible-date": (WARNING, "Ngày {value} ở cột \"{column}\" cách năm báo cáo {year} hơn "
                                  "một năm: có thể gõ nhầm năm.",
                         "Kiểm tra lại ngày; nếu đúng như vậy thì không cần sửa."),
    "bad-date": (ERROR, "\"{value}\" ở cột \"{column}\" không phải là ngày.",
                 "Nhập ngày dạng ngày/tháng/năm, ví dụ 28/02/2023."),
    "bad-target": (ERROR, "Mức đăng ký \"{value}\" không phải là số.",
                   "Nhập tỷ lệ dạng 15 hoặc 15%, số lượng dạng 3."),
    "negative-target": (ERROR, "Mức đăng ký \"{value}\" là số âm.",
                        "Nhập mức từ 0 trở lên: tỷ lệ dạng 15 hoặc 15%, số lượng dạng 3."),
    "target-over-100": (ERROR, "Mức đăng ký \"{value}\" là {percent}, quá 100% cho một tỷ lệ.",
                        "Nhập tỷ lệ từ 0 đến 100, ví dụ 15 hoặc 15%; nếu chỉ tiêu là số lượng, "
                        "chọn lại Chỉ số."),
    "target-read-as": (WARNING, "Mức đăng ký {value} được hiểu là {percent}.",
                       "Nếu đúng là {percent}, không cần sửa (hoặc gõ {percent} cho rõ); nếu là "
                       "{value}%, gõ {value}%."),
    "missing-target": (ERROR, "Chỉ tiêu có Chỉ số nhưng thiếu Mức đăng ký.",
                       "Nhập mức đăng ký, ví dụ 100 hoặc 15%."),
    "missing-result": (WARNING, "Chỉ tiêu \"{pledge}\" không có Chỉ số và chưa nhập Kết quả.",
                       "Nhập Kết quả: Đạt, Không đạt hoặc Chờ kết quả; tạm tính Chờ kết quả."),
    "duplicate-person": (ERROR, "{name} có tên ở cả {first} và {second}.",
                         "Mỗi người chỉ ghi ở một đơn vị; nếu là hai người trùng tên, "
                         "nhập Năm sinh cho cả hai."),
    "duplicate-unit": (ERROR, "Đơn vị \"{unit}\" có ở hai tệp: {first} và {second}.",
                       "Bỏ tệp thừa khỏi thư mục đầu vào."),
    "year-mismatch": (ERROR, "Năm {value} khác năm báo cáo {expected} của phiếu Cơ quan.",
                      "Sửa Năm cho đúng, hoặc bỏ tệp của năm khác khỏi thư mục."),
    "no-agency": (ERROR, "Không có phiếu Cơ quan trong thư mục đầu vào.",
                  "Thêm tệp mẫu cơ quan (mau_co_quan.xlsx) đã điền."),
    "two-agencies": (ERROR, "Có {count} phiếu Cơ quan: {files}.", "Chỉ để lại một phiếu Cơ quan."),
    "no-units": (ERROR, "Không có phiếu Đơn vị nào trong thư mục đầu vào.",
                 "Thêm các tệp mẫu đơn vị (mau_don_vi.xlsx) đã điền."),
    "collective-missing": (ERROR, "Đơn vị là tập thể xét danh hiệu nhưng thiếu \"{column}\".",
                           "Nhập {column} cho đơn vị."),
    "roster-empty": (WARNING, "Sheet \"Đơn vị\" của phiếu Cơ quan chưa có đơn vị nào (hoặc phiếu "
                              "theo mẫu cũ, chưa có sheet này): chương trình không kiểm tra được "
                              "đơn vị nào còn thiếu phiếu.",
                     "Ghi vào sheet \"Đơn vị\" mỗi đơn vị phải gửi phiếu một dòng (cả nhóm Lãnh "
                     "đạo); phiếu theo mẫu cũ: chạy python run.py init, chép dữ liệu sang mẫu "
                     "mau_co_quan.xlsx mới."),
    "roster-no-workbook": (ERROR, "Đơn vị \"{unit}\" (dòng {row} sheet Đơn vị) không có phiếu "
                                  "nào đọc được trong thư mục đầu vào: báo cáo sẽ thiếu cả đơn vị "
                                  "này.",
                           "Chép phiếu của đơn vị vào thư mục đầu vào (nếu đã có mà không đọc "
                           "được, xem lỗi của tệp đó); nếu ô Tên đơn vị ở phiếu gõ khác, sửa cho "
                           "giống hệt nhau; nếu đơn vị không còn phải gửi phiếu, xóa dòng này."),
    "roster-twice": (ERROR, "Đơn vị \"{unit}\" có hai lần ở sheet Đơn vị (lần đầu ở dòng {row}).",
                     "Xóa dòng thừa."),
    "unit-not-listed": (ERROR, "Đơn vị \"{unit}\" không có trong sheet Đơn vị của phiếu Cơ quan "
                               "({agency}).{hint}",
                        "Nếu ô Tên đơn vị gõ khác, sửa cho đúng như ở sheet Đơn vị; nếu là đơn "
                        "vị mới, thêm một dòng ở sheet Đơn vị; nếu tệp chép nhầm vào, bỏ tệp khỏi "
                        "thư mục đầu vào."),
    "not-a-workbook": (WARNING, "Tệp không phải sổ Excel nên không được đọc.",
                       "Bỏ tệp khỏi thư mục đầu vào nếu không cần."),
    "unknown-document": (WARNING, "Phong trào nêu văn bản \"{value}\" không có ở sheet Văn bản.",
                         "Thêm văn bản vào sheet Văn bản hoặc sửa số ký hiệu."),
    "ldtt-rule": (WARNING, "{name} ({unit}) đạt Lao động tiên tiến nhưng {reason}.",
                  "Lao động tiên tiến cần xếp loại Hoàn thành tốt nhiệm vụ trở lên và không bị "
                  "kỷ luật ({basis}). Kiểm tra lại xếp loại, danh hiệu."),
    "cstdcs-rule": (WARNING, "{name} ({unit}) đạt Chiến sĩ thi đua cơ sở nhưng {reason}.",
                    "Chiến sĩ thi đua cơ sở cần đạt Lao động tiên tiến và có sáng kiến được "
                    "công nhận ({basis})."),
    "cstdcs-quota": (WARNING, "Có {count} Chiến sĩ thi đua cơ sở, vượt {cap} của {base} người "
                              "đạt Lao động tiên tiến (tối đa {limit}).",
                     "Xem lại danh sách ({basis}): {names}."),
    "excellent-quota": (WARNING, "Có {count} cá nhân Hoàn thành xuất sắc nhiệm vụ, vượt {cap} của "
                                 "{base} người {who} (tối đa {limit}).",
                        "Xem lại xếp loại ({basis}): {names}."),
    "ttldtt-rule": (WARNING, "Tập thể {unit} đạt Tập thể lao động tiên tiến nhưng {reason}.",
                    "Xem lại danh hiệu tập thể ({basis})."),
    "ttldxs-rule": (WARNING, "Tập thể {unit} đạt Tập thể lao động xuất sắc nhưng {reason}.",
                    "Xem lại danh hiệu tập thể ({basis})."),
    "task-no-date": (WARNING, "Nhiệm vụ \"{task}\" đã hoàn thành nhưng không có Ngày hoàn thành "
                              "hoặc Hạn hoàn thành; được tính là đúng hạn.",
                     "Nhập Hạn hoàn thành và Ngày hoàn thành."),
    "no-denominator": (WARNING, "Chỉ số \"{metric}\" không tính được vì {reason}; chỉ tiêu "
                                "tương ứng để Chờ kết quả.",
                       "Kiểm tra dữ liệu của chỉ số này."),
    # --- the year-end dossier (output/<năm>/ho_so/) ---
    "ho-so-chan": (HOLD, "Chưa lập {document}: {reason}",
                   "{fix} Sửa xong, chạy lại: báo cáo và các văn bản khác của hồ sơ vẫn được lập "
                   "như thường."),
    "ho-so-can-cu": (HOLD, "Chưa lập {document}: config.toml không có {what} cho ngày quyết "
                           "định {day}.",
                     "Thêm vào config.toml một bảng [[ho_so.{table}]] có tu_ngay không sau ngày "
                     "{day}, hoặc sửa Ngày quyết định khen thưởng ở sheet Thông tin của phiếu Cơ "
                     "quan."),
    "ho-so-thieu": (WARNING, "Phiếu Cơ quan chưa có \"{column}\": {effect}.",
                    "Nhập {column} ở sheet Thông tin của phiếu Cơ quan (phiếu theo mẫu cũ chưa có "
                    "dòng này: chạy python run.py init, chép dữ liệu sang mẫu mau_co_quan.xlsx "
                    "mới)."),
    "ho-so-ngay": (WARNING, "Ngày quyết định khen thưởng {value} không thuộc năm {year} hay năm "
                            "{next}: có thể gõ nhầm năm.",
                   "Kiểm tra lại ngày: căn cứ pháp lý và mức lương cơ sở tính tiền thưởng được "
                   "chọn theo ngày này."),
    "ho-so-ngay-lay": (WARNING, "Các quyết định khen thưởng ghi ngày {value} (lấy theo {source}, "
                                "vì chưa có \"Ngày quyết định khen thưởng\"), không thuộc năm "
                                "{year} hay năm {next}.",
                       "Nhập Ngày quyết định khen thưởng ở ô này: căn cứ pháp lý và mức lương cơ "
                       "sở tính tiền thưởng được chọn theo ngày đó."),
    # --- the council's bình xét (sheets Hội đồng and Bình xét of the agency form) ---
    "bad-votes": (ERROR, "Số phiếu đồng ý {value} là số âm.",
                  "Nhập số thành viên Hội đồng đồng ý, từ 0 trở lên."),
    "council-info": (ERROR, "Sheet Bình xét có dòng nhưng chưa có \"{column}\": biên bản họp Hội "
                            "đồng cần dòng này.",
                     "Nhập {column} ở sheet Thông tin (phiếu theo mẫu cũ chưa có dòng này: chạy "
                     "python run.py init, chép dữ liệu sang mẫu mau_co_quan.xlsx mới)."),
    "council-empty": (ERROR, "Sheet Bình xét có dòng nhưng sheet Hội đồng chưa có thành viên nào: "
                             "không tính được số thành viên có mặt, tỷ lệ phiếu.",
                      "Ghi mỗi thành viên Hội đồng Thi đua - Khen thưởng một dòng ở sheet Hội "
                      "đồng, kể cả người vắng mặt (Có mặt: Không)."),
    "council-chair": (ERROR, "Hội đồng có {count} người là Chủ tịch: cần đúng một người.",
                      "Chọn Chức danh trong Hội đồng \"Chủ tịch\" cho một người (thường là Thủ "
                      "trưởng cơ quan); người khác là Phó Chủ tịch hoặc Ủy viên."),
    "council-secretary": (ERROR, "Hội đồng chưa có ai là \"Ủy viên - Thư ký\": biên bản cần "
                                 "người ghi biên bản ký.",
                          "Chọn Chức danh trong Hội đồng \"Ủy viên - Thư ký\" cho người làm thư "
                          "ký Hội đồng."),
    "vote-unknown": (ERROR, "\"{subject}\" ở sheet Bình xét không có {what} ở phiếu nào của các "
                            "đơn vị.{hint}",
                     "Gõ đúng họ và tên (hoặc tên đơn vị) như ở phiếu của đơn vị; nếu người này "
                     "không thuộc cơ quan, xóa dòng."),
    "vote-namesake": (ERROR, "\"{subject}\" ở sheet Bình xét trùng tên {count} người: {who}.",
                      "Nhập Đơn vị hoặc Năm sinh ở dòng này để chỉ rõ người được bình xét."),
    "vote-not-given": (ERROR, "Hội đồng bỏ phiếu \"{award}\" cho {who} nhưng phiếu của đơn vị "
                              "không ghi danh hiệu, hình thức này ({given}).",
                       "Sửa cột Danh hiệu, hình thức cho đúng như ở phiếu của đơn vị; nếu đơn vị "
                       "ghi thiếu, sửa phiếu của đơn vị rồi chạy lại."),
    "vote-twice": (ERROR, "{who} được bỏ phiếu \"{award}\" hai lần (lần đầu ở dòng {row}).",
                   "Giữ một dòng với kết quả bỏ phiếu đúng, xóa dòng thừa."),
    "vote-too-many": (ERROR, "Số phiếu đồng ý {votes} nhiều hơn số thành viên Hội đồng có mặt "
                             "({present}).",
                      "Kiểm tra lại số phiếu, hoặc cột Có mặt ở sheet Hội đồng."),
    "vote-failed": (WARNING, "{who} không được Hội đồng thông qua \"{award}\" (dòng {row} sheet "
                             "Bình xét): {votes} phiếu đồng ý ({share}), cần {rule}; không đưa "
                             "vào {where}.",
                    "Báo cáo vẫn tính theo phiếu của đơn vị; nếu Hội đồng không công nhận danh "
                    "hiệu, sửa phiếu của đơn vị cho khớp. Ngưỡng lấy ở [[ho_so.nguong_phieu]] "
                    "của config.toml, đặt theo quy chế của cơ quan."),
    "no-quorum": (WARNING, "Cuộc họp Hội đồng (sheet Hội đồng) chỉ có {present}/{total} thành "
                           "viên có mặt, chưa đạt {rule}: mọi kết quả bỏ phiếu không có giá trị, "
                           "không danh hiệu, hình thức nào được đưa vào quyết định hay tờ trình.",
                  "Họp lại khi đủ thành viên rồi nhập kết quả mới; kiểm tra cột Có mặt ở sheet "
                  "Hội đồng. Tỷ lệ lấy ở ho_so.hoi_dong_dinh_so của config.toml."),
    "ho-so-chua-binh-xet": (HOLD, "Chưa lập {document}: {who} có {award} ở phiếu của đơn vị "
                                  "nhưng sheet Bình xét không có dòng bỏ phiếu nào.",
                "Thêm một dòng ở sheet Bình xét của phiếu Cơ quan với số phiếu đồng ý của Hội "
                "đồng; nếu Hội đồng không xét, sửa phiếu của đơn vị. Sửa xong, chạy lại: báo cáo "
                "và các văn bản khác của hồ sơ vẫn được lập như thường."),
    "ho-so-dieu-kien": (HOLD, "Chưa lập {document} (đề nghị \"{award}\"): {reason}",
                     "{fix} Sửa xong, chạy lại: báo cáo và các văn bản khác của hồ sơ vẫn được "
                     "lập như thường."),
    "ho-so-doi-chieu": (WARNING, "{who} được đề nghị \"{award}\": cần đối chiếu hồ sơ các năm "
                                 "trước ({need}).",
                            "Chương trình chỉ có số liệu năm nay: kiểm tra hồ sơ các năm trước "
                            "trước khi trình ký tờ trình."),
    # --- the khối thi đua (python run.py khoi) ---
    "khoi-book-here": (ERROR, "Tệp là phiếu Khối thi đua, không dùng cho báo cáo của một cơ quan.",
                       "Chuyển tệp sang thư mục của khối (mặc định input_khoi/) rồi chạy "
                       "python run.py khoi."),
    "khoi-agency-book": (ERROR, "Phiếu {what} nằm thẳng trong thư mục của khối.",
                         "Mỗi cơ quan thành viên một thư mục con chứa các phiếu của cơ quan đó; "
                         "hoặc chỉ đặt tệp kết quả ket_qua_<năm>.json của cơ quan vào thư mục "
                         "khối."),
    "khoi-two-books": (ERROR, "Có {count} phiếu Khối: {files}.", "Chỉ để lại một phiếu Khối."),
    "khoi-no-book": (WARNING, "Không có phiếu Khối trong thư mục của khối: không kiểm tra được "
                              "thành viên còn thiếu, không có điểm cộng; phần đầu và phần ký của "
                              "báo cáo để trống để điền tay.",
                     "Chạy python run.py init, điền input_templates/mau_khoi.xlsx rồi đặt vào "
                     "thư mục của khối."),
    "khoi-empty": (ERROR, "Thư mục của khối không có kết quả nào của cơ quan thành viên.",
                   "Đặt vào thư mục các tệp ket_qua_<năm>.json của các cơ quan, hoặc mỗi cơ quan "
                   "một thư mục con chứa các phiếu của cơ quan đó."),
    "khoi-bad-result": (ERROR, "Tệp kết quả không dùng được: {reason}.",
                        "Lập lại kết quả của cơ quan bằng phiên bản hiện hành (python run.py) và "
                        "chép tệp ket_qua_<năm>.json mới vào thư mục; hoặc bỏ tệp khỏi thư mục."),
    "khoi-member-errors": (ERROR, "Các phiếu của cơ quan trong thư mục {folder} còn {count} lỗi "
                                  "nên chưa tính được kết quả (các lỗi được liệt kê kèm ô).",
                           "Gửi lại cho cơ quan sửa các ô đã nêu, hoặc thay thư mục bằng tệp "
                           "ket_qua_<năm>.json của cơ quan."),
    "khoi-year": (ERROR, "Kết quả của {agency} là năm {value}, khác năm {expected} của khối.",
                  "Dùng kết quả năm {expected} của cơ quan; bỏ tệp năm khác khỏi thư mục."),
    "khoi-duplicate": (ERROR, "{agency} có hai kết quả khác nhau: {first} và {second}.",
                       "Giữ lại kết quả đúng (thường là lần chạy sau cùng), bỏ tệp kia."),
    "khoi-duplicate-same": (WARNING, "{agency} có hai kết quả giống hệt nhau: {first} và "
                                     "{second}; chỉ tính một lần.", "Bỏ tệp thừa."),
    "khoi-missing": (WARNING, "Chưa có kết quả của thành viên {agency}: cơ quan này chưa được chấm "
                              "điểm, xếp hạng.",
                     "Đặt tệp ket_qua_<năm>.json hoặc thư mục phiếu của cơ quan vào thư mục của "
                     "khối rồi chạy lại."),
    "khoi-not-member": (WARNING, "{agency} không có trong sheet Thành viên của phiếu Khối nên "
                                 "không được tính vào khối.",
                        "Nếu là thành viên, thêm vào sheet Thành viên (đúng tên hoặc ký hiệu); nếu "
                        "không, bỏ tệp khỏi thư mục."),
    "khoi-member-twice": (ERROR, "Cơ quan \"{agency}\" có hai lần ở sheet Thành viên.",
                          "Xóa dòng thừa."),
    "khoi-bonus-unknown": (ERROR, "Cơ quan \"{agency}\" ở sheet Điểm cộng không có trong sheet "
                                  "Thành viên.",
                           "Gõ đúng tên hoặc ký hiệu cơ quan như ở sheet Thành viên."),
    "khoi-tie": (WARNING, "{names} bằng điểm nhau ({points} điểm) ở vị trí đề nghị {award}, "
                          "vượt số suất ({left}).",
                 "Khối bình xét, biểu quyết; ghi kết quả bình xét thành một dòng ở sheet Điểm "
                 "cộng rồi chạy lại."),
}


# Codes for a file that was not read at all (refused by its bytes, before or instead of any
# reader): nothing may open it again, e.g. to make a send-back copy.
NOT_READ = frozenset({"unreadable", "empty-file", "not-xlsx-content", "password-protected",
                      "too-large", "sheet-too-large", "unsafe-xml", "symlink"})


@dataclass(frozen=True)
class Issue:
    """One problem, located as precisely as the data allows."""

    code: str
    severity: str
    message: str
    fix: str
    file: str = ""
    sheet: str = ""
    cell: str = ""

    @property
    def blocking(self) -> bool:
        return self.severity == ERROR

    def place(self) -> str:
        return " › ".join(p for p in (self.file, self.sheet, self.cell) if p)


def issue(code: str, file: str = "", sheet: str = "", cell: str = "", **fields: object) -> Issue:
    """Build an issue from the catalogue; `fields` fill the message and fix templates."""
    severity, message, fix = CATALOGUE[code]
    fields = {"sheet": sheet, **fields}  # some texts name their sheet ("Thiếu sheet …")
    return Issue(code, severity, message.format(**fields), fix.format(**fields), file, sheet, cell)


def blocking(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.blocking]


def rank(i: Issue) -> int:
    """Errors first, then what holds a dossier document back, then warnings."""
    return {ERROR: 0, HOLD: 1}.get(i.severity, 2)
