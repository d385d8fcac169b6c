//! The bundled demo content follows the static schema (docs/static-schema.md), every reference in
//! it resolves, and its generated files are current.

use std::process::Command;

#[test]
fn demo_content_is_valid_and_its_generated_files_are_current() {
    let content = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/content");
    let output = Command::new(env!("CARGO_BIN_EXE_broadsheet-index")).args([content, "--check"]).output().expect("indexer runs");
    assert!(
        output.status.success(),
        "broadsheet-index --check failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("up to date"));
}
