//! The error that crosses IPC. The UI branches on `kind` (core's [`plenary_core::Error::kind`])
//! and shows `message`, which already names the file, line, field or value at fault.

use serde::Serialize;

/// `{ kind, message }` as the webview receives it from a failed command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommandError {
    pub kind: String,
    pub message: String,
}

impl From<plenary_core::Error> for CommandError {
    fn from(error: plenary_core::Error) -> Self {
        CommandError {
            kind: error.kind().to_string(),
            message: error.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carries_core_kind_and_message() {
        let error = CommandError::from(plenary_core::Error::NotFound {
            what: "session",
            key: "abc".into(),
        });
        assert_eq!(error.kind, "not-found", "kind is core's short name");
        assert_eq!(
            error.message, r#"no session "abc""#,
            "message is core's display text"
        );
    }
}
