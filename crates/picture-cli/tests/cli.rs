use assert_cmd::Command;

#[test]
fn version_and_help() {
    let out = Command::cargo_bin("picture")
        .unwrap()
        .arg("--version")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("picture {}", env!("CARGO_PKG_VERSION"))
    );
    let out = Command::cargo_bin("picture")
        .unwrap()
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Usage: picture"));
}

#[test]
fn unknown_arguments_fail_cleanly() {
    let out = Command::cargo_bin("picture")
        .unwrap()
        .arg("--no-such-flag")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unexpected argument"));
}
