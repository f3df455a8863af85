//! Synthetic exhibitors and their products: Chinese companies with pinyin English names, a few
//! international ones with transliterated Chinese names, as on WAIC's exhibitor list.

use super::rng::Rng;
use super::words::*;
use super::{illustrative, Scale};
use crate::model::{Exhibitor, Product};

/// A company name: `(中文, English, web-name)`.
pub(super) fn company(rng: &mut Rng) -> (String, String, String) {
    if rng.chance(12) {
        let (en, zh) = *rng.pick(WESTERN_BRANDS);
        let (fz, fe) = *rng.pick(FIELDS);
        return (
            format!("{zh}{fz}"),
            format!("{en} {fe}"),
            format!("{}{}", en.to_lowercase(), fe.to_lowercase()),
        );
    }
    let (bz, bp) = *rng.pick(BRANDS);
    let (fz, fe) = *rng.pick(FIELDS);
    let (sz, se) = *rng.pick(SUFFIXES);
    let (cz, ce) = if rng.chance(40) {
        *rng.pick(CITIES)
    } else {
        ("", "")
    };
    let en = [ce, bp, fe, se]
        .iter()
        .filter(|w| !w.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    (
        format!("{cz}{bz}{fz}{sz}"),
        en,
        bp.to_lowercase().replace(' ', ""),
    )
}

/// Exactly `scale.exhibitors` exhibitors holding exactly `scale.products` products between them,
/// unevenly spread (zero to about twice the mean each) as on a real show floor.
pub(super) fn generate(rng: &mut Rng, scale: Scale) -> Vec<Exhibitor> {
    let mut left = scale.products;
    (0..scale.exhibitors)
        .map(|i| {
            let remaining = scale.exhibitors - i;
            let count = if remaining == 1 {
                left
            } else {
                let mean = left / remaining;
                rng.between(0, (2 * mean + 1).min(left))
            };
            left -= count;
            exhibitor(rng, i, count)
        })
        .collect()
}

fn exhibitor(rng: &mut Rng, i: usize, products: usize) -> Exhibitor {
    let (zh, en, web) = company(rng);
    let (hz, he, code) = *rng.pick(HALLS);
    let mut categories = Vec::new();
    for _ in 0..rng.between(1, 2) {
        let (cz, ce) = *rng.pick(CATEGORIES);
        if !categories.iter().any(|c: &String| c == ce) {
            categories.push(ce.to_string());
            categories.push(cz.to_string());
        }
    }
    let (tz, _) = *rng.pick(TOPICS);
    let description = format!("{zh}专注于{tz}，在{hz}展示最新产品与解决方案。");
    let brand = en.split(' ').next().unwrap_or(&en).to_string();
    let products = (0..products).map(|k| product(rng, &brand, k)).collect();
    let id = format!("e{i}");
    Exhibitor {
        key: format!("id-{id}"),
        source_id: Some(id),
        name: en,
        other_name: Some(zh),
        hall: Some(he.to_string()),
        booths: vec![format!(
            "{code}-{}{:03}",
            char::from(b'A' + rng.below(8) as u8),
            rng.between(1, 300)
        )],
        country: Some(rng.pick(COUNTRIES).to_string()),
        categories,
        website: Some(format!("https://www.{web}{i}.example")),
        description: Some(description),
        products,
        provenance: illustrative(),
    }
}

fn product(rng: &mut Rng, brand: &str, k: usize) -> Product {
    let (pz, pe) = *rng.pick(PRODUCTS);
    let model = format!("{}{}", char::from(b'A' + (k % 26) as u8), rng.between(1, 9));
    let (cz, ce) = *rng.pick(CATEGORIES);
    Product {
        name: format!("{brand} {model} {pe}"),
        other_name: Some(format!("{model}{pz}")),
        category: Some(format!("{ce} / {cz}")),
        description: rng
            .chance(50)
            .then(|| format!("面向{cz}场景的{pz}，支持本地部署。")),
        provenance: illustrative(),
    }
}
