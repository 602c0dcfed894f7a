# Tệp bộ tiêu chí: đọc, kiểm tra, mô tả.

framework-io = không đọc được tệp bộ tiêu chí { $path }: { $reason }
framework-syntax = tệp bộ tiêu chí { $path } sai cú pháp TOML:
    { $message }
framework-invalid = tệp bộ tiêu chí { $path } không hợp lệ:
criteria-place = dòng { $line }, cột { $column }
criteria-place-code = dòng { $line }, cột { $column }, tiêu chí { $code }

criteria-what-total = tổng điểm tối đa (total_max)
criteria-what-max = điểm tối đa
criteria-what-step = bước điểm (step)
criteria-what-band = mốc xếp loại
criteria-number-inexact = { $what } { $literal } có nhiều chữ số hơn mức giữ được chính xác; ghi tối đa { $decimals } chữ số thập phân
criteria-number-decimals = { $what } { $literal } có quá { $decimals } chữ số thập phân
criteria-number-range = { $what } { $literal } nằm ngoài khoảng { $low } đến { $high }
criteria-year = năm { $year } không phải năm đánh giá hợp lý
criteria-decimals = decimals = { $decimals }: chỉ số công bố có tối đa 6 chữ số thập phân
criteria-total-sum = total_max là { $total } nhưng điểm tối đa các lĩnh vực cộng lại là { $sum }
criteria-total-overflow = điểm tối đa các lĩnh vực cộng lại lớn quá mức giữ được
criteria-code-invalid = mã "{ $code }" không phải mã phân cấp như "1", "1.2" hay "1.2.3"
criteria-area-code = mã lĩnh vực chỉ có một phần ("1"); tiêu chí ghi dưới [[criterion]]
criteria-criterion-code = mã tiêu chí bắt đầu bằng mã lĩnh vực ("1.2"); lĩnh vực ghi dưới [[area]]
criteria-duplicate = trùng mã: đã khai báo ở dòng { $line }
criteria-max-zero = điểm tối đa { $max } phải lớn hơn 0
criteria-no-parent = chưa khai báo mã cha "{ $parent }"
criteria-max-sum = điểm tối đa { $max } khác tổng điểm tối đa các tiêu chí con, { $sum }
criteria-max-overflow = điểm tối đa các tiêu chí con cộng lại lớn quá mức giữ được
criteria-empty-area = lĩnh vực phải có ít nhất một tiêu chí
criteria-step-zero = bước điểm { $step } phải lớn hơn 0
criteria-max-step = điểm tối đa { $max } không phải bội số của bước điểm { $step }
criteria-leaf-field = { $field } chỉ dùng cho tiêu chí không có tiêu chí con, mà tiêu chí này có tiêu chí con
criteria-no-band = chưa khai báo mức xếp loại [[band]] nào
criteria-band-start = mức thấp nhất "{ $band }" bắt đầu từ { $from }: các mức xếp loại phải bắt đầu từ 0
criteria-band-open = mức "{ $band }" không có cận trên `below`, nhưng mức "{ $next }" bắt đầu cao hơn, từ { $from }
criteria-band-gap = hở: mức "{ $band }" kết thúc dưới { $below } nhưng mức "{ $next }" bắt đầu từ { $from }
criteria-band-overlap = chồng lấn: mức "{ $band }" kết thúc dưới { $below } nhưng mức "{ $next }" đã bắt đầu từ { $from }
criteria-band-above = mức "{ $band }" bắt đầu trên { $top }
criteria-band-top = mức cao nhất "{ $band }" không được có `below`: mức này kéo dài đến hết 100

results-io = không đọc được tệp kết quả { $path }: { $reason }
results-invalid = tệp kết quả { $path }: { $message }
results-extension = tệp kết quả phải là tệp .csv hoặc .json do `parindex score` ghi
results-empty = tệp không có đơn vị nào
results-duplicate = mã đơn vị "{ $unit }" xuất hiện hơn một lần
results-unit = đơn vị "{ $unit }": { $problem }
results-range = { $what } { $value } nằm ngoài khoảng { $low } đến { $high }
results-what-points = điểm
results-what-max = điểm tối đa áp dụng
results-what-index = chỉ số
results-what-area-points = điểm lĩnh vực
results-what-area-max = điểm tối đa lĩnh vực
results-what-area-percent = tỷ lệ lĩnh vực
results-rank = hạng { $rank } không phải hạng trong { $units } đơn vị
results-incomplete = kết quả chưa đầy đủ (ghi với --keep-going, có đơn vị bị loại), nên các đơn vị sẽ bị coi nhầm là mới hoặc không còn
results-csv-unreadable = không đọc được tệp CSV: { $detail }
results-csv-column = không có cột "{ $column }": không phải tệp CSV do `parindex score --format csv` ghi
results-not-a-number = dòng { $line }, cột { $column }: "{ $value }" không phải là số
results-not-a-boolean = dòng { $line }, cột { $column }: "{ $value }" không phải true hay false
results-not-a-rank = dòng { $line }, cột { $column }: "{ $value }" không phải là hạng
results-json-unreadable = không phải tệp JSON do `parindex score --format json` ghi: { $detail }
results-bands = các mức xếp loại của bộ tiêu chí không bắt đầu từ 0
results-components = đơn vị { $unit } có các thành phần { $components }, khác với bộ tiêu chí của tệp
results-adjustment = đơn vị { $unit } thiếu điểm thưởng, điểm trừ hoặc tổng điểm sau thưởng, trừ
results-areas = đơn vị { $unit } có các lĩnh vực { $areas }, khác với đơn vị đầu tiên

mapping-io = không đọc được tệp ánh xạ { $path }: { $reason }
mapping-syntax = tệp ánh xạ { $path } sai cú pháp TOML:
    { $message }
manifest-io = không đọc được manifest { $path }: { $reason }
manifest-invalid = manifest { $path }: { $message }
manifest-not-a-manifest = không phải manifest của một lần chạy parindex: { $detail }

compare-cannot = không so sánh được { $previous } với { $current }:
compare-mapping-twice = tệp ánh xạ { $file }, [units]: "{ $first }" và "{ $second }" là cùng một mã đơn vị; chỉ ghi một lần
compare-mapping-no-unit = tệp ánh xạ { $file }, [units] { $key }: không có đơn vị "{ $code }" trong { $source }
compare-mapping-no-area = tệp ánh xạ { $file }, [areas] { $key }: không có lĩnh vực "{ $code }" trong { $source }
compare-mapping-empty-list = tệp ánh xạ { $file }, [units] { $key }: danh sách đơn vị năm nay trống; ghi ít nhất một mã (đơn vị chia tách thì ghi mọi đơn vị nhận một phần của nó)
compare-mapping-list-twice = tệp ánh xạ { $file }, [units] { $key }: "{ $first }" và "{ $second }" là cùng một mã đơn vị năm nay; chỉ ghi một lần trong danh sách
compare-cannot-combine-adjusted = { $source }: chỉ số năm trước có điểm thưởng, điểm trừ hoặc xếp loại theo tổng điểm, nên không gộp được các đơn vị sáp nhập, chia tách đúng như cách chấm năm đó; ghi merged = "not-comparable" trong tệp ánh xạ để so sánh các đơn vị còn lại
compare-needs-publication = muốn gộp đơn vị hoặc lĩnh vực sáp nhập thì cần quy tắc làm tròn và các mức xếp loại năm trước, mà tệp CSV { $source } không có: hãy dùng tệp kết quả JSON, hoặc --previous-criteria kèm các bảng tự đánh giá
compare-previous-year = năm trước
compare-current-year = năm nay

describe-valid = { $file }: hợp lệ. { $name } ({ $id }), cấp { $level }, năm { $year }: { $areas } lĩnh vực, { $criteria } tiêu chí, { $sub_criteria } tiêu chí thành phần, { $leaves } tiêu chí cần chấm, tổng { $total } điểm
describe-area = tối đa { $max }  { $criteria } tiêu chí, { $sub_criteria } TCTP, { $leaves } cần chấm
describe-leaf-rules = { $not_applicable } tiêu chí có thể không phát sinh (KPS); { $survey } tiêu chí đánh giá qua điều tra xã hội học
describe-bands = xếp loại: { $bands }
describe-bands-tree = Xếp loại: { $bands }
describe-tree = { $name } ({ $id }): năm { $year }, tổng { $total } điểm, công bố với { $decimals } chữ số thập phân, làm tròn { $rounding }
describe-step = bước { $step }
describe-kps = được ghi KPS
describe-survey = điều tra XHH
level-commune = xã
level-district = huyện
level-department = sở, ngành
level-province = tỉnh

criteria-what-points = điểm của quy tắc
criteria-what-rule-band = mốc của quy tắc
criteria-not-applicable-twice = ghi một trong hai: `not_applicable = "leave-out"` (bỏ khỏi điểm tối đa) hoặc `"full-points"` (tính đủ điểm); `allow_not_applicable = true` là cách ghi cũ của "leave-out"
rule-field-without-rule = { $field } chỉ dùng khi tiêu chí có quy tắc tính điểm (`rule = "choice"`, `"thresholds"` hoặc `"proportional"`)
rule-field-kind = { $field } không dùng cho quy tắc "{ $kind }"
rule-thresholds-input = quy tắc "thresholds" cần đúng một đầu vào: `value` (một giá trị đơn vị nhập) hoặc `whole` và `parts` (tỷ lệ các số đếm)
rule-proportional-rounding = quy tắc "proportional" phải ghi cách làm tròn điểm về bước điểm: `rounding = "truncate"`, `"half-away-from-zero"` hoặc `"half-even"`
rule-key-invalid = mã số liệu "{ $key }" chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới (tối đa 40 ký tự), ví dụ "tiep_nhan"
rule-key-duplicate = mã số liệu "{ $key }" bị trùng trong tiêu chí này
rule-label-empty = số liệu "{ $key }" chưa có nhãn `label` để in trên biểu mẫu
rule-ratio-fields = tỷ lệ cần `whole` (tổng số, ví dụ số hồ sơ tiếp nhận) và `parts` (các phần của tổng số)
rule-ratio-counted = chưa có phần nào được tính vào tỷ lệ: đánh dấu `counted = true` cho các phần được tính (ví dụ trước hạn và đúng hạn)
rule-points-step = điểm { $points } của quy tắc không phải bội số của bước điểm { $step }
rule-choice-options = quy tắc "choice" cần ít nhất hai mức [[criterion.option]], mỗi mức có `name` và `points`
rule-choice-name = tên mức "{ $name }" bị trống hoặc trùng với một mức khác
rule-bands-missing = quy tắc "thresholds" cần các khoảng [[criterion.band]], mỗi khoảng có cận dưới, cận trên (trừ khoảng cao nhất) và `points`
rule-band-lower = mỗi khoảng cần đúng một cận dưới: `from` (tính cả mốc) hoặc `above` (không tính mốc)
rule-band-upper = mỗi khoảng có nhiều nhất một cận trên: `below` (không tính mốc) hoặc `to` (tính cả mốc)
rule-band-start = khoảng thấp nhất ({ $range }) phải bắt đầu từ 0, tính cả 0 (`from = 0`)
rule-band-seam = khoảng { $band } và khoảng { $next } không nối liền: cận trên của khoảng trước phải bằng cận dưới của khoảng sau, đúng một bên tính cả mốc (ví dụ `to = 90` rồi `above = 90`), để mọi giá trị thuộc đúng một khoảng
rule-band-top = khoảng cao nhất ({ $band }) không được có cận trên: khoảng này kéo dài đến mọi giá trị lớn hơn
rule-survey = tiêu chí điều tra xã hội học không có quy tắc tính điểm từ số liệu
component-code = mã thành phần "{ $code }" không hợp lệ, bị trùng hoặc là từ dành riêng ("final", "applicable"); mã gồm một phần, chữ và số không dấu, ví dụ "DT"
component-unknown-area = thành phần ghi lĩnh vực "{ $area }" nhưng bộ tiêu chí không có lĩnh vực này
component-area-twice = lĩnh vực "{ $area }" đã thuộc một thành phần khác
component-no-area = thành phần chưa có lĩnh vực nào (`areas = ["1", "2"]`)
component-area-missing = lĩnh vực "{ $area }" chưa thuộc thành phần nào: khi có [[component]], mỗi lĩnh vực thuộc đúng một thành phần
component-external-leaf = tiêu chí thuộc thành phần lấy điểm từ tệp ngoài (`external = true`), nên không có `source` hay `rule` riêng
adjustment-no-item = khối điểm thưởng, điểm trừ chưa có mục [[adjustment.item]] nào
adjustment-code = mã mục "{ $code }" không hợp lệ, bị trùng hoặc trùng mã một tiêu chí
criteria-what-cap = mức trần điểm thưởng, điểm trừ
criteria-what-weight = trọng số phương án trả lời
criteria-source-external = `source = "external"` không ghi ở từng tiêu chí: khai báo [[component]] với `external = true` cho các lĩnh vực lấy điểm từ tệp ngoài
describe-rules = { $ruled } tiêu chí tính điểm từ số liệu (quy tắc); { $full } tiêu chí không phát sinh được tính đủ điểm
describe-components = thành phần: { $components }
describe-adjustment = { $name }: { $items } mục, thưởng tối đa { $bonus }, trừ tối đa { $penalty }, chỉ số theo công thức "{ $formula }"
describe-external = điểm từ tệp ngoài
describe-full-points = KPS tính đủ điểm
describe-rule = quy tắc { $kind }
