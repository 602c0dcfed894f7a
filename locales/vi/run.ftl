# Lần chạy: kết quả, ghi tệp, lỗi hệ thống.

run-invalid-files = { $excluded }/{ $total } tệp có lỗi; chưa ghi gì (dùng --keep-going để chấm các đơn vị hợp lệ)
run-invalid-year = { $excluded }/{ $total } tệp chấm theo { $criteria } có lỗi; chưa ghi gì
run-nothing-scored = không chấm được đơn vị nào; chưa ghi gì
run-nothing-scored-for-year = không có bảng tự đánh giá nào cho { $criteria }; chưa ghi gì
run-record = không ghi lại được thông tin lần chạy: { $reason }
run-render = không tạo được kết quả: { $reason }
explain-invalid = không chấm được { $file }; hãy sửa các lỗi trên

publish-input = không ghi { $path }: đó chính là tệp đầu vào { $input } và sẽ bị ghi đè; chưa ghi gì
publish-not-a-file = không ghi được { $path }: đây là { $kind }
publish-busy = không ghi được { $path }: một lần chạy parindex khác (hoặc chương trình khác) đang ghi tệp này; hãy thử lại khi xong
publish-cannot-write = không ghi được { $path }: { $reason }
publish-restore = không ghi được { $manifest }: { $reason }; { $result } mới đã được ghi mà không có manifest, và không đặt lại được { $result } cũ ({ $restore }): bản cũ nằm ở { $backup } cho đến lần chạy sau trong thư mục đó
publish-unremoved = không ghi được { $manifest }: { $reason }; { $result } mới đã được ghi mà không có manifest và không xoá được ({ $remove })
publish-stdout = không ghi được ra màn hình: { $reason }

not-a-file-folder = một thư mục; hãy đặt tên một tệp trong đó
not-a-file-stream-link = một liên kết tới { $to }, không phải tệp thường; để ghi ra màn hình, bỏ -o
not-a-file-link = một liên kết tới { $to }, không phải tệp thường; hãy ghi thẳng vào tệp đó
not-a-file-pipe = một đường ống (pipe), không phải tệp thường; để ghi ra màn hình, bỏ -o
not-a-file-socket = một socket, không phải tệp thường; để ghi ra màn hình, bỏ -o
not-a-file-device = một thiết bị, không phải tệp thường; để ghi ra màn hình, bỏ -o
not-a-file-other = không phải tệp thường; để ghi ra màn hình, bỏ -o

io-not-found = không tìm thấy
io-permission = không có quyền truy cập
io-exists = đã có sẵn
io-folder = đây là thư mục
io-not-folder = một phần của đường dẫn không phải thư mục
io-full = ổ đĩa đã đầy
io-read-only = ổ đĩa chỉ cho phép đọc
io-invalid-data = nội dung không đọc được (không phải văn bản UTF-8?)
io-broken-pipe = nơi nhận đã đóng
io-other = lỗi hệ thống

explain-unknown-code = tiêu chí { $code } không có trong bộ tiêu chí "{ $framework }"
explain-basis-appraised = điểm thẩm định
explain-basis-self = điểm tự đánh giá
explain-unit = { $name } ({ $code }), năm { $year } — { $file }, trang tính '{ $sheet }'
explain-rules = Bộ tiêu chí { $framework }; chấm theo cột { $basis }; tiêu chí không phát sinh (KPS) không tính vào cả điểm lẫn điểm tối đa
explain-total = Tổng: { $total }
explain-index = Chỉ số: { $index }
explain-column-survey = thẩm định (điều tra xã hội học)
explain-column-appraised = thẩm định
explain-column-self = tự đánh giá
explain-not-applicable = không phát sinh, không tính điểm tối đa { $max }
explain-not-applicable-full = không phát sinh, tính đủ điểm tối đa { $max }
explain-rule-leaf = { $points }  ← tính từ số liệu: { $rule } (trang tính '{ $sheet }', { $cells })
explain-rule-points = { $points } điểm
explain-rule-nothing-arose = không phát sinh
explain-rule-rounded = , { $rounding } về bội số của { $step }
rounding-truncate = làm tròn xuống
rounding-half-away = làm tròn (từ 0,5 lên)
rounding-half-even = làm tròn (0,5 về số chẵn)
explain-leaf = { $points }  ← { $counted } { $cell } (cột kia: { $other } { $other_cell })
explain-empty-cell = { $cell } (trống)
explain-rolled-up = tối đa { $max }, { $not_applicable } không phát sinh

input-not-regular = không phải tệp thường mà là { $kind }
input-too-large = tệp dài { $size }, quá giới hạn { $limit } của { $what }
input-not-utf8 = nội dung không phải văn bản UTF-8
input-kind-workbook = một bảng tự đánh giá
input-kind-criteria = một tệp bộ tiêu chí
input-kind-results = một tệp kết quả
input-kind-mapping = một tệp ánh xạ
input-kind-manifest = một manifest
file-kind-folder = một thư mục
file-kind-pipe = một đường ống (named pipe)
file-kind-device = một thiết bị
file-kind-socket = một socket
file-kind-other = một tệp đặc biệt
explain-column-external = tệp điểm ngoài
score-missing-external = chưa có điểm của đơn vị { $unit } cho tiêu chí { $code } trong tệp điểm ngoài (--external); hoặc chấm tạm tính với --preliminary
