# Kết quả: bảng trên màn hình, từ ngữ trong CSV và JSON.

table-rank = Hạng
table-code = Mã
table-unit = Đơn vị
table-area =
    LV{ $code }
    /{ $max }
table-area-code = LV{ $code }
table-points = Tổng điểm
table-max = Tối đa
table-index = Chỉ số %
table-rating = Xếp loại
table-basis = Cơ sở
table-component =
    { $code }
    /{ $max }
table-bonus = Thưởng
table-penalty = Trừ
table-final = Điểm cuối
table-pending = chưa có
table-preliminary = TẠM TÍNH — chưa có điểm { $components }: không tính vào tổng điểm và điểm tối đa
table-components = Thành phần:
table-component-line = { $code }  { $name } ({ $areas })
table-component-external = { $code }  { $name } ({ $areas }; điểm từ tệp ngoài biểu mẫu)
table-adjustment-added = { $name }: thưởng tối đa { $bonus }, trừ tối đa { $penalty }; Chỉ số = Tổng điểm ÷ Tối đa × 100 + (Thưởng − Trừ) × 100 ÷ { $total }
table-adjustment-rescaled = { $name }: thưởng tối đa { $bonus }, trừ tối đa { $penalty }; Chỉ số = (Tổng điểm + Thưởng − Trừ) ÷ (Tối đa + { $bonus }) × 100
table-areas = Lĩnh vực:
table-incomplete = !! KẾT QUẢ CHƯA ĐẦY ĐỦ: { $excluded } tệp bị loại, không được xếp hạng:
table-excluded = { $file } ({ $problems } lỗi)

basis-appraised = thẩm định
basis-self = tự đánh giá

status-same = giữ nguyên
status-renamed = đổi mã
status-merged = sáp nhập
status-merged-not-comparable = sáp nhập, không so sánh
status-split = chia tách
status-split-not-comparable = chia tách, không so sánh
status-new = mới
status-dropped = không còn

compare-table-title = So sánh Chỉ số cải cách hành chính { $now } với { $before }
compare-table-previous = Đơn vị năm trước
compare-table-index =
    Chỉ số
    { $year }
compare-table-change = Tăng/giảm
compare-table-rank =
    Hạng
    { $year }
compare-table-rank-change = ±Hạng
compare-table-rating = Xếp loại { $before } → { $now }
compare-table-area =
    LV{ $code }
    ± %
compare-table-new = mới
compare-table-not-comparable = { $codes } (không so sánh)
compare-table-change-note = Tăng/giảm: điểm phần trăm, là hiệu của hai chỉ số đã công bố
compare-table-merged-note = Đơn vị sáp nhập: chỉ số { $before } = tổng điểm các đơn vị cũ ÷ tổng điểm tối đa áp dụng của chúng × 100
compare-split-code = một phần { $code }
compare-table-split-note = Đơn vị chia tách (“một phần …”): so với số liệu { $before } của cả đơn vị cũ được chia tách; không so thứ hạng
compare-table-lone-areas = Lĩnh vực không so sánh được:
compare-table-only-in = chỉ có { $year }
compare-table-bonus =
    Điểm thưởng
    { $year }
compare-table-penalty =
    Điểm trừ
    { $year }
compare-table-final =
    Tổng điểm
    { $year }
compare-table-final-change = ±Tổng điểm
compare-table-component =
    TP { $code }
    ± %
compare-table-preliminary = TẠM TÍNH: kết quả năm { $years } chưa có điểm các thành phần lấy từ ngoài biểu mẫu (điều tra xã hội học, đánh giá của lãnh đạo); so sánh chỉ để tham khảo
compare-table-adjustment-note = Điểm thưởng, điểm trừ và tổng điểm sau thưởng, trừ của { $now }, tính bằng điểm
compare-table-final-change-note = ±Tổng điểm: hiệu tổng điểm sau thưởng, trừ của hai năm
compare-table-lone-components = Thành phần không so sánh được:
compare-table-dropped = Đơn vị { $before } không còn trong { $now }:
compare-table-dropped-unit = { $code } { $name }: { $index } %, hạng { $rank }, { $rating }

table-not-submitted = chưa nộp
summary-title = Tổng hợp theo xếp loại:
summary-number = TT
summary-count = Số lượng
summary-percent = Tỷ lệ %
summary-total = Tổng cộng
summary-index = Chỉ số (%): trung bình { $mean }, trung vị { $median }, thấp nhất { $min }, cao nhất { $max }
summary-areas = Trung bình theo lĩnh vực (%): { $areas }
summary-area = LV{ $code } { $mean }
