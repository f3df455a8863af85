//! A tiny HTTP/1.1 server on 127.0.0.1 that a test starts itself, answering each request with
//! the test's own handler: enough for conditional GETs, redirects, stalls and error statuses.
//! No other host is ever contacted. Shared by the core and CLI suites.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::time::Duration;

/// What the server saw: the path and the headers, names lower-cased.
pub struct Request {
    pub path: String,
    pub headers: HashMap<String, String>,
}

/// What it sends back. Without `length`, the body is delimited by closing the connection.
pub struct Reply {
    pub status: &'static str,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
    pub length: bool,
    pub delay: Duration,
}

pub fn reply(status: &'static str, body: &[u8]) -> Reply {
    Reply {
        status,
        headers: Vec::new(),
        body: body.to_vec(),
        length: true,
        delay: Duration::ZERO,
    }
}

pub fn redirect(status: &'static str, to: &str) -> Reply {
    let mut r = reply(status, b"");
    r.headers.push(("Location", to.to_string()));
    r
}

/// Starts a server on an ephemeral 127.0.0.1 port answering each request with `handler`;
/// returns its base URL. The listener thread lives until the test binary exits.
pub fn serve(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let base = format!("http://{}", listener.local_addr().expect("local address"));
    let handler = Arc::new(handler);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let handler = Arc::clone(&handler);
            std::thread::spawn(move || answer(stream, &*handler));
        }
    });
    base
}

fn answer(stream: TcpStream, handler: &dyn Fn(&Request) -> Reply) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone the stream"));
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut header = String::new();
        match reader.read_line(&mut header) {
            Ok(0) | Err(_) => return,
            Ok(_) if header.trim().is_empty() => break,
            Ok(_) => {
                if let Some((name, value)) = header.split_once(':') {
                    headers.insert(name.trim().to_lowercase(), value.trim().to_string());
                }
            }
        }
    }
    let r = handler(&Request { path, headers });
    std::thread::sleep(r.delay);
    let mut out = format!("HTTP/1.1 {}\r\nConnection: close\r\n", r.status);
    for (name, value) in &r.headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    if r.length {
        out.push_str(&format!("Content-Length: {}\r\n", r.body.len()));
    }
    out.push_str("\r\n");
    let mut stream = stream;
    // The client may hang up first (a timeout, the size cap): that is the point of some tests.
    let _ = stream.write_all(out.as_bytes());
    let _ = stream.write_all(&r.body);
}
