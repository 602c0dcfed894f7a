//! robust_reading
