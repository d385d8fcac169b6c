//! Helpers for the adapters' tests: fixture edits and deterministic mutations.

use crate::error::LoadError;
use serde_json::Value;

/// The message of a [`LoadError::Malformed`]; anything else fails the test.
pub fn malformed<T: std::fmt::Debug>(result: Result<T, LoadError>) -> String {
    match result {
        Err(LoadError::Malformed(message)) => message,
        other => panic!("expected Malformed, got {other:?}"),
    }
}

/// `json` with one key of the object at `pointer` (such as `/posts/0`) replaced, or removed
/// with `None`.
pub fn with_key(json: &str, pointer: &str, key: &str, value: Option<Value>) -> String {
    let mut body: Value = serde_json::from_str(json).expect("fixture is JSON");
    let object = body.pointer_mut(pointer).and_then(Value::as_object_mut).expect("fixture has the object");
    match value {
        Some(v) => object.insert(key.to_string(), v),
        None => object.remove(key),
    };
    body.to_string()
}

/// xorshift64: tiny, deterministic, good enough to pick mutations.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn nested(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

fn odd_value(rng: &mut Rng) -> Value {
    let choices = [
        Value::Null,
        Value::Bool(true),
        serde_json::json!(0),
        serde_json::json!(-1),
        serde_json::json!(u64::MAX),
        serde_json::json!(1.5e300),
        serde_json::json!(""),
        serde_json::json!("2026-99-99T99:99:99Z"),
        serde_json::json!("<figure class=\"kg-embed-card\">"),
        serde_json::json!("é\u{0}\u{FFFF}"),
        serde_json::json!([]),
        serde_json::json!({}),
        serde_json::json!([null, 1, "x"]),
        serde_json::json!({"errors": [{"type": "NotFoundError"}]}),
        serde_json::from_str(&nested(40)).expect("40 levels parse"),
    ];
    choices[rng.below(choices.len())].clone()
}

/// Every value in a JSON document, by pointer.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| pointers(v, format!("{at}/{i}"), out)),
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| pointers(v, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out)),
        _ => {}
    }
    out.push(at);
}

/// Deterministic mutations of `text`: truncations every `step` bytes, bit flips, values
/// replaced by other JSON types, keys removed and deep nesting spliced in.
pub fn mutations(text: &str, seed: u64, count: usize, step: usize) -> Vec<String> {
    let mut rng = Rng(seed);
    let bytes = text.as_bytes();
    let mut out: Vec<String> =
        (0..bytes.len()).step_by(step).map(|i| String::from_utf8_lossy(&bytes[..i]).into_owned()).collect();
    let doc: Value = serde_json::from_str(text).expect("fixture is JSON");
    let mut paths = Vec::new();
    pointers(&doc, String::new(), &mut paths);
    for _ in 0..count {
        match rng.below(5) {
            0 => {
                let mut b = bytes.to_vec();
                for _ in 0..=rng.below(4) {
                    let i = rng.below(b.len());
                    b[i] ^= 1 << rng.below(8);
                }
                out.push(String::from_utf8_lossy(&b).into_owned());
            }
            1 | 2 => {
                let mut d = doc.clone();
                if let Some(slot) = d.pointer_mut(&paths[rng.below(paths.len())]) {
                    *slot = odd_value(&mut rng);
                }
                out.push(d.to_string());
            }
            3 => {
                let mut d = doc.clone();
                let path = &paths[rng.below(paths.len())];
                if let Some((parent, key)) = path.rsplit_once('/') {
                    if let Some(Value::Object(map)) = d.pointer_mut(parent) {
                        map.remove(&key.replace("~1", "/").replace("~0", "~"));
                    }
                }
                out.push(d.to_string());
            }
            _ => {
                // Deep nesting where a value starts, or as the whole body.
                let colons: Vec<usize> = text.match_indices(':').map(|(i, _)| i + 1).collect();
                let depth = [2, 127, 128, 129, 5000][rng.below(5)];
                out.push(match colons.get(rng.below(colons.len() + 1)) {
                    Some(&at) => format!("{}{}{}", &text[..at], nested(depth), &text[at..]),
                    None => nested(depth),
                });
            }
        }
    }
    out
}
