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
roster-place-line = dòng { $line }
roster-place-row = trang tính '{ $sheet }', dòng { $row }
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
