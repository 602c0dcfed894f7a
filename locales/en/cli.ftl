# The command line: descriptions of commands and arguments, help headings and usage errors.

cmd-parindex = Score, rate and rank the administrative-reform index (Chỉ số CCHC, PAR INDEX) of local units
cmd-score = Score, rate and rank units from their self-assessment workbooks
cmd-template = Write the self-assessment form (.xlsx) for a criteria file, to hand out to units
cmd-validate = Check unit workbooks against the criteria and list every problem, without scoring
cmd-compare = Compare two years' results unit by unit
cmd-explain = Show where each point of one unit came from: sheet, cell, raw text, roll-up, index
cmd-verify = Check that a published result is reproduced exactly by the inputs its manifest records
cmd-criteria = Check a criteria file or print it as a tree
cmd-criteria-check = Check a criteria file and summarise it: every problem with its line and column
cmd-criteria-show = Print a criteria file as a readable tree

arg-help = Print help
arg-lang = Language of the interface: vi (Vietnamese, the default) or en (English); the PARINDEX_LANG environment variable sets it too
arg-paths = Unit workbooks (.xlsx, .xlsm, .xls, .ods), or folders of them
arg-basis = Which score counts
arg-rank-mode = How ranks follow a tie
arg-format = Output format; xlsx is the decision's annex and docx its Word copy, both need -o
arg-file = Write to this file instead of the screen, with the run's manifest beside it (FILE.manifest.json), both or neither; never onto an input of the run
arg-score-criteria = The criteria file (TOML) of the year being scored
arg-score-keep-going = Score the valid units even when others are invalid; the excluded units are listed and the exit code is 4
arg-template-criteria = The criteria file (TOML) the form is for
arg-template-output = Where to write the form (.xlsx)
arg-template-unit-code = Pre-fill the unit code
arg-template-unit-name = Pre-fill the unit name
arg-validate-criteria = The criteria file (TOML) the workbooks must follow
arg-validate-basis = The score column that must be complete, as for score
arg-validate-format = Report format
arg-validate-strict = Exit with 3 when there are warnings but no errors
arg-compare-previous = Last year's results file, written by `score --format csv` or `--format json`
arg-compare-previous-criteria = Last year's criteria file, to score last year's workbooks (--previous-paths) on the fly
arg-compare-previous-paths = Last year's unit workbooks, or folders of them
arg-compare-previous-external = Points of last year's external components (survey, leadership), when scoring on the fly
arg-compare-current = This year's results file, written by `score --format csv` or `--format json`
arg-compare-current-criteria = This year's criteria file, to score this year's workbooks (--current-paths) on the fly
arg-compare-current-paths = This year's unit workbooks, or folders of them
arg-compare-current-external = Points of this year's external components (survey, leadership), when scoring on the fly
arg-compare-mapping = Mapping file (TOML): last year's unit and area codes → this year's (renamed, merged and split units), and the rule for merged and split units
arg-explain-criteria = The criteria file (TOML) the workbook is scored with
arg-explain-workbook = The unit's workbook
arg-explain-code = Explain only this area, criterion or sub-criterion (e.g. 1.3)
arg-verify-manifest = The manifest written beside the result (NAME.manifest.json)
arg-criteria-check-file = The criteria file to check
arg-criteria-show-file = The criteria file to print

placeholder-file = FILE
placeholder-path = PATH
placeholder-workbook = WORKBOOK
placeholder-code = CODE
placeholder-name = NAME
placeholder-manifest = MANIFEST
placeholder-basis = BASIS
placeholder-rank = RANK
placeholder-format = FORMAT
placeholder-lang = LANG

value-auto = the appraised score where the unit has been appraised, else the self score
value-appraised = the appraised score
value-self = the self score
value-competition = ties share a rank, the next is skipped: 1, 2, 2, 4
value-dense = ties share a rank, none is skipped: 1, 2, 2, 3
value-table = a table on screen
value-csv = CSV
value-json = JSON
value-xlsx = the decision's annex in Excel
value-text = text
value-vi = Vietnamese
value-en = English

help-usage = Usage:
help-commands = Commands:
help-arguments = Arguments:
help-options = Options:
help-default = default
help-exit-codes =
    Exit codes:
      0  success (validate: no errors; verify: reproduced exactly)
      1  invalid input, or the result could not be written; nothing was written (validate: errors found)
      2  wrong command-line usage
      3  validate --strict: warnings and no errors
      4  results were written, but some units were excluded (--keep-going) or units of the --roster did not submit (without --accept-missing): the result is incomplete
      5  verify: the published result is not reproduced by its recorded inputs

usage-unknown-command = there is no command '{ $command }'
usage-unknown-argument = there is no option '{ $argument }'
usage-invalid-value-of = '{ $value }' is not a valid value of { $argument }; the values are: { $valid }
usage-missing-value = { $argument } needs a value
usage-missing-argument = missing { $arguments }
usage-missing-command = a command is needed
usage-conflict = { $argument } cannot be used with { $other }
usage-invalid-value = '{ $value }' is not valid for { $argument }
usage-wrong-number-of-values = { $argument } has the wrong number of values
usage-not-utf8 = an argument is not UTF-8 text
usage-other = wrong command-line usage
usage-did-you-mean = did you mean '{ $suggestion }'?
usage-see-help = See: parindex --help
arg-version = Print the version
help-options-placeholder = [OPTIONS]
help-command-placeholder = <COMMAND>

say-error = error
say-warning = warning
say-note = note

cmd-completions = Print the shell's completion script (Tab), to load when the shell starts
arg-completions-shell = The shell to complete for
placeholder-shell = SHELL
value-bash = Bash (Linux)
value-elvish = Elvish
value-fish = fish
value-powershell = PowerShell (Windows)
value-zsh = Zsh (macOS)

note-skipped = skipped { $file }: { $reason }
note-warnings = { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    } in { $files ->
        [one] 1 file
       *[other] { $files } files
    } { $warnings ->
        [one] does
       *[other] do
    } not block scoring; `parindex validate` lists them
score-incomplete = RESULT INCOMPLETE: { $units ->
        [one] 1 unit
       *[other] { $units } units
    } scored, { $excluded ->
        [one] 1 file
       *[other] { $excluded } files
    } EXCLUDED:
score-excluded = excluded: { $file }
template-cannot-build = cannot build the form
template-wrote = wrote { $file } for { $framework } ({ $leaves } leaves to score)

verify-no-folder = the run's working folder { $folder } is not available; the inputs must be where they were
verify-other-version = the result was made with parindex { $made }, this is { $this }
verify-no-output = manifest { $manifest } records no output file to verify
verify-reproduced = reproduced exactly: { $file } (sha256 { $sha256 }) from { $inputs ->
        [one] 1 input file
       *[other] { $inputs } input files
    }, all unchanged
verify-input-missing = input { $file } is missing or unreadable
verify-input-appeared = input { $file } exists now but could not be read at the run
verify-input-added = input { $file } was added to a scored folder since the run
verify-input-changed = input { $file } has changed since the run
verify-output-changed = the published result { $file } has changed since the run (or is missing)
verify-rerun-differs = re-running gives a result different from { $file }
verify-rerun-fails = re-running fails: { $error }
verify-changed = changed: { $change }
verify-not-reproduced = NOT reproduced: { $file }
say-detail = detail
progress = workbooks ({"{"}eta{"}"} left)

arg-csv-style = How a CSV is written: for programs, for Excel, or for a Vietnamese-locale spreadsheet (; and a decimal comma)
value-standard = for programs: commas between fields, decimal point
value-excel = for Excel on Windows: the same, with a byte-order mark so Vietnamese shows right
value-excel-vi = for Excel and LibreOffice in Vietnamese: byte-order mark, ; between fields, decimal comma
placeholder-style = STYLE
arg-template-force = Replace the file if it exists (a form already handed out may be filled in)
output-format-contradicts = --format { $format } contradicts the extension of { $file }; leave out --format or rename the file
output-format-unknown = cannot tell which format to write { $file } in: name it .csv, .json, .xlsx, .docx or .txt, or give --format
output-xlsx-needs-file = --format xlsx writes a workbook: name it with -o FILE.xlsx
output-kind-table = text table
output-kind-csv = CSV
output-kind-json = JSON
output-kind-xlsx = Excel annex
output-wrote = wrote { $file } ({ $kind }, { $units ->
        [one] 1 unit
       *[other] { $units } units
    }) and { $manifest }
template-exists = { $file } exists; choose another name, or give --force to replace it
