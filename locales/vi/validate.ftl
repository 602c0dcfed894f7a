validate-summary = { $files } tệp, { $error_files } tệp có lỗi ({ $errors }), { $warning_files } tệp có cảnh báo ({ $warnings })
