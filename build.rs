//! Passes the target the binary is built for to the code, so that `kansa --version`
//! says which build a user runs (a Windows one from this machine, or Linux).

fn main() {
    let target = std::env::var("TARGET").unwrap_or_else(|_| "unknown target".into());
    println!("cargo:rustc-env=KANSA_TARGET={target}");
    println!("cargo:rerun-if-changed=build.rs");
}
