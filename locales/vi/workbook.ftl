# Bảng tự đánh giá: đọc tệp, tìm bảng, đọc từng ô.

place-sheet = trang tính '{ $sheet }'
place-cell = ô { $cell }
place-criterion = tiêu chí { $code }

input-missing = không có tệp hay thư mục này
input-cannot-list = không đọc được danh sách tệp trong thư mục: { $reason }
input-folder-named-like-a-workbook = đây là một thư mục mang tên như bảng tính, không phải tệp bảng tính
input-refused = không đọc được tệp: { $reason }
input-unreadable = không đọc được tệp: { $reason }
unit-code-duplicate = mã đơn vị "{ $code }" cũng được dùng trong { $others }{ $more ->
        [0] {""}
       *[other] { "" } và { $more } tệp khác
    }; mỗi đơn vị phải có mã riêng

skip-already-given = đã có (mỗi tệp chỉ đọc một lần)
skip-broken = không đọc được (liên kết hỏng?)
skip-sub-folder = thư mục con (không đọc thư mục bên trong thư mục)
skip-not-regular = không phải tệp thường ({ $kind })
skip-lock-file = tệp khoá của chương trình bảng tính
skip-not-a-workbook = không phải bảng tính (.xlsx, .xlsm, .xls, .ods)
skip-no-workbooks = thư mục không có bảng tự đánh giá nào (.xlsx, .xlsm, .xls, .ods); hãy kiểm tra lại đường dẫn
skip-no-workbooks-but-sub-folders = thư mục không có bảng tự đánh giá nào, nhưng các thư mục con sau thì có: { $folders }; hãy ghi tên các thư mục con đó trong lệnh

workbook-empty = tệp rỗng, không phải bảng tính; hãy xin đơn vị gửi lại
workbook-html = đây là một trang web (HTML) được đặt tên như bảng tính, không phải bảng tính thật; hãy mở bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx
workbook-text = đây là một tệp văn bản (CSV hoặc danh sách) được đặt tên như bảng tính; hãy mở bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx
workbook-pdf = đây là một tệp PDF, không phải bảng tính; hãy xin đơn vị gửi bảng tính (.xlsx)
workbook-document = đây là một văn bản Word hoặc PowerPoint được đặt tên như bảng tính; hãy xin đơn vị gửi bảng tính (.xlsx)
workbook-unknown = không phải bảng tính (.xlsx, .xlsm, .xls, .ods)
workbook-xlsb = đây là bảng tính nhị phân của Excel (.xlsb), parindex không đọc được; hãy mở bằng Excel và lưu lại dạng .xlsx
workbook-damaged = tệp bị hỏng, không đọc được; hãy mở bằng Excel hoặc LibreOffice và lưu lại (hoặc xin đơn vị gửi lại)
workbook-password = tệp được đặt mật khẩu; hãy mở bằng Excel, bỏ mật khẩu và lưu lại
sheet-unreadable = không đọc được trang tính này

limit-content = nội dung
limit-formula = một công thức
limit-text = chữ
limit-formula-text = chữ trong công thức
limit-file = tệp dài { $size }, quá giới hạn { $limit } của một bảng tự đánh giá (biểu mẫu chỉ vài chục KB); hãy mở bằng chương trình bảng tính, xoá hình ảnh và các trang tính không cần rồi lưu lại
limit-parts = tệp có { $parts } phần, quá giới hạn { $limit } (biểu mẫu chỉ có vài chục phần); hãy mở bằng chương trình bảng tính và lưu lại
limit-part = phần { $part } khi giải nén dài { $size }, quá giới hạn { $limit } (các phần của biểu mẫu chỉ vài trăm KB); hãy mở bằng chương trình bảng tính và lưu lại
limit-unpacked = các phần của tệp khi giải nén dài tổng cộng { $size }, quá giới hạn { $limit }; hãy mở bằng chương trình bảng tính, xoá những gì biểu mẫu không cần rồi lưu lại
limit-sheets = tệp có { $sheets } trang tính, quá giới hạn { $limit }
limit-sheet-area = { $content } ở ô này kéo vùng dùng của trang tính thành { $rows } dòng × { $columns } cột, lớn hơn nhiều so với biểu mẫu; hãy xoá nó (Ctrl+End trong chương trình bảng tính sẽ đến ô này) rồi lưu lại
limit-cells = { $content } ở ô này kéo vùng dùng của trang tính thành { $rows } dòng × { $columns } cột; cùng các trang tính trước, tệp sẽ cần { $total } ô, quá giới hạn { $limit } ô cho cả tệp; hãy xoá nó (Ctrl+End sẽ đến ô này) rồi lưu lại
limit-declared-area = trang tính khai báo vùng dùng { $rows } dòng × { $columns } cột, quá giới hạn { $limit } ô; hãy xoá các dòng, cột biểu mẫu không dùng rồi lưu lại
limit-text-cell = một đoạn chữ dài { $chars } ký tự, quá giới hạn { $limit } ký tự của một ô (giới hạn của Excel); hãy rút ngắn rồi lưu lại
limit-text-file = tệp có một đoạn chữ dài { $chars } ký tự, quá giới hạn { $limit } ký tự của một ô (giới hạn của Excel)
limit-text-total = tệp có tổng cộng { $size } { $content }, quá giới hạn { $limit } (biểu mẫu chỉ vài trăm KB)
limit-shared-strings = bảng chữ dùng chung khai báo { $strings } đoạn, quá giới hạn { $limit }; hãy mở bằng chương trình bảng tính và lưu lại
limit-styles = { $formats } định dạng ô sẽ chiếm { $size } khi đọc, quá giới hạn { $limit }; hãy mở bằng chương trình bảng tính, xoá định dạng của các ô không dùng rồi lưu lại

table-two-sheets = cả trang tính '{ $first }' và trang tính '{ $second }' đều có bảng tiêu chí; hãy để điểm của đơn vị trên một trang tính và xoá trang kia (hoặc dòng tiêu đề bảng của nó)
table-header-lacks = dòng tiêu đề của bảng tiêu chí thiếu nhãn { $labels }
table-not-found = không trang tính nào có bảng tiêu chí: không có dòng tiêu đề với các nhãn { $labels }
table-label-twice = dòng tiêu đề có hơn một cột mang nhãn { $labels }
table-hidden-sheet = bảng tiêu chí nằm trên một trang tính bị ẩn

form-year = biểu mẫu của năm { $year } nhưng bộ tiêu chí "{ $framework }" là của năm { $expected }
form-no-label = không có ô nào mang nhãn "{ $label }" (giá trị ghi ở ô bên phải)
form-no-value = "{ $label }" không có giá trị ở bên phải
form-empty-value = "{ $label }" để trống
form-fingerprint = biểu mẫu được tạo cho bộ tiêu chí khác ({ $found }); bộ tiêu chí này là { $expected }: hãy tạo lại biểu mẫu bằng `parindex template`

row-unknown-code = mã tiêu chí "{ $code }" không có trong bộ tiêu chí "{ $framework }"
row-unknown-code-suggestion = mã tiêu chí "{ $code }" không có trong bộ tiêu chí — có phải { $suggestion }? (chưa có dòng nào cho { $suggestion })
row-missing = thiếu dòng của tiêu chí { $code } (mỗi tiêu chí cần chấm trong bộ tiêu chí phải có một dòng)
row-code-as-number = mã được nhập dưới dạng số { $code }, có thể là tiêu chí { $longer }; hãy nhập mã dạng văn bản
row-duplicate = trùng dòng: tiêu chí này đã có ở dòng { $row }
row-maximum-cell = điểm tối đa: { $problem }
row-maximum-differs = điểm tối đa trong biểu mẫu là { $found } nhưng bộ tiêu chí ghi { $expected }: biểu mẫu được tạo theo bộ tiêu chí khác
row-score-without-code = có điểm trên một dòng không có mã tiêu chí ("Mã tiêu chí"), nên không gắn được với tiêu chí nào

leaf-no-evidence = được chấm điểm mà không có tài liệu kiểm chứng hay giải trình ở cột ghi chú
leaf-self-below-appraised = điểm tự đánh giá { $own } thấp hơn điểm thẩm định { $appraised } (bất thường)
subtotal-not-a-number = số cộng trong bảng không phải là số ("{ $found }"; số cộng không được dùng)
total-not-a-number = tổng trong bảng không phải là số ("{ $found }"; tổng không được dùng)
subtotal-differs = số cộng trong bảng là { $written } nhưng các tiêu chí cộng lại được { $sum } (số cộng không được dùng)
total-differs = tổng trong bảng là { $written } nhưng các tiêu chí cộng lại được { $sum } (tổng không được dùng)

score-below-zero = điểm { $points } nhỏ hơn 0
score-above-max = điểm { $points } lớn hơn điểm tối đa { $max }
score-step = điểm { $points } không phải bội số của bước điểm { $step }
score-not-applicable-not-allowed = "{ $text }" ghi là không phát sinh, nhưng bộ tiêu chí không cho phép như vậy với tiêu chí này
score-missing-survey = tiêu chí này đánh giá qua điều tra xã hội học và chưa có điểm: khi chưa nhập được kết quả điều tra, hãy ghi điểm vào cột Điểm thẩm định
score-missing-appraised = chưa có điểm thẩm định; hãy ghi điểm, hoặc KPS nếu tiêu chí cho phép
score-missing-self = chưa có điểm tự đánh giá; hãy ghi điểm, hoặc KPS nếu tiêu chí cho phép
score-too-large = tổng điểm lớn quá mức giữ được chính xác
score-nothing-applies = mọi tiêu chí đều ghi không phát sinh, nên không có gì để chấm
formula-no-result = công thức ={ $formula } chưa có kết quả đã lưu: hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại

cell-code-number = ô mã chứa một số không dùng được { $number }
cell-code-holds = ô mã chứa { $found }
cell-unusable-number = số { $number } không dùng làm điểm được
cell-number-as-text = số "{ $text }" được lưu dưới dạng chữ; đã đọc là { $points }
cell-not-a-number = "{ $text }" không phải là số (tiêu chí không phát sinh thì ghi KPS, Không phát sinh hoặc N/A)
cell-expected-number = cần một số, nhưng ô chứa { $found }
cell-ambiguous = "{ $text }" không rõ nghĩa: dấu phân cách có thể là dấu thập phân hoặc dấu hàng nghìn; hãy nhập điểm dạng số
cell-too-many-digits = "{ $text }" có { $digits } chữ số có nghĩa, nhiều hơn mức một bảng tính giữ được ({ $limit }); hãy nhập điểm dạng số
cell-year = năm "{ $text }" không phải số nguyên
found-boolean = một giá trị đúng/sai ({ $value })
found-time = một giờ ({ $value })
found-date = một ngày ({ $value })
found-duration = một khoảng thời gian ({ $value })
found-error = một giá trị lỗi ({ $value })
found-text = chữ "{ $value }"

group-formula-no-result = { $count } công thức chưa có kết quả đã lưu ({ $cells }); hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại
group-leaf-no-evidence = { $count } tiêu chí được chấm điểm mà không có tài liệu kiểm chứng hay giải trình ({ $cells })
group-number-as-text = { $count } ô ghi số dưới dạng chữ, đã đọc thành số ({ $cells })
group-self-below-appraised = { $count } tiêu chí có điểm tự đánh giá thấp hơn điểm thẩm định ({ $cells }; bất thường)
group-missing-appraised = { $count } tiêu chí chưa có điểm thẩm định ({ $cells }); hãy ghi điểm, hoặc KPS nếu tiêu chí cho phép
group-missing-self = { $count } tiêu chí chưa có điểm tự đánh giá ({ $cells }); hãy ghi điểm, hoặc KPS nếu tiêu chí cho phép
group-missing-survey = { $count } tiêu chí điều tra xã hội học chưa có điểm ({ $cells }); hãy ghi vào cột Điểm thẩm định
group-facts-empty = { $count } số liệu chưa nhập ({ $cells }); nhập số liệu vào cột Giá trị để máy tính điểm
group-missing-external = tệp điểm ngoài (--external) chưa có điểm của đơn vị cho { $count } tiêu chí: { $codes }; hoặc chấm tạm tính với --preliminary
group-subtotal-differs = { $count } số cộng trong bảng khác với tổng các tiêu chí ({ $cells }; số cộng không được dùng)
group-row-missing = thiếu dòng của { $count } tiêu chí: { $codes } (mỗi tiêu chí cần chấm phải có một dòng)
group-not-a-number = { $count } ô điểm không phải là số ({ $cells }); tiêu chí không phát sinh thì ghi KPS
group-above-max = { $count } điểm lớn hơn điểm tối đa ({ $cells })

facts-sheet-missing = biểu mẫu không có trang số liệu (tiêu đề cột "Mã tiêu chí", "Mã số liệu", "Giá trị") mà các tiêu chí { $codes } được tính điểm từ số liệu; tạo lại biểu mẫu bằng `parindex template` và điền số liệu
facts-missing = thiếu số liệu "{ $label }" (mã số liệu { $key }) trên trang số liệu
facts-unknown = tiêu chí { $code } không có số liệu mã "{ $key }" trong bộ tiêu chí; kiểm tra lại mã tiêu chí và mã số liệu của dòng này
facts-repeated = số liệu { $key } đã ghi ở dòng { $row }
facts-empty = chưa nhập số liệu
facts-not-applicable = ô số liệu ghi "không phát sinh": nhập số 0 vào tổng số (ví dụ số hồ sơ tiếp nhận) nếu không phát sinh
facts-negative = số liệu { $number } không được âm
facts-not-whole = số đếm { $number } phải là số nguyên
facts-parts-exceed = các phần cộng lại ({ $parts }) nhiều hơn tổng số { $whole }
facts-too-large = số liệu quá lớn để tính chính xác
facts-zero-whole = tổng số bằng 0 nhưng tiêu chí này không được ghi "không phát sinh"; kiểm tra lại số liệu
facts-choice-empty = chưa chọn mức; chọn một trong: { $options }
facts-choice-unknown = "{ $text }" không phải một mức của tiêu chí; chọn một trong: { $options }
facts-typed-differs = điểm ghi trong bảng là { $typed } nhưng tính từ số liệu được { $computed }; điểm tính từ số liệu được dùng
leaf-external-typed = "{ $typed }" không được dùng: điểm tiêu chí này lấy từ tệp điểm ngoài (--external)
