//! Signing in: to WordPress with an application password, or to a static site through the
//! publisher's token endpoint (docs/static-schema.md, "Signing in"). The `Authorization` header,
//! the account the site answers with, and what a refusal means in words.

use crate::base64::encode;
use crate::sources::wordpress::WpUrls;
use serde_json::{json, Value};
use std::fmt;

/// `sessionStorage` key of the [`SignedIn`] reader, per backend address.
pub fn session_key(site: &str) -> String {
    format!("broadsheet.session.{site}")
}

/// How a backend's readers sign in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignInMethod {
    /// WordPress: user name and an application password, checked against `users/me`.
    ApplicationPassword { lost_password_url: String },
    /// The static schema: name and password POSTed to the publisher's endpoint for a token.
    Token { url: String },
}

/// Who is signed in, as the site knows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    pub id: u64,
    /// The public display name.
    pub name: String,
    /// Empty when the site does not say.
    pub email: String,
}

impl Account {
    /// `{"id", "name", "email"?}`, as WordPress's `users/me` and a token endpoint answer; read by
    /// walking the `Value`, so the browser build carries no derived decoder for it.
    fn read(value: &Value) -> Option<Account> {
        let email = match value.get("email") {
            None => String::new(),
            Some(email) => email.as_str()?.to_string(),
        };
        Some(Account { id: value["id"].as_u64()?, name: value["name"].as_str()?.to_string(), email })
    }
}

/// A signed-in reader: the account and the header that proves it on every request that needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedIn {
    pub account: Account,
    /// `Basic …` or `Bearer …`, sent only on requests that act as the reader.
    pub authorization: String,
}

impl SignedIn {
    /// The JSON kept in `sessionStorage` under [`session_key`].
    pub fn to_stored(&self) -> String {
        let Account { id, name, email } = &self.account;
        json!({ "account": { "id": id, "name": name, "email": email }, "authorization": self.authorization }).to_string()
    }

    /// The reader [`to_stored`](Self::to_stored) wrote; `None` for anything else.
    pub fn from_stored(text: &str) -> Option<SignedIn> {
        let value: Value = serde_json::from_str(text).ok()?;
        Some(SignedIn { account: Account::read(&value["account"])?, authorization: value["authorization"].as_str()?.to_string() })
    }
}

/// Why signing in did not work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignInError {
    /// A field was left empty.
    Missing,
    /// The site did not accept the name and password.
    WrongCredentials,
    /// WordPress did not accept them: most often a login password where an application one is needed.
    WrongApplicationPassword,
    /// The site turned application passwords off.
    Unavailable,
    /// The site could not be reached in time.
    Network,
    Other(String),
}

impl fmt::Display for SignInError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignInError::Missing => write!(f, "Enter your username or email address and your password."),
            SignInError::WrongCredentials => write!(f, "The username or password is not right."),
            SignInError::WrongApplicationPassword => write!(
                f,
                "The username or password is not right. Use an application password (in WordPress: Users → Profile → Application Passwords)."
            ),
            SignInError::Unavailable => write!(f, "This site does not allow signing in here."),
            SignInError::Network => write!(f, "The site could not be reached. Check your connection and try again."),
            SignInError::Other(problem) => write!(f, "Signing in did not work: {problem}"),
        }
    }
}

/// The `Authorization` header value for HTTP Basic authentication (RFC 7617, UTF-8).
pub fn basic_authorization(login: &str, password: &str) -> Result<String, SignInError> {
    let (login, password) = (login.trim(), password.trim());
    // A colon cannot be part of the user name in Basic authentication.
    if login.is_empty() || password.is_empty() || login.contains(':') {
        return Err(SignInError::Missing);
    }
    Ok(format!("Basic {}", encode(format!("{login}:{password}").as_bytes())))
}

/// The signed-in user's own record, with the email address (`context=edit` is allowed on oneself).
pub fn account_url(urls: WpUrls) -> String {
    // The same two URL forms as `WpUrls`' other endpoints.
    if urls.pretty_permalinks {
        format!("{}wp-json/wp/v2/users/me?context=edit", urls.base)
    } else {
        format!("{}?rest_route=/wp/v2/users/me&context=edit", urls.base)
    }
}

/// WordPress's own "Lost your password?" page.
pub fn lost_password_url(site: &str) -> String {
    format!("{}/wp-login.php?action=lostpassword", site.trim_end_matches('/'))
}

/// Maps the answer to `GET users/me`.
pub fn decode_account(status: u16, body: &str) -> Result<Account, SignInError> {
    let answer = serde_json::from_str::<Value>(body).unwrap_or_default();
    if (200..300).contains(&status) {
        return Account::read(&answer).ok_or_else(|| SignInError::Other("the site's answer was not an account".into()));
    }
    Err(match (status, answer["code"].as_str().unwrap_or_default()) {
        (_, "application_passwords_disabled" | "application_passwords_disabled_for_user") => SignInError::Unavailable,
        (401 | 403, _) => SignInError::WrongApplicationPassword,
        (404, _) => SignInError::Unavailable,
        _ => SignInError::Other(format!("error {status}")),
    })
}

/// The JSON body POSTed to a static site's `source.sign_in_url`.
pub fn token_request(login: &str, password: &str) -> Result<String, SignInError> {
    let (login, password) = (login.trim(), password.trim());
    if login.is_empty() || password.is_empty() {
        return Err(SignInError::Missing);
    }
    Ok(serde_json::json!({ "login": login, "password": password }).to_string())
}

/// Maps the token endpoint's answer: `{"token": "…", "account": {"id", "name", "email"}}` with a
/// 2xx status, else a refusal. The token must be an RFC 6750 `b64token`, or no header could carry it.
pub fn decode_token(status: u16, body: &str) -> Result<SignedIn, SignInError> {
    if (200..300).contains(&status) {
        let answer = serde_json::from_str::<Value>(body).unwrap_or_default();
        let issued = answer["token"].as_str().zip(Account::read(&answer["account"]));
        let (token, account) = issued.ok_or_else(|| SignInError::Other("the site's answer was not a token and an account".into()))?;
        let unpadded = token.trim_end_matches('=');
        let b64token = !unpadded.is_empty() && unpadded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~+/".contains(&b));
        if !b64token {
            return Err(SignInError::Other("the site's token cannot be sent back to it".into()));
        }
        return Ok(SignedIn { account, authorization: format!("Bearer {token}") });
    }
    Err(match status {
        400 | 401 | 403 => SignInError::WrongCredentials,
        404 | 405 => SignInError::Unavailable,
        _ => SignInError::Other(format!("error {status}")),
    })
}

/// Adds the account to the JSON body of `POST comments`, so that WordPress attributes the comment
/// to the signed-in user (it does so on its own only when no name or email is sent).
pub fn attribute_comment(body: &str, account: &Account) -> String {
    match serde_json::from_str::<serde_json::Value>(body) {
        Ok(serde_json::Value::Object(mut fields)) => {
            fields.insert("author".into(), account.id.into());
            serde_json::Value::Object(fields).to_string()
        }
        _ => body.to_string(),
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_authorization_is_base64_of_login_colon_password() {
        assert_eq!(basic_authorization("Aladdin", "open sesame").unwrap(), "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        // UTF-8, and the spaces WordPress shows inside application passwords are kept.
        assert_eq!(basic_authorization(" zoë ", "ab cd").unwrap(), format!("Basic {}", encode("zoë:ab cd".as_bytes())));
        assert_eq!(basic_authorization("", "x"), Err(SignInError::Missing));
        assert_eq!(basic_authorization("a", "  "), Err(SignInError::Missing));
        assert_eq!(basic_authorization("a:b", "x"), Err(SignInError::Missing));
    }


    #[test]
    fn account_urls_follow_the_permalink_setting() {
        assert_eq!(account_url(WpUrls { base: "https://wp.example/", pretty_permalinks: true }), "https://wp.example/wp-json/wp/v2/users/me?context=edit");
        assert_eq!(account_url(WpUrls { base: "https://wp.example/", pretty_permalinks: false }), "https://wp.example/?rest_route=/wp/v2/users/me&context=edit");
        assert_eq!(lost_password_url("https://wp.example/"), "https://wp.example/wp-login.php?action=lostpassword");
    }

    #[test]
    fn a_token_endpoint_gets_the_login_and_its_token_becomes_a_bearer_header() {
        assert_eq!(token_request(" ann ", "pw \"x\""), Ok(r#"{"login":"ann","password":"pw \"x\""}"#.into()));
        assert_eq!(token_request("ann", " "), Err(SignInError::Missing));
        let body = r#"{"token":"abc.DEF-1_2~3+4/5==","account":{"id":7,"name":"Ann Reader","email":"ann@example.com"}}"#;
        let reader = decode_token(200, body).expect("a token");
        assert_eq!(reader.authorization, "Bearer abc.DEF-1_2~3+4/5==");
        assert_eq!(reader.account, Account { id: 7, name: "Ann Reader".into(), email: "ann@example.com".into() });
        for hostile in ["", "a b", "a\r\nX-Evil: 1", "ü"] {
            let body = format!(r#"{{"token":"{hostile}","account":{{"id":1,"name":"A"}}}}"#);
            assert!(matches!(decode_token(200, &body), Err(SignInError::Other(_))), "{hostile:?}");
        }
        assert!(matches!(decode_token(200, r#"{"token":"x"}"#), Err(SignInError::Other(_))));
        assert_eq!(decode_token(401, r#"{"error":"wrong"}"#), Err(SignInError::WrongCredentials));
        assert_eq!(decode_token(404, ""), Err(SignInError::Unavailable));
        assert_eq!(decode_token(502, ""), Err(SignInError::Other("error 502".into())));
    }

    #[test]
    fn decodes_the_account_and_every_refusal() {
        let body = r#"{"id":1,"name":"Helen Marsh","email":"helen@example.com","slug":"helen","roles":["administrator"]}"#;
        assert_eq!(decode_account(200, body), Ok(Account { id: 1, name: "Helen Marsh".into(), email: "helen@example.com".into() }));
        assert_eq!(decode_account(401, r#"{"code":"incorrect_password","message":"x"}"#), Err(SignInError::WrongApplicationPassword));
        assert_eq!(decode_account(401, r#"{"code":"invalid_username"}"#), Err(SignInError::WrongApplicationPassword));
        assert_eq!(decode_account(401, "<html>"), Err(SignInError::WrongApplicationPassword));
        assert_eq!(decode_account(501, r#"{"code":"application_passwords_disabled"}"#), Err(SignInError::Unavailable));
        assert_eq!(decode_account(500, ""), Err(SignInError::Other("error 500".into())));
        assert!(matches!(decode_account(200, "[]"), Err(SignInError::Other(_))));
        assert!(SignInError::WrongApplicationPassword.to_string().contains("application password"));
        assert!(!SignInError::WrongCredentials.to_string().contains("application password"));
    }

    #[test]
    fn a_signed_in_comment_names_its_author() {
        let account = Account { id: 7, name: "A".into(), email: "a@example.com".into() };
        let body = attribute_comment(r#"{"post":3,"content":"Hi"}"#, &account);
        let value: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(value["author"], 7);
        assert_eq!(value["post"], 3);
        assert_eq!(attribute_comment("not json", &account), "not json");
    }

    #[test]
    fn the_session_survives_storage() {
        let signed_in = SignedIn { account: Account { id: 1, name: "N".into(), email: String::new() }, authorization: "Basic eA==".into() };
        assert_eq!(SignedIn::from_stored(&signed_in.to_stored()), Some(signed_in));
        // What the derived encoder stored before, in its field order.
        let stored = r#"{"account":{"id":7,"name":"Ann","email":"a@x"},"authorization":"Bearer t"}"#;
        let account = Account { id: 7, name: "Ann".into(), email: "a@x".into() };
        assert_eq!(SignedIn::from_stored(stored), Some(SignedIn { account, authorization: "Bearer t".into() }));
        for other in ["", "null", "{}", r#"{"account":{"id":7,"name":"Ann"}}"#, r#"{"account":{"id":-1,"name":"A"},"authorization":"x"}"#, r#"{"account":{"id":1,"name":"A","email":null},"authorization":"x"}"#] {
            assert_eq!(SignedIn::from_stored(other), None, "{other}");
        }
        assert_eq!(session_key("https://wp.example/"), "broadsheet.session.https://wp.example/");
    }
}
