fn main() {
    std::process::exit(parindex::run(std::env::args_os()));
}
