//! URL resolution for the page at `about:blank`: absolute URLs are parsed into their
//! parts (for `a.href`, `a.hash`, `location`...), a fragment-only reference resolves
//! against `about:blank`, and any other relative reference cannot be resolved (jsdom
//! then reports the attribute's text as is).

/// A parsed absolute URL.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Url {
    pub protocol: String,
    pub username: String,
    pub password: String,
    pub hostname: String,
    pub port: String,
    pub pathname: String,
    pub search: String,
    pub hash: String,
    /// A URL with a host (`http:`), as opposed to `about:`, `mailto:`...
    pub special: bool,
}

impl Url {
    pub fn host(&self) -> String {
        if self.port.is_empty() {
            self.hostname.clone()
        } else {
            format!("{}:{}", self.hostname, self.port)
        }
    }

    pub fn origin(&self) -> String {
        if self.special && !self.hostname.is_empty() && self.protocol != "file:" {
            format!("{}//{}", self.protocol, self.host())
        } else {
            "null".into()
        }
    }

    pub fn href(&self) -> String {
        let mut s = self.protocol.clone();
        if self.special {
            s.push_str("//");
            if !self.username.is_empty() {
                s.push_str(&self.username);
                if !self.password.is_empty() {
                    s.push(':');
                    s.push_str(&self.password);
                }
                s.push('@');
            }
            s.push_str(&self.host());
        }
        s.push_str(&self.pathname);
        s.push_str(&self.search);
        s.push_str(&self.hash);
        s
    }
}

/// The page's own URL.
pub fn about_blank() -> Url {
    Url {
        protocol: "about:".into(),
        pathname: "blank".into(),
        ..Url::default()
    }
}

fn default_port(scheme: &str) -> Option<&'static str> {
    Some(match scheme {
        "http" | "ws" => "80",
        "https" | "wss" => "443",
        "ftp" => "21",
        _ => return None,
    })
}

/// Resolves `input` against `about:blank`; `None` when it cannot be resolved.
pub fn resolve(input: &str) -> Option<Url> {
    let input = input.trim();
    if let Some(frag) = input.strip_prefix('#') {
        let mut u = about_blank();
        u.hash = format!("#{frag}");
        return Some(u);
    }
    parse_absolute(input)
}

fn parse_absolute(input: &str) -> Option<Url> {
    let colon = input.find(':')?;
    let scheme = &input[..colon];
    if scheme.is_empty()
        || !scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        || !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        return None;
    }
    let scheme = scheme.to_ascii_lowercase();
    let mut rest = &input[colon + 1..];
    let mut u = Url {
        protocol: format!("{scheme}:"),
        ..Url::default()
    };
    if let Some(i) = rest.find('#') {
        u.hash = if i + 1 < rest.len() {
            rest[i..].to_string()
        } else {
            String::new()
        };
        rest = &rest[..i];
    }
    if let Some(i) = rest.find('?') {
        u.search = if i + 1 < rest.len() {
            rest[i..].to_string()
        } else {
            String::new()
        };
        rest = &rest[..i];
    }
    let special = matches!(
        scheme.as_str(),
        "http" | "https" | "ws" | "wss" | "ftp" | "file"
    );
    if special {
        let r = rest.trim_start_matches(['/', '\\']);
        let end = r.find(['/', '\\']).unwrap_or(r.len());
        let (auth, path) = r.split_at(end);
        let hostport = match auth.rfind('@') {
            Some(at) => {
                let (user, pass) = auth[..at].split_once(':').unwrap_or((&auth[..at], ""));
                u.username = user.to_string();
                u.password = pass.to_string();
                &auth[at + 1..]
            }
            None => auth,
        };
        let (host, port) = match hostport.rsplit_once(':') {
            Some((h, p)) if p.chars().all(|c| c.is_ascii_digit()) => (h, p),
            _ => (hostport, ""),
        };
        if host.is_empty() && scheme != "file" {
            return None;
        }
        u.hostname = host.to_ascii_lowercase();
        u.port = if Some(port) == default_port(&scheme) {
            String::new()
        } else {
            port.to_string()
        };
        u.pathname = if path.is_empty() {
            "/".into()
        } else {
            normalize_path(&path.replace('\\', "/"))
        };
        u.special = true;
    } else {
        u.pathname = rest.to_string();
    }
    Some(u)
}

/// Removes `.` and `..` segments.
fn normalize_path(p: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segs: Vec<&str> = p.split('/').skip(1).collect();
    for (i, s) in segs.iter().enumerate() {
        match *s {
            "." => {
                if i == segs.len() - 1 {
                    out.push("");
                }
            }
            ".." => {
                out.pop();
                if i == segs.len() - 1 {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    format!("/{}", out.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_like_jsdom() {
        let u = resolve("https://ex.com:8080/a/b?x=1#y").unwrap();
        assert_eq!(u.href(), "https://ex.com:8080/a/b?x=1#y");
        assert_eq!(u.origin(), "https://ex.com:8080");
        assert_eq!(resolve("#s").unwrap().href(), "about:blank#s");
        assert!(resolve("/p?q").is_none());
        assert_eq!(resolve("http://a.com").unwrap().href(), "http://a.com/");
    }
}
