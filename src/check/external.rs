//! Whether an external URL is well formed, without touching the network: it must parse
//! as a WHATWG URL (the `url` crate, as browsers parse), web URLs need `scheme://` and a
//! plausible host, `mailto:` needs an address, and no URL may hold raw whitespace.

use url::{Host, Url};

/// Why `value` (a link with a scheme, or `//host/…`) is malformed; `None` when it is fine.
pub fn problem(value: &str) -> Option<String> {
    if value.chars().any(char::is_whitespace) {
        return Some("it contains whitespace (write %20)".into());
    }
    let full = match value.strip_prefix("//") {
        Some(rest) => format!("https://{rest}"),
        None => value.to_string(),
    };
    let url = match Url::parse(&full) {
        Ok(u) => u,
        Err(e) => return Some(e.to_string()),
    };
    let scheme = url.scheme();
    match scheme {
        "http" | "https" | "ftp" | "ws" | "wss" => {
            let after = &full[scheme.len() + 1..];
            if !after.starts_with("//") {
                return Some(format!("`{scheme}:` must be followed by `//`"));
            }
            match url.host() {
                None => Some("it has no host".into()),
                Some(Host::Domain(domain)) => domain_problem(domain),
                Some(Host::Ipv4(_) | Host::Ipv6(_)) => None,
            }
        }
        "mailto" if !url.path().contains('@') => Some("`mailto:` needs an address".into()),
        _ => None,
    }
}

fn domain_problem(domain: &str) -> Option<String> {
    let trimmed = domain.strip_suffix('.').unwrap_or(domain);
    let labels: Vec<&str> = trimmed.split('.').collect();
    if labels.iter().any(|l| l.is_empty()) {
        return Some(format!("the host `{domain}` has an empty label"));
    }
    if labels
        .iter()
        .any(|l| l.starts_with('-') || l.ends_with('-'))
    {
        return Some(format!(
            "a label of the host `{domain}` starts or ends with `-`"
        ));
    }
    if labels.len() == 1 && trimmed != "localhost" {
        return Some(format!("the host `{domain}` has no top-level domain"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_urls() {
        for ok in [
            "https://docs.python.org/3/library/gc.html#gc.collect",
            "http://localhost:8080/",
            "https://例子.测试/路径",
            "//cdn.example.org/x.js",
            "mailto:someone@example.org",
            "https://[::1]:4000/",
            "ftp://ftp.example.org/pub",
            "tel:+123",
        ] {
            assert_eq!(problem(ok), None, "{ok}");
        }
    }

    #[test]
    fn rejects_malformed_urls() {
        for bad in [
            "https://exa mple.com",
            "http:/example.com",
            "https://example..com/",
            "https://-example.com/",
            "https://example:99999/",
            "https://example/",
            "https://",
            "mailto:",
            "https://[::1/",
        ] {
            assert!(problem(bad).is_some(), "{bad}");
        }
    }
}
