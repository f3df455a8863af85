//! `plenary generate`: writes a synthetic conference as a Plenary dataset that `plenary import`
//! reads, for benchmarks and for trying the app on a programme a hundred times WAIC's size.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use clap::Args;
use plenary_core::synth::{self, Scale};
use plenary_core::{Error, Result};

/// Write a synthetic WAIC-like conference (Chinese and English) to a file for `plenary import`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// `waic` (800 exhibitors, 3,000 products, 300 sessions, 1,500 speakers) or a multiple of
    /// it such as `100x`.
    #[arg(long, default_value = "waic", value_parser = parse_scale)]
    pub scale: Scale,
    /// The same seed always writes the same file.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Where to write the JSON. Files over 64 MiB (100x is) need `plenary import --max-size`.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: PathBuf,
}

/// Clap's parser for `--scale`.
pub fn parse_scale(text: &str) -> std::result::Result<Scale, String> {
    Scale::parse(text)
        .ok_or_else(|| format!("expected `waic` or a multiple like `100x`, not `{text}`"))
}

pub fn run(args: &GenerateArgs, json: bool) -> Result<()> {
    let data = synth::generate(args.scale, args.seed);
    let io = |source| Error::Io {
        path: args.output.clone(),
        source,
    };
    let file = std::fs::File::create(&args.output).map_err(io)?;
    let mut out = BufWriter::new(file);
    serde_json::to_writer(&mut out, &data)?;
    out.flush().map_err(io)?;
    let size = std::fs::metadata(&args.output).map_err(io)?.len();
    let products: usize = data.exhibitors.iter().map(|e| e.products.len()).sum();
    if json {
        let summary = serde_json::json!({
            "conference": data.conference.slug,
            "file": args.output,
            "bytes": size,
            "sessions": data.sessions.len(),
            "speakers": data.persons.len(),
            "exhibitors": data.exhibitors.len(),
            "products": products,
        });
        println!("{summary}");
    } else {
        println!(
            "Wrote {} ({:.1} MB): {} sessions, {} speakers, {} exhibitors, {} products.",
            args.output.display(),
            size as f64 / 1e6,
            data.sessions.len(),
            data.persons.len(),
            data.exhibitors.len(),
            products
        );
    }
    Ok(())
}
