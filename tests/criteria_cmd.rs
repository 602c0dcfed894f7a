//! criteria_cmd
