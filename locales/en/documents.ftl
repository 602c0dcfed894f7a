# Documents attached to the decision: decision details, roster, per-unit result sheets, the Word
# copy.

input-kind-decision = a decision file
input-kind-roster = a roster

decision-io = cannot read the decision file { $path }: { $reason }
decision-syntax = the decision file { $path } is not valid: { $message }
decision-date = { $date } is not a real date (write year-month-day, e.g. 2022-12-30)
decision-empty-field = decision file { $path }: { $field } must not be empty

roster-io = cannot read the roster { $path }: { $reason }
roster-extension = the roster { $path } must be a .csv file or a workbook (.xlsx, .xls, .ods)
roster-unreadable = cannot read the roster { $path }: { $reason }
roster-no-header = the roster { $path } has no header row with "Mã đơn vị" (unit_code) and "Tên đơn vị" (unit_name) in its first { "20" } rows
roster-no-code = roster { $path }, { $place }: a unit name without a unit code
roster-duplicate = roster { $path }, { $place }: unit code { $code } is already on { $first }
roster-empty = the roster { $path } lists no unit
table-place-line = line { $line }
table-place-row = sheet '{ $sheet }', row { $row }
roster-not-listed = unit code { $code } is not on the roster { $roster }

arg-score-decision = The decision that publishes the result (TOML): its number, date and issuer are printed on the annex
arg-score-roster = The units expected to submit (CSV or workbook with unit_code and unit_name): those without a form are listed as not submitted
arg-score-accept-missing = Accept units of the roster that did not submit: the result is still complete (exit code 0)
arg-score-per-unit = Write each unit's result sheet into this folder (CODE.xlsx), to send back to it
placeholder-dir = DIR
value-docx = the annex as a Word document, for drafting the decision
output-docx-needs-file = --format docx writes a Word document: name the file with -o FILE.docx
output-docx-score-only = the Word copy (docx) is the annex of score only; compare writes table, csv, json or xlsx
output-kind-docx = Word copy of the annex
per-unit-wrote = wrote { $sheets } result sheets into { $folder }
score-not-submitted = INCOMPLETE RESULT: { $units } units of the roster did not submit a form (--accept-missing accepts them):
score-not-submitted-accepted = { $units } units of the roster did not submit, listed as not submitted:
score-not-submitted-unit = not submitted: { $code } { $name }
per-unit-same-file = the unit codes { $first } and { $second } give the same result sheet file name { $file }; change one of them
input-kind-external = external points file
external-io = cannot read the external points file { $path }: { $reason }
external-extension = the external points file { $path } must be a .csv file or a workbook (.xlsx, .xls, .ods)
external-unreadable = cannot read the external points file { $path }: { $reason }
external-no-header = the external points file { $path } has no header row with "Mã đơn vị" (unit_code), "Mã tiêu chí" (criterion_code) and "Điểm" (points) or columns A, B, C, D in its first 20 rows
external-invalid = the external points file { $path } has errors:
external-place = { $place }, column { $column }
external-no-unit = no unit code
external-unknown-criterion = "{ $code }" is not a criterion of { $framework } scored from the external file
external-not-a-number = "{ $text }" is not a number
external-tally = the tally { $number } must be a whole number, not negative
external-both = the row gives both points and answer tallies A, B, C, D; give one or the other
external-neither = the row gives neither points nor answer tallies A, B, C, D
external-no-weights = the framework { $framework } declares no survey_weights, so tallies cannot be converted; give points
external-no-answers = the tallies add up to 0
external-above-max = the points { $points } are outside 0 to the maximum { $max } of criterion { $code }
external-duplicate = unit { $unit }, criterion { $code } already has points on { $first }
external-unknown-unit = unit { $unit } has no form in this run (nor is it on the roster)
arg-score-external = Points of the components from outside the form (survey, leadership assessment): CSV or workbook with unit_code, criterion_code and points, or answer tallies A, B, C, D
arg-score-preliminary = Score the forms alone, leaving the external components out of points and maximum; every output says "tạm tính" (preliminary)
arg-explain-external = Points of the components from outside the form, as for score
arg-explain-preliminary = Leave the external components out, as for score
external-unknown-units = the external points file has points for units not scored in this run:
