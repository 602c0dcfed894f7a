# Tài liệu kèm theo quyết định: thông tin quyết định, danh sách đơn vị, phiếu kết quả từng đơn vị,
# bản Word.

input-kind-decision = một tệp thông tin quyết định
input-kind-roster = một danh sách đơn vị

decision-io = không đọc được tệp thông tin quyết định { $path }: { $reason }
decision-syntax = tệp thông tin quyết định { $path } không hợp lệ: { $message }
decision-date = ngày { $date } không phải một ngày có thật (viết năm-tháng-ngày, ví dụ 2022-12-30)
decision-empty-field = tệp thông tin quyết định { $path }: { $field } không được để trống

roster-io = không đọc được danh sách đơn vị { $path }: { $reason }
roster-extension = danh sách đơn vị { $path } phải là tệp .csv hoặc bảng tính (.xlsx, .xls, .ods)
roster-unreadable = không đọc được danh sách đơn vị { $path }: { $reason }
roster-no-header = danh sách đơn vị { $path } không có dòng tiêu đề gồm "Mã đơn vị" (unit_code) và "Tên đơn vị" (unit_name) trong { "20" } dòng đầu
roster-no-code = danh sách đơn vị { $path }, { $place }: có tên đơn vị nhưng thiếu mã đơn vị
roster-duplicate = danh sách đơn vị { $path }, { $place }: mã đơn vị { $code } đã có ở { $first }
roster-empty = danh sách đơn vị { $path } không có đơn vị nào
table-place-line = dòng { $line }
table-place-row = trang tính '{ $sheet }', dòng { $row }
roster-not-listed = mã đơn vị { $code } không có trong danh sách đơn vị { $roster }

arg-score-decision = Tệp thông tin quyết định công bố kết quả (TOML): số, ngày, cơ quan ban hành được in trên phụ lục
arg-score-roster = Danh sách các đơn vị phải nộp (CSV hoặc bảng tính có cột Mã đơn vị, Tên đơn vị): đơn vị không có bảng tự đánh giá được ghi "chưa nộp"
arg-score-accept-missing = Chấp nhận đơn vị trong danh sách chưa nộp: kết quả vẫn là đầy đủ (mã thoát 0)
arg-score-per-unit = Ghi phiếu kết quả của từng đơn vị vào thư mục này (MÃ.xlsx), để gửi lại cho đơn vị
placeholder-dir = THƯ_MỤC
value-docx = bản Word của phụ lục, để soạn quyết định
output-docx-needs-file = --format docx ghi ra một văn bản Word: hãy đặt tên tệp bằng -o TỆP.docx
output-docx-score-only = bản Word (docx) chỉ dành cho phụ lục của lệnh score; lệnh compare ghi table, csv, json hoặc xlsx
output-kind-docx = bản Word của phụ lục
per-unit-wrote = đã ghi { $sheets } phiếu kết quả vào { $folder }
score-not-submitted = KẾT QUẢ CHƯA ĐẦY ĐỦ: { $units } đơn vị trong danh sách chưa nộp bảng tự đánh giá (dùng --accept-missing để chấp nhận):
score-not-submitted-accepted = { $units } đơn vị trong danh sách chưa nộp, được ghi "chưa nộp":
score-not-submitted-unit = chưa nộp: { $code } { $name }
per-unit-same-file = mã đơn vị { $first } và { $second } cho cùng một tên tệp phiếu kết quả { $file }; hãy sửa một trong hai mã
input-kind-external = tệp điểm ngoài
external-io = không đọc được tệp điểm ngoài { $path }: { $reason }
external-extension = tệp điểm ngoài { $path } phải là tệp .csv hoặc bảng tính (.xlsx, .xls, .ods)
external-unreadable = không đọc được tệp điểm ngoài { $path }: { $reason }
external-no-header = tệp điểm ngoài { $path } không có dòng tiêu đề gồm "Mã đơn vị" (unit_code), "Mã tiêu chí" (criterion_code) và "Điểm" (points) hoặc các cột A, B, C, D trong 20 dòng đầu
external-invalid = tệp điểm ngoài { $path } có lỗi:
external-place = { $place }, cột { $column }
external-no-unit = thiếu mã đơn vị
external-unknown-criterion = "{ $code }" không phải tiêu chí lấy điểm từ tệp ngoài của bộ tiêu chí { $framework }
external-not-a-number = "{ $text }" không phải số
external-tally = số phiếu { $number } phải là số nguyên không âm
external-both = dòng ghi cả điểm lẫn số phiếu A, B, C, D; chỉ ghi một trong hai
external-neither = dòng không có điểm cũng không có số phiếu A, B, C, D
external-no-weights = bộ tiêu chí { $framework } không khai báo survey_weights nên không quy đổi được số phiếu; ghi điểm
external-no-answers = tổng số phiếu bằng 0
external-above-max = điểm { $points } nằm ngoài khoảng 0 đến điểm tối đa { $max } của tiêu chí { $code }
external-duplicate = đơn vị { $unit }, tiêu chí { $code } đã có điểm ở { $first }
external-unknown-unit = đơn vị { $unit } không có bảng tự đánh giá nào trong lần chấm này (cũng không có trong danh sách đơn vị)
arg-score-external = Điểm các thành phần lấy từ ngoài biểu mẫu (điều tra xã hội học, đánh giá của lãnh đạo): CSV hoặc bảng tính có cột Mã đơn vị, Mã tiêu chí và Điểm, hoặc số phiếu A, B, C, D
arg-score-preliminary = Chấm tạm tính chỉ từ biểu mẫu, không tính các thành phần lấy từ ngoài vào điểm và điểm tối đa; mọi kết quả ghi "tạm tính"
arg-explain-external = Điểm các thành phần lấy từ ngoài biểu mẫu, như với lệnh score
arg-explain-preliminary = Không tính các thành phần lấy từ ngoài biểu mẫu, như với lệnh score
external-unknown-units = tệp điểm ngoài có điểm của đơn vị không được chấm lần này:
