validate-summary = { $files ->
        [one] 1 file
       *[other] { $files } files
    }, { $error_files } with errors ({ $errors }), { $warning_files } with warnings ({ $warnings })
