//! `plenary`: the command line over plenary-core.

fn main() {
    println!("plenary: command line not built yet");
}
