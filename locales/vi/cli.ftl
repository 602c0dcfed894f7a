# Dòng lệnh: mô tả lệnh, tham số, tiêu đề trợ giúp và lỗi cách dùng.

cmd-parindex = Chấm điểm, xếp loại và xếp hạng Chỉ số cải cách hành chính (Chỉ số CCHC) của các đơn vị
cmd-score = Chấm điểm, xếp loại và xếp hạng các đơn vị từ bảng tự đánh giá của họ
cmd-template = Tạo biểu mẫu tự đánh giá (.xlsx) theo bộ tiêu chí, để gửi cho các đơn vị
cmd-validate = Kiểm tra bảng tự đánh giá theo bộ tiêu chí và liệt kê mọi lỗi, không chấm điểm
cmd-compare = So sánh kết quả hai năm theo từng đơn vị (so với năm trước)
cmd-explain = Cho biết từng điểm của một đơn vị đến từ đâu: trang tính, ô, nội dung, cộng dồn, chỉ số
cmd-verify = Kiểm tra một kết quả đã công bố có được tái tạo đúng từ các tệp đầu vào ghi trong manifest
cmd-criteria = Kiểm tra bộ tiêu chí hoặc in bộ tiêu chí dạng cây
cmd-criteria-check = Kiểm tra tệp bộ tiêu chí và tóm tắt: mọi lỗi kèm dòng, cột
cmd-criteria-show = In bộ tiêu chí dạng cây dễ đọc

arg-help = In trợ giúp
arg-lang = Ngôn ngữ của giao diện: vi (tiếng Việt, mặc định) hoặc en (tiếng Anh); cũng có thể đặt biến môi trường PARINDEX_LANG
arg-paths = Bảng tự đánh giá của đơn vị (.xlsx, .xlsm, .xls, .ods) hoặc thư mục chứa chúng
arg-basis = Điểm nào được tính
arg-rank-mode = Cách xếp hạng khi đồng hạng
arg-format = Định dạng kết quả; xlsx là phụ lục của quyết định, docx là bản Word của phụ lục, cả hai cần -o
arg-file = Ghi vào tệp này thay vì ra màn hình, kèm manifest của lần chạy bên cạnh (TỆP.manifest.json), cả hai hoặc không gì; không bao giờ ghi đè tệp đầu vào
arg-score-criteria = Tệp bộ tiêu chí (TOML) của năm được chấm
arg-score-keep-going = Vẫn chấm các đơn vị hợp lệ khi có đơn vị lỗi; các đơn vị bị loại được liệt kê và mã thoát là 4
arg-template-criteria = Tệp bộ tiêu chí (TOML) của biểu mẫu
arg-template-output = Nơi ghi biểu mẫu (.xlsx)
arg-template-unit-code = Điền sẵn mã đơn vị
arg-template-unit-name = Điền sẵn tên đơn vị
arg-validate-criteria = Tệp bộ tiêu chí (TOML) mà các bảng tự đánh giá phải theo
arg-validate-basis = Cột điểm phải đầy đủ, như với lệnh score
arg-validate-format = Định dạng báo cáo
arg-validate-strict = Trả mã thoát 3 khi có cảnh báo mà không có lỗi
arg-compare-previous = Tệp kết quả năm trước, do `score --format csv` hoặc `--format json` ghi
arg-compare-previous-criteria = Tệp bộ tiêu chí năm trước, để chấm ngay các bảng tự đánh giá năm trước (--previous-paths)
arg-compare-previous-paths = Bảng tự đánh giá năm trước, hoặc thư mục chứa chúng
arg-compare-previous-external = Điểm các thành phần lấy từ ngoài biểu mẫu năm trước (điều tra xã hội học, đánh giá của lãnh đạo), như với lệnh score, khi chấm ngay
arg-compare-current = Tệp kết quả năm nay, do `score --format csv` hoặc `--format json` ghi
arg-compare-current-criteria = Tệp bộ tiêu chí năm nay, để chấm ngay các bảng tự đánh giá năm nay (--current-paths)
arg-compare-current-paths = Bảng tự đánh giá năm nay, hoặc thư mục chứa chúng
arg-compare-current-external = Điểm các thành phần lấy từ ngoài biểu mẫu năm nay (điều tra xã hội học, đánh giá của lãnh đạo), như với lệnh score, khi chấm ngay
arg-compare-mapping = Tệp ánh xạ (TOML): mã đơn vị và lĩnh vực năm trước → năm nay (đơn vị đổi mã, sáp nhập, chia tách), và cách xử lý đơn vị sáp nhập, chia tách
arg-explain-criteria = Tệp bộ tiêu chí (TOML) dùng để chấm bảng tự đánh giá
arg-explain-workbook = Bảng tự đánh giá của đơn vị
arg-explain-code = Chỉ giải thích lĩnh vực, tiêu chí hoặc tiêu chí thành phần này (ví dụ 1.3)
arg-verify-manifest = Tệp manifest ghi bên cạnh kết quả (TÊN.manifest.json)
arg-criteria-check-file = Tệp bộ tiêu chí cần kiểm tra
arg-criteria-show-file = Tệp bộ tiêu chí cần in

placeholder-file = TỆP
placeholder-path = ĐƯỜNG_DẪN
placeholder-workbook = BẢNG_TÍNH
placeholder-code = MÃ
placeholder-name = TÊN
placeholder-manifest = MANIFEST
placeholder-basis = CƠ_SỞ
placeholder-rank = CÁCH
placeholder-format = ĐỊNH_DẠNG
placeholder-lang = NGÔN_NGỮ

value-auto = điểm thẩm định nếu đơn vị đã được thẩm định, nếu không thì điểm tự đánh giá
value-appraised = điểm thẩm định
value-self = điểm tự đánh giá
value-competition = đồng hạng rồi bỏ qua hạng: 1, 2, 2, 4
value-dense = đồng hạng không bỏ qua hạng: 1, 2, 2, 3
value-table = bảng trên màn hình
value-csv = CSV
value-json = JSON
value-xlsx = phụ lục Excel của quyết định
value-text = văn bản
value-vi = tiếng Việt
value-en = tiếng Anh

help-usage = Cách dùng:
help-commands = Lệnh:
help-arguments = Tham số:
help-options = Tùy chọn:
help-default = mặc định
help-exit-codes =
    Mã thoát:
      0  thành công (validate: không có lỗi; verify: tái tạo đúng)
      1  đầu vào không hợp lệ hoặc không ghi được kết quả; không ghi gì (validate: có lỗi)
      2  dùng lệnh sai cách
      3  validate --strict: có cảnh báo, không có lỗi
      4  đã ghi kết quả nhưng có đơn vị bị loại (--keep-going) hoặc đơn vị trong danh sách chưa nộp (--roster, không có --accept-missing): kết quả chưa đầy đủ
      5  verify: kết quả đã công bố không được tái tạo đúng

usage-unknown-command = không có lệnh '{ $command }'
usage-unknown-argument = không có tùy chọn '{ $argument }'
usage-invalid-value-of = '{ $value }' không phải giá trị hợp lệ của { $argument }; các giá trị: { $valid }
usage-missing-value = { $argument } cần một giá trị
usage-missing-argument = thiếu { $arguments }
usage-missing-command = cần một lệnh
usage-conflict = không dùng { $argument } cùng với { $other }
usage-invalid-value = '{ $value }' không hợp lệ cho { $argument }
usage-wrong-number-of-values = số giá trị của { $argument } không đúng
usage-not-utf8 = một tham số không phải văn bản UTF-8
usage-other = dùng lệnh sai cách
usage-did-you-mean = có phải ý bạn là '{ $suggestion }'?
usage-see-help = Xem thêm: parindex --help
arg-version = In phiên bản
help-options-placeholder = [TÙY_CHỌN]
help-command-placeholder = <LỆNH>

say-error = lỗi
say-warning = cảnh báo
say-note = lưu ý

cmd-completions = In tập lệnh tự hoàn thành (phím Tab) cho shell, để nạp khi shell khởi động
arg-completions-shell = Shell cần tự hoàn thành
placeholder-shell = SHELL
value-bash = Bash (Linux)
value-elvish = Elvish
value-fish = fish
value-powershell = PowerShell (Windows)
value-zsh = Zsh (macOS)

note-skipped = bỏ qua { $file }: { $reason }
note-warnings = { $warnings } cảnh báo trong { $files } tệp không cản trở việc chấm điểm; `parindex validate` liệt kê chúng
score-incomplete = KẾT QUẢ CHƯA ĐẦY ĐỦ: đã chấm { $units } đơn vị, LOẠI { $excluded } tệp:
score-excluded = bị loại: { $file }
template-cannot-build = không tạo được biểu mẫu
template-wrote = đã ghi { $file } theo bộ tiêu chí { $framework } ({ $leaves } tiêu chí cần chấm)

verify-no-folder = không có thư mục làm việc { $folder } của lần chạy; các tệp đầu vào phải ở đúng chỗ cũ
verify-other-version = kết quả được tạo bằng parindex { $made }, đây là { $this }
verify-no-output = manifest { $manifest } không ghi tệp kết quả nào để kiểm tra
verify-reproduced = tái tạo đúng: { $file } (sha256 { $sha256 }) từ { $inputs } tệp đầu vào, không tệp nào thay đổi
verify-input-missing = tệp đầu vào { $file } không còn hoặc không đọc được
verify-input-appeared = tệp đầu vào { $file } nay đã có nhưng lúc chạy không đọc được
verify-input-added = tệp đầu vào { $file } được thêm vào thư mục đã chấm sau lần chạy
verify-input-changed = tệp đầu vào { $file } đã thay đổi sau lần chạy
verify-output-changed = kết quả đã công bố { $file } đã thay đổi sau lần chạy (hoặc không còn)
verify-rerun-differs = chạy lại cho kết quả khác với { $file }
verify-rerun-fails = chạy lại bị lỗi: { $error }
verify-changed = thay đổi: { $change }
verify-not-reproduced = KHÔNG tái tạo được: { $file }
say-detail = chi tiết
progress = bảng tự đánh giá (còn khoảng {"{"}eta{"}"})

arg-csv-style = Cách ghi CSV: cho chương trình máy tính, cho Excel, hay cho bảng tính cài tiếng Việt (dấu ; và dấu phẩy thập phân)
value-standard = cho chương trình: dấu phẩy giữa các trường, dấu chấm thập phân
value-excel = cho Excel trên Windows: như trên, thêm dấu BOM để hiện đúng tiếng Việt
value-excel-vi = cho Excel và LibreOffice cài tiếng Việt: dấu BOM, dấu ; giữa các trường, dấu phẩy thập phân
placeholder-style = KIỂU
arg-template-force = Ghi đè nếu tệp đã có (biểu mẫu đã gửi đi có thể đã được điền)
output-format-contradicts = --format { $format } mâu thuẫn với phần mở rộng của { $file }; hãy bỏ --format hoặc đổi tên tệp
output-format-unknown = không biết ghi { $file } theo định dạng nào: hãy đặt tên có phần mở rộng .csv, .json, .xlsx, .docx hoặc .txt, hoặc dùng --format
output-xlsx-needs-file = --format xlsx ghi ra một bảng tính: hãy đặt tên tệp bằng -o TỆP.xlsx
output-kind-table = bảng văn bản
output-kind-csv = CSV
output-kind-json = JSON
output-kind-xlsx = phụ lục Excel
output-wrote = đã ghi { $file } ({ $kind }, { $units } đơn vị) và { $manifest }
template-exists = { $file } đã có; hãy chọn tên khác, hoặc dùng --force để ghi đè
