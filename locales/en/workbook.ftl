# Unit workbooks: reading the file, finding the table, reading each cell.

place-sheet = sheet '{ $sheet }'
place-cell = cell { $cell }
place-criterion = criterion { $code }

input-missing = no such file or folder
input-cannot-list = cannot list the folder: { $reason }
input-folder-named-like-a-workbook = a folder named like a workbook, not a workbook file
input-refused = cannot be read: { $reason }
input-unreadable = cannot be read: { $reason }
unit-code-duplicate = unit code "{ $code }" is also used by { $others }{ $more ->
        [0] {""}
        [one] { "" } and 1 other file
       *[other] { "" } and { $more } other files
    }; each unit must have its own code

skip-already-given = already given (each file is read once)
skip-broken = cannot be read (a broken link?)
skip-sub-folder = a folder (folders inside a folder are not read)
skip-not-regular = not a regular file ({ $kind })
skip-lock-file = a spreadsheet program's lock file
skip-not-a-workbook = not a workbook (.xlsx, .xlsm, .xls, .ods)
skip-no-workbooks = the folder holds no workbook (.xlsx, .xlsm, .xls, .ods); check the path
skip-no-workbooks-but-sub-folders = the folder holds no workbook, but these folders inside it do: { $folders }; name them in the command

workbook-empty = the file is empty, not a workbook; ask the unit to send it again
workbook-html = a web page (HTML) named like a workbook, not a real workbook; open it in Excel or LibreOffice and save it as .xlsx
workbook-text = a text file (a CSV or a list) named like a workbook; open it in Excel or LibreOffice and save it as .xlsx
workbook-pdf = a PDF file, not a workbook; ask the unit for the workbook (.xlsx)
workbook-document = a Word or PowerPoint document named like a workbook; ask the unit for the workbook (.xlsx)
workbook-unknown = not a workbook (.xlsx, .xlsm, .xls, .ods)
workbook-xlsb = an Excel binary workbook (.xlsb), which parindex does not read; open it in Excel and save it as .xlsx
workbook-damaged = the file is damaged and cannot be read; open it in Excel or LibreOffice and save it again (or ask the unit to send it again)
workbook-password = the file is password protected; open it in Excel, remove the password and save it again
sheet-unreadable = the sheet cannot be read

limit-content = content
limit-formula = a formula
limit-text = text
limit-formula-text = formula text
limit-file = the file is { $size }, above the limit of { $limit } for a workbook; a form is tens of KB: open it in a spreadsheet program, remove the pictures and sheets it does not need, and save it again
limit-parts = the file holds { $parts } parts, above the limit of { $limit }; a form has a few dozen: open it in a spreadsheet program and save it again
limit-part = part { $part } would unpack to { $size }, above its limit of { $limit }; a form's parts are a few hundred KB: open it in a spreadsheet program and save it again
limit-unpacked = its parts would unpack to { $size } in all, above the limit of { $limit }; open it in a spreadsheet program, remove what the form does not need, and save it again
limit-sheets = the file has { $sheets } sheets, above the limit of { $limit }
limit-sheet-area = { $content } here stretches the sheet's used area to { $rows } rows by { $columns } columns, far larger than a form; delete it (Ctrl+End in a spreadsheet program goes to it) and save again
limit-cells = { $content } here stretches the sheet's used area to { $rows } rows by { $columns } columns; with the sheets before it, the file would lay out { $total } cells, above the limit of { $limit } for all sheets together; delete it (Ctrl+End in a spreadsheet program goes to it) and save again
limit-declared-area = the sheet declares its used area as { $rows } rows by { $columns } columns, above the limit of { $limit } cells; delete the rows and columns the form does not use and save again
limit-text-cell = a text of { $chars } characters, above the limit of { $limit } for one cell (Excel's own); shorten it and save again
limit-text-file = the file holds a text of { $chars } characters, above the limit of { $limit } for one cell (Excel's own)
limit-text-total = the file holds { $size } of { $content } in all, above the limit of { $limit }; a form holds a few hundred KB
limit-shared-strings = its shared-string table declares { $strings } strings, above the limit of { $limit }; open it in a spreadsheet program and save it again
limit-styles = its { $formats } cell formats would take { $size } once read, above the limit of { $limit }; open it in a spreadsheet program, clear the formats of unused cells, and save it again

table-two-sheets = both sheet '{ $first }' and sheet '{ $second }' hold a criteria table; keep the unit's scores on one sheet and delete the other sheet (or its table's header row)
table-header-lacks = the criteria table's header row lacks the label { $labels }
table-not-found = no sheet has the criteria table: no header row with the labels { $labels }
table-label-twice = the header row has more than one column labelled { $labels }
table-hidden-sheet = the criteria table is on a hidden sheet

form-year = the form is for { $year } but the criteria file "{ $framework }" is for { $expected }
form-no-label = no cell labelled "{ $label }" (the value goes in the cell to its right)
form-no-value = "{ $label }" has no value to its right
form-empty-value = "{ $label }" is empty
form-fingerprint = the form was made for another framework ({ $found }); this criteria file is { $expected }: generate the form again with `parindex template`

row-unknown-code = unknown criterion code "{ $code }": it is not in the criteria file "{ $framework }"
row-unknown-code-suggestion = criterion code "{ $code }" is not in the criteria file — did you mean { $suggestion }? (no row has { $suggestion })
row-missing = the row for criterion { $code } is missing (every leaf of the criteria file needs a row)
row-code-as-number = the code is typed as the number { $code }, which could also be criterion { $longer }; type codes as text
row-duplicate = duplicate row: this criterion is already on row { $row }
row-maximum-cell = maximum: { $problem }
row-maximum-differs = the form's maximum is { $found } but the criteria file says { $expected }: the form was made for other criteria
row-score-without-code = a score in a row without a criterion code ("Mã tiêu chí") cannot be matched to any criterion

leaf-no-evidence = scored without evidence (tài liệu kiểm chứng) or an explanation in the note
leaf-self-below-appraised = the self score { $own } is lower than the appraised score { $appraised } (unusual)
subtotal-not-a-number = the subtotal in the sheet is not a number ("{ $found }"; the subtotal is not used)
total-not-a-number = the total in the sheet is not a number ("{ $found }"; the total is not used)
subtotal-differs = the subtotal in the sheet is { $written } but its criteria add up to { $sum } (the subtotal is not used)
total-differs = the total in the sheet is { $written } but its criteria add up to { $sum } (the total is not used)

score-below-zero = score { $points } is below zero
score-above-max = score { $points } is above the maximum { $max }
score-step = score { $points } is not a multiple of the step { $step }
score-not-applicable-not-allowed = "{ $text }" marks it not applicable, but the criteria file does not allow that for this criterion
score-missing-survey = this criterion is assessed by survey and has no points: until survey results can be imported, enter them in the appraised score column (Điểm thẩm định)
score-missing-appraised = no appraised score (Điểm thẩm định); enter the points, or KPS where the criterion allows it
score-missing-self = no self score (Điểm tự đánh giá); enter the points, or KPS where the criterion allows it
score-too-large = the points add up to more than can be held exactly
score-nothing-applies = every criterion is marked not applicable, so there is nothing to score
formula-no-result = the formula ={ $formula } has no saved result: open the file in Excel or LibreOffice and save it again

cell-code-number = the code cell holds an unusable number { $number }
cell-code-holds = the code cell holds { $found }
cell-unusable-number = the number { $number } cannot be used as a score
cell-number-as-text = the number "{ $text }" is stored as text; read as { $points }
cell-not-a-number = "{ $text }" is not a number (write not applicable as KPS, Không phát sinh or N/A)
cell-expected-number = expected a number, found { $found }
cell-ambiguous = "{ $text }" is ambiguous: the separator may be a decimal or a thousands separator; enter the score as a number
cell-too-many-digits = "{ $text }" has { $digits } significant digits, more than a spreadsheet holds ({ $limit }); enter the score as a number
cell-year = the year "{ $text }" is not a whole number
found-boolean = a TRUE/FALSE value ({ $value })
found-time = a time ({ $value })
found-date = a date ({ $value })
found-duration = a duration ({ $value })
found-error = an error value ({ $value })
found-text = the text "{ $value }"

group-formula-no-result = { $count } formulas have no saved result ({ $cells }); open the file in Excel or LibreOffice and save it again
group-leaf-no-evidence = { $count } criteria are scored without evidence or an explanation in the note ({ $cells })
group-number-as-text = { $count } numbers are stored as text and were read as numbers ({ $cells })
group-self-below-appraised = { $count } self scores are lower than the appraised ones ({ $cells }; unusual)
group-missing-appraised = { $count } criteria have no appraised score ({ $cells }); enter the points, or KPS where the criterion allows it
group-missing-self = { $count } criteria have no self score ({ $cells }); enter the points, or KPS where the criterion allows it
group-missing-survey = { $count } survey criteria have no points ({ $cells }); enter them in the appraised score column
group-facts-empty = { $count } facts are not entered ({ $cells }); enter them in the Giá trị (value) column so the points can be computed
group-missing-external = the external points file (--external) has no points of this unit for { $count } criteria: { $codes }; or score a preliminary result with --preliminary
group-subtotal-differs = { $count } subtotals in the sheet differ from their criteria ({ $cells }; subtotals are not used)
group-row-missing = the rows of { $count } criteria are missing: { $codes } (every leaf of the criteria file needs a row)
group-not-a-number = { $count } score cells are not numbers ({ $cells }); write not applicable as KPS
group-above-max = { $count } scores are above their maximum ({ $cells })

facts-sheet-missing = the form has no measured-values sheet (columns "Mã tiêu chí", "Mã số liệu", "Giá trị"), yet criteria { $codes } are scored from facts; make the form again with `parindex template` and enter the facts
facts-missing = the fact "{ $label }" (key { $key }) is missing from the measured-values sheet
facts-unknown = criterion { $code } has no fact with key "{ $key }" in the framework; check this row's criterion code and fact key
facts-repeated = the fact { $key } is already entered on row { $row }
facts-empty = no value entered
facts-not-applicable = a fact cell says "not applicable": enter 0 as the total (e.g. dossiers received) when nothing arose
facts-negative = the value { $number } may not be negative
facts-not-whole = the count { $number } must be a whole number
facts-parts-exceed = the parts add up to { $parts }, more than the total { $whole }
facts-too-large = the values are too large to compute exactly
facts-zero-whole = the total is 0 but this criterion may not be marked not applicable; check the facts
facts-choice-empty = no level chosen; choose one of: { $options }
facts-choice-unknown = "{ $text }" is not one of the criterion's levels; choose one of: { $options }
facts-typed-differs = the table says { $typed } but the facts give { $computed }; the points from the facts are used
leaf-external-typed = "{ $typed }" is not used: this criterion's points come from the external points file (--external)
