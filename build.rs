//! The interface's catalogue (`locales/`) is compiled into the binary: rebuild when any of its
//! files changes or is added (the macro that embeds it only sees the files that existed).
fn main() {
    println!("cargo:rerun-if-changed=locales");
}
