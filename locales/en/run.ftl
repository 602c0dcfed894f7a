# A run: results, writing files, system errors.

run-invalid-files = { $excluded } of { $total } { $total ->
        [one] file
       *[other] files
    } { $excluded ->
        [one] has
       *[other] have
    } problems; nothing was written (use --keep-going to score the valid ones)
run-invalid-year = { $excluded } of { $total } { $total ->
        [one] file
       *[other] files
    } scored with { $criteria } { $excluded ->
        [one] has
       *[other] have
    } problems; nothing was written
run-nothing-scored = no unit could be scored; nothing was written
run-nothing-scored-for-year = no unit workbook found for { $criteria }; nothing was written
run-record = cannot record the run: { $reason }
run-render = cannot render the result: { $reason }
explain-invalid = { $file } cannot be scored; fix the problems above

publish-input = refusing to write { $path }: it is the input { $input } (the same file), which would be overwritten; nothing was written
publish-not-a-file = cannot write { $path }: it is { $kind }
publish-busy = cannot write { $path }: another parindex run (or another program) is writing it; try again when it has finished
publish-cannot-write = cannot write { $path }: { $reason }
publish-restore = cannot write { $manifest }: { $reason }; the new { $result } is in place without it, and the previous one could not be put back ({ $restore }): it is in { $backup } until the next run into that folder
publish-unremoved = cannot write { $manifest }: { $reason }; the new { $result } is in place without it and could not be removed ({ $remove })
publish-stdout = cannot write to standard output: { $reason }

not-a-file-folder = a folder; name a file in it
not-a-file-stream-link = a symbolic link to { $to }, not a regular file; to write to standard output, leave out -o
not-a-file-link = a symbolic link to { $to }, not a regular file; name the file itself
not-a-file-pipe = a named pipe, not a regular file; to write to standard output, leave out -o
not-a-file-socket = a socket, not a regular file; to write to standard output, leave out -o
not-a-file-device = a device, not a regular file; to write to standard output, leave out -o
not-a-file-other = not a regular file; to write to standard output, leave out -o

io-not-found = not found
io-permission = permission denied
io-exists = already exists
io-folder = it is a folder
io-not-folder = part of the path is not a folder
io-full = the disk is full
io-read-only = the disk is read-only
io-invalid-data = the content cannot be read (not UTF-8 text?)
io-broken-pipe = the receiving end was closed
io-other = a system error

explain-unknown-code = criterion { $code } is not in the criteria file "{ $framework }"
explain-basis-appraised = appraised (Điểm thẩm định)
explain-basis-self = self-assessed (Điểm tự đánh giá)
explain-unit = { $name } ({ $code }), { $year } — { $file }, sheet '{ $sheet }'
explain-rules = Criteria { $framework }; scored on the { $basis } column; not applicable (KPS) leaves leave both points and maximum
explain-total = Total: { $total }
explain-index = Index: { $index }
explain-column-survey = appraised (survey)
explain-column-appraised = appraised
explain-column-self = self
explain-not-applicable = not applicable, max { $max } left out
explain-not-applicable-full = not applicable, awarded the maximum { $max }
explain-rule-leaf = { $points }  ← computed from facts: { $rule } (sheet '{ $sheet }', { $cells })
explain-rule-points = { $points } points
explain-rule-nothing-arose = nothing arose
explain-rule-rounded = , { $rounding } to a multiple of { $step }
rounding-truncate = rounded down
rounding-half-away = rounded (half away from zero)
rounding-half-even = rounded (half to even)
explain-leaf = { $points }  ← { $counted } { $cell } (other: { $other } { $other_cell })
explain-empty-cell = { $cell } (empty)
explain-rolled-up = max { $max }, { $not_applicable } not applicable

input-not-regular = not a regular file but { $kind }
input-too-large = the file is { $size }, above the limit of { $limit } for { $what }
input-not-utf8 = the content is not UTF-8 text
input-kind-workbook = a workbook
input-kind-criteria = a criteria file
input-kind-results = a results file
input-kind-mapping = a mapping file
input-kind-manifest = a manifest
file-kind-folder = a folder
file-kind-pipe = a named pipe
file-kind-device = a device
file-kind-socket = a socket
file-kind-other = a special file
explain-column-external = external points file
score-missing-external = the external points file (--external) has no points for unit { $unit }, criterion { $code }; or score a preliminary result with --preliminary
explain-external-leaf = { $points }  ← external points file { $file }, { $place }{ $tallies }
explain-external-left-out = preliminary: not counted, maximum { $max } left out
explain-component = Component { $code } ({ $name }): { $figures }
explain-adjustment = { $name }: bonus { $bonus } (cap { $bonus_cap }), penalty { $penalty } (cap { $penalty_cap }) — { $items }; total points after bonus and penalty: { $total }
explain-adjustment-none = no item
explain-preliminary = PRELIMINARY: the components from the external file are not in yet
explain-rated-points = rated on the total points { $points }
explain-rules-mixed = Criteria { $framework }; scored on the { $basis } column; not applicable (KPS) leaves leave points and maximum, except those awarded full points (said on their lines)
explain-rolled-up-pending = max { $max }, { $not_applicable } not applicable, { $pending } not in yet (preliminary)
explain-rolled-up-pending-only = max { $max }, { $pending } not in yet (preliminary)
