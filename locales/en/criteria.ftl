# The criteria file: reading, checking, describing.

framework-io = cannot read criteria file { $path }: { $reason }
framework-syntax = criteria file { $path } is not valid TOML:
    { $message }
framework-invalid = criteria file { $path } is not valid:
criteria-place = line { $line }, column { $column }
criteria-place-code = line { $line }, column { $column }, criterion { $code }

criteria-what-total = total_max
criteria-what-max = maximum
criteria-what-step = step
criteria-what-band = band bound
criteria-number-inexact = { $what } { $literal } has more digits than can be held exactly; write at most { $decimals } decimals
criteria-number-decimals = { $what } { $literal } has more than { $decimals } decimals
criteria-number-range = { $what } { $literal } is outside { $low } to { $high }
criteria-year = year { $year } is not a plausible assessment year
criteria-decimals = decimals = { $decimals }: at most 6 decimals can be published
criteria-total-sum = total_max is { $total } but the areas' maxima add up to { $sum }
criteria-total-overflow = the areas' maxima add up to more than can be held
criteria-code-invalid = code "{ $code }" is not a hierarchical code like "1", "1.2" or "1.2.3"
criteria-area-code = an area's code has one part ("1"); list criteria under [[criterion]]
criteria-criterion-code = a criterion's code names its area first ("1.2"); list areas under [[area]]
criteria-duplicate = duplicate code: already defined on line { $line }
criteria-max-zero = maximum { $max } must be above zero
criteria-no-parent = its parent "{ $parent }" is not defined
criteria-max-sum = maximum { $max } differs from the sum of its children's maxima, { $sum }
criteria-max-overflow = its children's maxima add up to more than can be held
criteria-empty-area = an area needs at least one criterion
criteria-step-zero = step { $step } must be above zero
criteria-max-step = maximum { $max } is not a multiple of the step { $step }
criteria-leaf-field = { $field } applies to leaves only, and this criterion has sub-criteria
criteria-no-band = no [[band]] is defined
criteria-band-start = the lowest band "{ $band }" starts at { $from }: bands must start at 0
criteria-band-open = band "{ $band }" has no upper bound `below`, but band "{ $next }" starts above it at { $from }
criteria-band-gap = gap: band "{ $band }" ends below { $below } but band "{ $next }" starts at { $from }
criteria-band-overlap = overlap: band "{ $band }" ends below { $below } but band "{ $next }" already starts at { $from }
criteria-band-above = band "{ $band }" starts above { $top }
criteria-band-top = the top band "{ $band }" must not have `below`: it runs up to and including 100

results-io = cannot read results file { $path }: { $reason }
results-invalid = results file { $path }: { $message }
results-extension = a results file must be the .csv or .json written by `parindex score`
results-empty = it holds no unit
results-duplicate = unit code "{ $unit }" appears more than once
results-unit = unit "{ $unit }": { $problem }
results-range = { $what } { $value } is outside { $low } to { $high }
results-what-points = points
results-what-max = applicable maximum
results-what-index = index
results-what-area-points = area points
results-what-area-max = area maximum
results-what-area-percent = area percentage
results-rank = rank { $rank } is not a rank among { $units } units
results-incomplete = the results are incomplete (written with --keep-going, some units excluded), so units would wrongly show as new or dropped
results-csv-unreadable = the CSV cannot be read: { $detail }
results-csv-column = no column "{ $column }": not a CSV written by `parindex score --format csv`
results-not-a-number = line { $line }, column { $column }: "{ $value }" is not a number
results-not-a-boolean = line { $line }, column { $column }: "{ $value }" is not true or false
results-not-a-rank = line { $line }, column { $column }: "{ $value }" is not a rank
results-json-unreadable = not a JSON written by `parindex score --format json`: { $detail }
results-bands = the framework's bands do not start at 0
results-components = unit { $unit } lists the components { $components }, unlike the file's framework
results-adjustment = unit { $unit } lacks the bonus, the penalty or the final points
results-areas = unit { $unit } lists the areas { $areas }, unlike the first unit

mapping-io = cannot read mapping file { $path }: { $reason }
mapping-syntax = mapping file { $path } is not valid TOML:
    { $message }
manifest-io = cannot read manifest { $path }: { $reason }
manifest-invalid = manifest { $path }: { $message }
manifest-not-a-manifest = not a parindex run manifest: { $detail }

compare-cannot = cannot compare { $previous } with { $current }:
compare-mapping-twice = mapping file { $file }, [units]: "{ $first }" and "{ $second }" are the same unit code; list it once
compare-mapping-no-unit = mapping file { $file }, [units] { $key }: no unit "{ $code }" in { $source }
compare-mapping-no-area = mapping file { $file }, [areas] { $key }: no area "{ $code }" in { $source }
compare-mapping-empty-list = mapping file { $file }, [units] { $key }: the list of this year's units is empty; give at least one code (for a split unit, every unit that took part of it)
compare-mapping-list-twice = mapping file { $file }, [units] { $key }: "{ $first }" and "{ $second }" are the same unit code of this year; list it once
compare-cannot-combine-adjusted = { $source }: last year's index has a bonus and penalty or bands in points, so merged and split units cannot be combined exactly by that year's rules; write merged = "not-comparable" in the mapping file to compare the other units
compare-needs-publication = combining merged units or areas needs last year's rounding rule and bands, which the CSV results { $source } do not carry: give the JSON results, or --previous-criteria with the workbooks
compare-previous-year = last year
compare-current-year = this year

describe-valid = { $file }: valid. { $name } ({ $id }), { $level } level, year { $year }: { $areas } areas, { $criteria } criteria, { $sub_criteria } sub-criteria, { $leaves } scored leaves, total { $total }
describe-area = max { $max }  { $criteria } criteria, { $sub_criteria } sub-criteria, { $leaves } leaves
describe-leaf-rules = { $not_applicable } leaves may be not applicable (KPS); { $survey } are survey-assessed
describe-bands = bands: { $bands }
describe-bands-tree = Bands: { $bands }
describe-tree = { $name } ({ $id }): year { $year }, total { $total }, published with { $decimals } decimals, rounding { $rounding }
describe-step = step { $step }
describe-kps = KPS allowed
describe-survey = survey
level-commune = commune
level-district = district
level-department = department
level-province = province

criteria-what-points = rule points
criteria-what-rule-band = rule bound
criteria-not-applicable-twice = write one of `not_applicable = "leave-out"` (the maximum is reduced) or `"full-points"` (awarded the maximum); `allow_not_applicable = true` is the older spelling of "leave-out"
rule-field-without-rule = { $field } applies only to a criterion scored by a rule (`rule = "choice"`, `"thresholds"` or `"proportional"`)
rule-field-kind = { $field } does not apply to a "{ $kind }" rule
rule-thresholds-input = a "thresholds" rule needs exactly one input: `value` (one value the unit enters) or `whole` and `parts` (a ratio of counts)
rule-proportional-rounding = a "proportional" rule must say how points are rounded to the step: `rounding = "truncate"`, `"half-away-from-zero"` or `"half-even"`
rule-key-invalid = the fact key "{ $key }" may hold only lowercase ASCII letters, digits and underscores (at most 40), e.g. "received"
rule-key-duplicate = the fact key "{ $key }" is used twice in this criterion
rule-label-empty = the fact "{ $key }" has no `label` to print on the form
rule-ratio-fields = a ratio needs `whole` (the total, e.g. dossiers received) and `parts` (parts of the total)
rule-ratio-counted = no part counts towards the ratio: mark the parts that count with `counted = true` (e.g. early and on time)
rule-points-step = the rule's points { $points } are not a multiple of the step { $step }
rule-choice-options = a "choice" rule needs at least two [[criterion.option]] levels, each with `name` and `points`
rule-choice-name = the level name "{ $name }" is empty or repeats another level's
rule-bands-missing = a "thresholds" rule needs [[criterion.band]] ranges, each with a lower bound, an upper bound (except the highest) and `points`
rule-band-lower = each range needs exactly one lower bound: `from` (inclusive) or `above` (exclusive)
rule-band-upper = each range has at most one upper bound: `below` (exclusive) or `to` (inclusive)
rule-band-start = the lowest range ({ $range }) must start at 0, inclusive (`from = 0`)
rule-band-seam = the ranges { $band } and { $next } do not meet: the upper bound of one must equal the lower bound of the next, inclusive on exactly one side (e.g. `to = 90` then `above = 90`), so that every value falls in exactly one range
rule-band-top = the highest range ({ $band }) may not have an upper bound: it runs to every larger value
rule-survey = a survey criterion has no rule computing points from facts
component-code = the component code "{ $code }" is invalid, repeated or reserved ("final", "applicable"); one part, ASCII letters and digits, e.g. "DT"
component-unknown-area = the component names area "{ $area }", which the framework does not have
component-area-twice = area "{ $area }" already belongs to another component
component-no-area = the component has no area (`areas = ["1", "2"]`)
component-area-missing = area "{ $area }" belongs to no component: with [[component]], every area belongs to exactly one
component-external-leaf = this criterion belongs to a component scored from the external file (`external = true`), so it has no `source` or `rule` of its own
adjustment-no-item = the bonus and penalty block has no [[adjustment.item]]
adjustment-code = the item code "{ $code }" is invalid, repeated, or the code of a criterion
criteria-what-cap = bonus or penalty cap
criteria-what-weight = answer weight
criteria-source-external = `source = "external"` is not written on a criterion: declare a [[component]] with `external = true` for the areas scored from the external file
describe-rules = { $ruled ->
        [one] 1 criterion is
       *[other] { $ruled } criteria are
    } scored from facts (rules); { $full ->
        [one] 1 is
       *[other] { $full } are
    } awarded full points when not applicable
describe-components = components: { $components }
describe-adjustment = { $name }: { $items } items, bonus at most { $bonus }, penalty at most { $penalty }, index by the "{ $formula }" formula
describe-external = points from the external file
describe-full-points = KPS awarded full points
describe-rule = rule { $kind }
