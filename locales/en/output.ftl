# Results: the table on screen, words in CSV and JSON.

table-rank = Rank
table-code = Code
table-unit = Unit
table-area =
    A{ $code }
    /{ $max }
table-area-code = A{ $code }
table-points = Points
table-max = Max
table-index = Index %
table-rating = Rating
table-basis = Basis
table-component =
    { $code }
    /{ $max }
table-bonus = Bonus
table-penalty = Penalty
table-final = Final
table-pending = pending
table-preliminary = PRELIMINARY — no points yet for { $components }: left out of the points and the maximum
table-components = Components:
table-component-line = { $code }  { $name } ({ $areas })
table-component-external = { $code }  { $name } ({ $areas }; points from the external file)
table-adjustment-added = { $name } (bonus and penalty): bonus at most { $bonus }, penalty at most { $penalty }; Index = Points ÷ Max × 100 + (Bonus − Penalty) × 100 ÷ { $total }
table-adjustment-rescaled = { $name } (bonus and penalty): bonus at most { $bonus }, penalty at most { $penalty }; Index = (Points + Bonus − Penalty) ÷ (Max + { $bonus }) × 100
table-areas = Areas:
table-incomplete = !! INCOMPLETE RESULT: { $excluded ->
        [one] 1 file
       *[other] { $excluded } files
    } excluded, not ranked:
table-excluded = { $file } ({ $problems ->
        [one] 1 problem
       *[other] { $problems } problems
    })

basis-appraised = appraised
basis-self = self

status-same = same
status-renamed = renamed
status-merged = merged
status-merged-not-comparable = merged, not comparable
status-split = split
status-split-not-comparable = split, not comparable
status-new = new
status-dropped = dropped

compare-table-title = PAR index { $now } against { $before }
compare-table-previous = Previous unit
compare-table-index =
    Index
    { $year }
compare-table-change = Change
compare-table-rank =
    Rank
    { $year }
compare-table-rank-change = ±Rank
compare-table-rating = Rating { $before } → { $now }
compare-table-area =
    A{ $code }
    ± %
compare-table-new = new
compare-table-not-comparable = { $codes } (not comparable)
compare-table-change-note = Change: percentage points, the difference of the two published indexes
compare-table-merged-note = Merged units: the { $before } figure = the predecessors' points ÷ their applicable maxima × 100
compare-split-code = part of { $code }
compare-table-split-note = Split units (“part of …”): compared with the { $before } figures of the whole former unit that was split; no rank change
compare-table-lone-areas = Areas not comparable:
compare-table-only-in = { $year } only
compare-table-bonus =
    Bonus
    { $year }
compare-table-penalty =
    Penalty
    { $year }
compare-table-final =
    Final points
    { $year }
compare-table-final-change = ±Final points
compare-table-component =
    C { $code }
    ± %
compare-table-preliminary = PRELIMINARY: the { $years } results lack the points of the components given outside the form (survey, leadership assessment); the comparison is indicative only
compare-table-adjustment-note = Bonus, penalty and final points after both: { $now }, in points
compare-table-final-change-note = ±Final points: the difference of the two years' final points
compare-table-lone-components = Components not comparable:
compare-table-dropped = Units of { $before } with no successor in { $now }:
compare-table-dropped-unit = { $code } { $name }: { $index } %, rank { $rank }, { $rating }

table-not-submitted = not submitted
summary-title = Units per band:
summary-number = No.
summary-count = Units
summary-percent = Share %
summary-total = Total
summary-index = Index (%): mean { $mean }, median { $median }, lowest { $min }, highest { $max }
summary-areas = Mean per area (%): { $areas }
summary-area = LV{ $code } { $mean }
